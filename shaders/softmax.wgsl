// Softmax or log-softmax along the axis of length n of x(outer, n, inner), per (outer, inner) row: a max, then a sum
// of exp(x - max), then the write. With causal > 0 (inner = 1) row r only sees columns j <= r mod causal; the rest
// get weight 0 (-inf for log-softmax). LANES threads share a row, as in layer_norm.wgsl (64 on GPUs, 1 on adapters
// that run on the CPU).
// Infinities and NaNs are built from a uniform (x | (p.field & 0)): WGSL rejects them as constant expressions.
struct Params { outer: u32, n: u32, inner: u32, log: u32, causal: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

const WG: u32 = 64u;
override LANES: u32 = 64u; // a power of two dividing WG
var<workgroup> part: array<f32, WG>;

// max (is_max) or sum of v over the LANES threads of this row; every thread of the workgroup must call it
fn combine(li: u32, v: f32, is_max: bool) -> f32 {
    if (LANES == 1u) {
        return v;
    }
    part[li] = v;
    workgroupBarrier();
    let lane = li % LANES;
    for (var h = LANES / 2u; h > 0u; h /= 2u) {
        if (lane < h) {
            part[li] = select(part[li] + part[li + h], max(part[li], part[li + h]), is_max);
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
    let rows = p.outer * p.inner;
    let row = (wid.y * nw.x + wid.x) * (WG / LANES) + li / LANES;
    let lane = li % LANES;
    // rows past the end compute on the last row and store nothing (no early return: the barriers stay uniform)
    let valid = row < rows;
    let r = min(row, rows - 1u);
    let outer = r / p.inner;
    let inner = r % p.inner;
    let base = outer * p.n * p.inner + inner;
    var seen = p.n;
    if (p.causal > 0u) {
        seen = outer % p.causal + 1u;
    }
    var m = -bitcast<f32>(0x7f800000u | (p.n & 0u));
    for (var j = lane; j < seen; j += LANES) {
        m = max(m, x[base + j * p.inner]);
    }
    m = combine(li, m, true);
    var sum = 0.0;
    for (var j = lane; j < seen; j += LANES) {
        sum += exp(x[base + j * p.inner] - m);
    }
    sum = combine(li, sum, false);
    let lse = m + log(sum);
    let inv = 1.0 / sum;
    if (valid) {
        for (var j = lane; j < p.n; j += LANES) {
            let at = base + j * p.inner;
            if (j >= seen) {
                y[at] = select(0.0, -bitcast<f32>(0x7f800000u | (p.n & 0u)), p.log != 0u);
            } else if (p.log != 0u) {
                y[at] = x[at] - lse;
            } else {
                y[at] = exp(x[at] - m) * inv;
            }
        }
    }
}
