// Backward of softmax along n of (outer, n, inner), from its output y, per row:
// softmax: gx += y (gy - sum(gy y)); log-softmax: gx += gy - exp(y) sum(gy). LANES threads share a row, as in
// layer_norm.wgsl (64 on GPUs, 1 on adapters that run on the CPU).
struct Params { outer: u32, n: u32, inner: u32, log: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> y: array<f32>;
@group(0) @binding(2) var<storage, read> gy: array<f32>;
@group(0) @binding(3) var<storage, read_write> gx: array<f32>;

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
    let rows = p.outer * p.inner;
    let row = (wid.y * nw.x + wid.x) * (WG / LANES) + li / LANES;
    let lane = li % LANES;
    let valid = row < rows;
    let r = min(row, rows - 1u);
    let outer = r / p.inner;
    let inner = r % p.inner;
    let base = outer * p.n * p.inner + inner;
    var s = 0.0;
    for (var j = lane; j < p.n; j += LANES) {
        let at = base + j * p.inner;
        if (p.log != 0u) {
            s += gy[at];
        } else {
            s += gy[at] * y[at];
        }
    }
    s = total(li, s);
    if (valid) {
        for (var j = lane; j < p.n; j += LANES) {
            let at = base + j * p.inner;
            if (p.log != 0u) {
                gx[at] = gx[at] + gy[at] - exp(y[at]) * s;
            } else {
                gx[at] = gx[at] + y[at] * (gy[at] - s);
            }
        }
    }
}
