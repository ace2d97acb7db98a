// Softmax or log-softmax along the axis of length n of x(outer, n, inner), one workgroup per (outer, inner) row: a
// workgroup max, then a workgroup sum of exp(x - max), then the write. With causal > 0 (inner = 1) row r only sees
// columns j <= r mod causal; the rest get weight 0 (-inf for log-softmax).
// Infinities and NaNs are built from a uniform (x | (p.field & 0)): WGSL rejects them as constant expressions.
struct Params { outer: u32, n: u32, inner: u32, log: u32, causal: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

const WG: u32 = 64u;
var<workgroup> part: array<f32, WG>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let row = wid.y * nw.x + wid.x;
    if (row >= p.outer * p.inner) {
        return; // uniform per workgroup: every thread of it returns together, so the barriers below stay uniform
    }
    let outer = row / p.inner;
    let inner = row % p.inner;
    let base = outer * p.n * p.inner + inner;
    var valid = p.n;
    if (p.causal > 0u) {
        valid = outer % p.causal + 1u;
    }
    var m = -bitcast<f32>(0x7f800000u | (p.n & 0u));
    for (var j = li; j < valid; j += WG) {
        m = max(m, x[base + j * p.inner]);
    }
    part[li] = m;
    workgroupBarrier();
    for (var s = WG / 2u; s > 0u; s /= 2u) {
        if (li < s) {
            part[li] = max(part[li], part[li + s]);
        }
        workgroupBarrier();
    }
    m = part[0];
    workgroupBarrier();
    var sum = 0.0;
    for (var j = li; j < valid; j += WG) {
        sum += exp(x[base + j * p.inner] - m);
    }
    part[li] = sum;
    workgroupBarrier();
    for (var s = WG / 2u; s > 0u; s /= 2u) {
        if (li < s) {
            part[li] = part[li] + part[li + s];
        }
        workgroupBarrier();
    }
    sum = part[0];
    let lse = m + log(sum);
    let inv = 1.0 / sum;
    for (var j = li; j < p.n; j += WG) {
        let at = base + j * p.inner;
        if (j >= valid) {
            y[at] = select(0.0, -bitcast<f32>(0x7f800000u | (p.n & 0u)), p.log != 0u);
        } else if (p.log != 0u) {
            y[at] = x[at] - lse;
        } else {
            y[at] = exp(x[at] - m) * inv;
        }
    }
}
