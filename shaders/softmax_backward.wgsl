// Backward of softmax along n of (outer, n, inner), from its output y, one workgroup per row:
// softmax: gx += y (gy - sum(gy y)); log-softmax: gx += gy - exp(y) sum(gy).
struct Params { outer: u32, n: u32, inner: u32, log: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> y: array<f32>;
@group(0) @binding(2) var<storage, read> gy: array<f32>;
@group(0) @binding(3) var<storage, read_write> gx: array<f32>;

const WG: u32 = 64u;
var<workgroup> part: array<f32, WG>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let row = wid.y * nw.x + wid.x;
    if (row >= p.outer * p.inner) {
        return;
    }
    let outer = row / p.inner;
    let inner = row % p.inner;
    let base = outer * p.n * p.inner + inner;
    var s = 0.0;
    for (var j = li; j < p.n; j += WG) {
        let at = base + j * p.inner;
        if (p.log != 0u) {
            s += gy[at];
        } else {
            s += gy[at] * y[at];
        }
    }
    part[li] = s;
    workgroupBarrier();
    for (var h = WG / 2u; h > 0u; h /= 2u) {
        if (li < h) {
            part[li] = part[li] + part[li + h];
        }
        workgroupBarrier();
    }
    s = part[0];
    for (var j = li; j < p.n; j += WG) {
        let at = base + j * p.inner;
        if (p.log != 0u) {
            gx[at] = gx[at] + gy[at] - exp(y[at]) * s;
        } else {
            gx[at] = gx[at] + y[at] * (gy[at] - s);
        }
    }
}
