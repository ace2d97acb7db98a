// Max (OP = 0) or average (OP = 1) pooling with a k x k window and a stride, no padding, over x(planes, H, W).
// Infinities and NaNs are built from a uniform (x | (p.field & 0)): WGSL rejects them as constant expressions.
struct Params { planes: u32, h: u32, w: u32, k: u32, stride: u32, ho: u32, wo: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

override OP: u32 = 0u;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let t = (wid.y * nw.x + wid.x) * 256u + li;
    if (t >= p.planes * p.ho * p.wo) {
        return;
    }
    let ox = t % p.wo;
    let oy = (t / p.wo) % p.ho;
    let plane = t / (p.wo * p.ho);
    var acc = select(0.0, -bitcast<f32>(0x7f800000u | (p.k & 0u)), OP == 0u);
    for (var dy = 0u; dy < p.k; dy++) {
        let row = (plane * p.h + oy * p.stride + dy) * p.w + ox * p.stride;
        for (var dx = 0u; dx < p.k; dx++) {
            if (OP == 0u) {
                acc = max(acc, x[row + dx]);
            } else {
                acc += x[row + dx];
            }
        }
    }
    if (OP == 1u) {
        acc = acc / f32(p.k * p.k);
    }
    y[t] = acc;
}
