// y = (x - mean) * rstd per row of x (rows, d); mean and rstd (rows) are kept for the backward pass. Two passes over
// the row (mean, then centred variance) match the CPU reference's numerics.
//
// LANES threads share a row and combine their partial sums in workgroup memory; a workgroup of 64 takes 64 / LANES
// rows. The host picks LANES = 64 on GPUs (a long row spread over a workgroup) and LANES = 1 on adapters that run on
// the CPU, where a row per invocation needs no barrier at all (barriers there are switches between the fibers that
// emulate invocations, and cost more than the arithmetic of a row of 64).
struct Params { rows: u32, d: u32, eps: f32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
@group(0) @binding(3) var<storage, read_write> mean: array<f32>;
@group(0) @binding(4) var<storage, read_write> rstd: array<f32>;

const WG: u32 = 64u;
override LANES: u32 = 64u; // a power of two dividing WG
var<workgroup> part: array<f32, WG>;

// the sum of v over the LANES threads of this row (every thread of the workgroup must call it: it has barriers)
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
    // rows past the end compute on the last row and store nothing (no early return: the barriers stay uniform)
    let valid = row < p.rows;
    let off = min(row, p.rows - 1u) * p.d;
    var s = 0.0;
    for (var j = lane; j < p.d; j += LANES) {
        s += x[off + j];
    }
    let mu = total(li, s) / f32(p.d);
    var v = 0.0;
    for (var j = lane; j < p.d; j += LANES) {
        let c = x[off + j] - mu;
        v += c * c;
    }
    let rs = 1.0 / sqrt(total(li, v) / f32(p.d) + p.eps);
    if (valid) {
        for (var j = lane; j < p.d; j += LANES) {
            y[off + j] = (x[off + j] - mu) * rs;
        }
        if (lane == 0u) {
            mean[row] = mu;
            rstd[row] = rs;
        }
    }
}
