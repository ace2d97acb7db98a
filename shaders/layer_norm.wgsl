// y = (x - mean) * rstd per row of x (rows, d), one workgroup per row; mean and rstd (rows) are kept for the
// backward pass. Two passes over the row (mean, then centred variance) match the CPU reference's numerics.
struct Params { rows: u32, d: u32, eps: f32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
@group(0) @binding(3) var<storage, read_write> mean: array<f32>;
@group(0) @binding(4) var<storage, read_write> rstd: array<f32>;

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
    var s = 0.0;
    for (var j = li; j < p.d; j += WG) {
        s += x[off + j];
    }
    let mu = total(li, s) / f32(p.d);
    var v = 0.0;
    for (var j = li; j < p.d; j += WG) {
        let c = x[off + j] - mu;
        v += c * c;
    }
    let rs = 1.0 / sqrt(total(li, v) / f32(p.d) + p.eps);
    for (var j = li; j < p.d; j += WG) {
        y[off + j] = (x[off + j] - mu) * rs;
    }
    if (li == 0u) {
        mean[r] = mu;
        rstd[r] = rs;
    }
}
