// With xhat = (x - mean) rstd: gx += rstd (gy - mean(gy) - xhat mean(gy xhat)), one workgroup per row.
struct Params { rows: u32, d: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> mean: array<f32>;
@group(0) @binding(3) var<storage, read> rstd: array<f32>;
@group(0) @binding(4) var<storage, read> gy: array<f32>;
@group(0) @binding(5) var<storage, read_write> gx: array<f32>;

const WG: u32 = 64u;
var<workgroup> part: array<f32, WG>;

fn total(li: u32, v: f32) -> f32 {
    part[li] = v;
    workgroupBarrier();
    for (var h = WG / 2u; h > 0u; h /= 2u) {
        if (li < h) {
            part[li] = part[li] + part[li + h];
        }
        workgroupBarrier();
    }
    let r = part[0];
    workgroupBarrier();
    return r;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let r = wid.y * nw.x + wid.x;
    if (r >= p.rows) {
        return;
    }
    let off = r * p.d;
    let mu = mean[r];
    let rs = rstd[r];
    var sg = 0.0;
    var sgx = 0.0;
    for (var j = li; j < p.d; j += WG) {
        let xh = (x[off + j] - mu) * rs;
        sg += gy[off + j];
        sgx += gy[off + j] * xh;
    }
    let mg = total(li, sg) / f32(p.d);
    let mgx = total(li, sgx) / f32(p.d);
    for (var j = li; j < p.d; j += WG) {
        let xh = (x[off + j] - mu) * rs;
        gx[off + j] = gx[off + j] + rs * (gy[off + j] - mg - xh * mgx);
    }
}
