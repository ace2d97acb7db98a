// gz += gLoss / rows * (softmax(z[row]) - onehot(labels[row])), one workgroup per row (max and sum in workgroup
// memory), so wide vocabularies stay parallel.
// Infinities and NaNs are built from a uniform (x | (p.field & 0)): WGSL rejects them as constant expressions.
struct Params { rows: u32, classes: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> z: array<f32>;
@group(0) @binding(2) var<storage, read> labels: array<f32>;
@group(0) @binding(3) var<storage, read> g_loss: array<f32>;
@group(0) @binding(4) var<storage, read_write> gz: array<f32>;

const WG: u32 = 64u;
var<workgroup> part: array<f32, WG>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let r = wid.y * nw.x + wid.x;
    if (r >= p.rows) {
        return;
    }
    let off = r * p.classes;
    var m = -bitcast<f32>(0x7f800000u | (p.rows & 0u));
    for (var j = li; j < p.classes; j += WG) {
        m = max(m, z[off + j]);
    }
    part[li] = m;
    workgroupBarrier();
    for (var h = WG / 2u; h > 0u; h /= 2u) {
        if (li < h) {
            part[li] = max(part[li], part[li + h]);
        }
        workgroupBarrier();
    }
    m = part[0];
    workgroupBarrier();
    var s = 0.0;
    for (var j = li; j < p.classes; j += WG) {
        s += exp(z[off + j] - m);
    }
    part[li] = s;
    workgroupBarrier();
    for (var h = WG / 2u; h > 0u; h /= 2u) {
        if (li < h) {
            part[li] = part[li] + part[li + h];
        }
        workgroupBarrier();
    }
    let lse = m + log(part[0]);
    let g = g_loss[0] / f32(p.rows);
    let t = labels[r];
    var y = -1;
    if (t >= 0.0 && t < f32(p.classes) && t == floor(t)) {
        y = i32(t);
    }
    for (var j = li; j < p.classes; j += WG) {
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
