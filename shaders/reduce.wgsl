// out(outer, inner) = reduce over n of x(outer, n, inner). LANES threads share an output: they stride over n and
// combine in workgroup memory in log2(LANES) steps, so a long axis costs n / LANES sequential steps instead of n; a
// workgroup of 64 takes 64 / LANES outputs. The host picks LANES = 64 on GPUs and 1 on adapters that run on the CPU
// (see layer_norm.wgsl). OP is the ordinal of descent.tensor.Reduce: SUM, MEAN, MAX.
// Infinities and NaNs are built from a uniform (x | (p.field & 0)): WGSL rejects them as constant expressions.
struct Params { outer: u32, n: u32, inner: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

override OP: u32 = 0u;
const WG: u32 = 64u;
override LANES: u32 = 64u; // a power of two dividing WG

var<workgroup> part: array<f32, WG>;

fn combine(u: f32, v: f32) -> f32 {
    if (OP == 2u) {
        // NaN wins, as in the CPU reference
        return select(u, v, v > u || v != v);
    }
    return u + v;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let o = (wid.y * nw.x + wid.x) * (WG / LANES) + li / LANES;
    let lane = li % LANES;
    let valid = o < p.outer * p.inner;
    let outer = o / max(p.inner, 1u);
    let inner = o % max(p.inner, 1u);
    var acc = select(0.0, -bitcast<f32>(0x7f800000u | (p.n & 0u)), OP == 2u);
    var comp = 0.0;
    if (valid) {
        for (var j = lane; j < p.n; j += LANES) {
            let v = x[(outer * p.n + j) * p.inner + inner];
            if (OP == 2u) {
                acc = combine(acc, v);
            } else {
                // Kahan: the CPU reference sums in double; compensation keeps float32 within 1e-6 of it
                let y = v - comp;
                let t = acc + y;
                comp = (t - acc) - y;
                acc = t;
            }
        }
    }
    if (LANES > 1u) {
        part[li] = acc;
        workgroupBarrier();
        for (var s = LANES / 2u; s > 0u; s /= 2u) {
            if (lane < s) {
                part[li] = combine(part[li], part[li + s]);
            }
            workgroupBarrier();
        }
        acc = part[li - lane];
    }
    if (lane == 0u && valid) {
        var r = acc;
        if (OP == 1u) {
            r = r / f32(p.n);
        }
        out[o] = r;
    }
}
