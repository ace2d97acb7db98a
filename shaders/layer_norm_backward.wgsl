// With xhat = (x - mean) rstd: gx += rstd (gy - mean(gy) - xhat mean(gy xhat)) per row of (rows, d). LANES threads
// share a row, as in layer_norm.wgsl (64 on GPUs, 1 on adapters that run on the CPU).
struct Params { rows: u32, d: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> mean: array<f32>;
@group(0) @binding(3) var<storage, read> rstd: array<f32>;
@group(0) @binding(4) var<storage, read> gy: array<f32>;
@group(0) @binding(5) var<storage, read_write> gx: array<f32>;

const WG: u32 = 64u;
override LANES: u32 = 64u; // a power of two dividing WG
var<workgroup> part: array<f32, WG>;

fn total(li: u32, v: f32) -> f32 {
    if (LANES == 1u) {
        return v;
    }
    part[li] = v;
    workgroupBarrier();
    let lane = li % LANES;
    for (var h = LANES / 2u; h > 0u; h /= 2u) {
        if (lane < h) {
            part[li] = part[li] + part[li + h];
        }
        workgroupBarrier();
    }
    let r = part[li - lane];
    workgroupBarrier();
    return r;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let row = (wid.y * nw.x + wid.x) * (WG / LANES) + li / LANES;
    let lane = li % LANES;
    let valid = row < p.rows;
    let r = min(row, p.rows - 1u);
    let off = r * p.d;
    let mu = mean[r];
    let rs = rstd[r];
    var sg = 0.0;
    var sgx = 0.0;
    for (var j = lane; j < p.d; j += LANES) {
        let xh = (x[off + j] - mu) * rs;
        sg += gy[off + j];
        sgx += gy[off + j] * xh;
    }
    let mg = total(li, sg) / f32(p.d);
    let mgx = total(li, sgx) / f32(p.d);
    if (valid) {
        for (var j = lane; j < p.d; j += LANES) {
            let xh = (x[off + j] - mu) * rs;
            gx[off + j] = gx[off + j] + rs * (gy[off + j] - mg - xh * mgx);
        }
    }
}
