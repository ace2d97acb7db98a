// gz += gLoss / rows * (softmax(z[row]) - onehot(labels[row])) per row of z (rows, classes). LANES threads share a
// row, as in layer_norm.wgsl: 64 on GPUs, so wide vocabularies stay parallel; 1 on adapters that run on the CPU.
// Infinities and NaNs are built from a uniform (x | (p.field & 0)): WGSL rejects them as constant expressions.
struct Params { rows: u32, classes: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> z: array<f32>;
@group(0) @binding(2) var<storage, read> labels: array<f32>;
@group(0) @binding(3) var<storage, read> g_loss: array<f32>;
@group(0) @binding(4) var<storage, read_write> gz: array<f32>;

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
    let row = (wid.y * nw.x + wid.x) * (WG / LANES) + li / LANES;
    let lane = li % LANES;
    // rows past the end compute on the last row and store nothing (no early return: the barriers stay uniform)
    let valid = row < p.rows;
    let r = min(row, p.rows - 1u);
    let off = r * p.classes;
    var m = -bitcast<f32>(0x7f800000u | (p.rows & 0u));
    for (var j = lane; j < p.classes; j += LANES) {
        m = max(m, z[off + j]);
    }
    m = combine(li, m, true);
    var s = 0.0;
    for (var j = lane; j < p.classes; j += LANES) {
        s += exp(z[off + j] - m);
    }
    let lse = m + log(combine(li, s, false));
    let g = g_loss[0] / f32(p.rows);
    let t = labels[r];
    var y = -1;
    if (t >= 0.0 && t < f32(p.classes) && t == floor(t)) {
        y = i32(t);
    }
    if (valid) {
        for (var j = lane; j < p.classes; j += LANES) {
            var d = g * exp(z[off + j] - lse);
            if (i32(j) == y) {
                d -= g;
            }
            if (y < 0) {
                d = bitcast<f32>(0x7fc00000u | (p.rows & 0u));
            }
            gz[off + j] = gz[off + j] + d;
        }
    }
}
