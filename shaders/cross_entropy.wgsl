// loss[0] = mean over rows of logsumexp(z[row]) - z[row, labels[row]], z (rows, classes). One workgroup: each thread
// takes rows in turn, then the partial sums combine in workgroup memory. A labels outside [0, classes) makes the
// loss NaN, which the lab reports as divergence (a kernel cannot throw).
// Infinities and NaNs are built from a uniform (x | (p.field & 0)): WGSL rejects them as constant expressions.
struct Params { rows: u32, classes: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> z: array<f32>;
@group(0) @binding(2) var<storage, read> labels: array<f32>;
@group(0) @binding(3) var<storage, read_write> loss: array<f32>;

const WG: u32 = 256u;
var<workgroup> part: array<f32, WG>;

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_index) li: u32) {
    var sum = 0.0;
    var comp = 0.0;
    for (var r = li; r < p.rows; r += WG) {
        let off = r * p.classes;
        var m = -bitcast<f32>(0x7f800000u | (p.rows & 0u));
        for (var j = 0u; j < p.classes; j++) {
            m = max(m, z[off + j]);
        }
        var s = 0.0;
        for (var j = 0u; j < p.classes; j++) {
            s += exp(z[off + j] - m);
        }
        let t = labels[r];
        var term = bitcast<f32>(0x7fc00000u | (p.rows & 0u));
        if (t >= 0.0 && t < f32(p.classes) && t == floor(t)) {
            term = m + log(s) - z[off + u32(t)];
        }
        let y = term - comp;
        let next = sum + y;
        comp = (next - sum) - y;
        sum = next;
    }
    part[li] = sum;
    workgroupBarrier();
    for (var h = WG / 2u; h > 0u; h /= 2u) {
        if (li < h) {
            part[li] = part[li] + part[li + h];
        }
        workgroupBarrier();
    }
    if (li == 0u) {
        loss[0] = part[0] / f32(p.rows);
    }
}
