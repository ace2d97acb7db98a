// loss[0] = mean of max(z, 0) - z t + log(1 + exp(-|z|)): binary cross-entropy on logits, stable for any z.
struct Params { n: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> z: array<f32>;
@group(0) @binding(2) var<storage, read> t: array<f32>;
@group(0) @binding(3) var<storage, read_write> loss: array<f32>;

const WG: u32 = 256u;
var<workgroup> part: array<f32, WG>;

fn log1p_pos(e: f32) -> f32 {
    if (e < 1e-4) {
        return e * (1.0 - 0.5 * e);
    }
    return log(1.0 + e);
}

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_index) li: u32) {
    var sum = 0.0;
    var comp = 0.0;
    for (var i = li; i < p.n; i += WG) {
        let v = z[i];
        let y = max(v, 0.0) - v * t[i] + log1p_pos(exp(-abs(v))) - comp;
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
        loss[0] = part[0] / f32(p.n);
    }
}
