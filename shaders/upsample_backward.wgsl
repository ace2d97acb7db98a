// small += the sum of each f x f block of big: the adjoint of nearest upsampling, one thread per small pixel.
struct Params { planes: u32, h: u32, w: u32, factor: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> big: array<f32>;
@group(0) @binding(2) var<storage, read_write> small: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let t = (wid.y * nw.x + wid.x) * 256u + li;
    if (t >= p.planes * p.h * p.w) {
        return;
    }
    let x = t % p.w;
    let y = (t / p.w) % p.h;
    let plane = t / (p.w * p.h);
    let bw = p.w * p.factor;
    var s = 0.0;
    for (var dy = 0u; dy < p.factor; dy++) {
        let row = (plane * p.h * p.factor + y * p.factor + dy) * bw + x * p.factor;
        for (var dx = 0u; dx < p.factor; dx++) {
            s += big[row + dx];
        }
    }
    small[t] = small[t] + s;
}
