// y = x * rstd with rstd = 1 / sqrt(mean(x^2) + eps) per row of (rows, d). LANES threads share a row, as in
// layer_norm.wgsl (64 on GPUs, 1 on adapters that run on the CPU).
struct Params { rows: u32, d: u32, eps: f32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
@group(0) @binding(3) var<storage, read_write> rstd: array<f32>;

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
    let off = min(row, p.rows - 1u) * p.d;
    var s = 0.0;
    for (var j = lane; j < p.d; j += LANES) {
        s += x[off + j] * x[off + j];
    }
    let rs = 1.0 / sqrt(total(li, s) / f32(p.d) + p.eps);
    if (valid) {
        for (var j = lane; j < p.d; j += LANES) {
            y[off + j] = x[off + j] * rs;
        }
        if (lane == 0u) {
            rstd[row] = rs;
        }
    }
}
