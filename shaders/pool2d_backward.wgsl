// gx += the gradient through pooling, one thread per input pixel over the windows that contain it. Max pooling sends
// each window's gradient to its first maximal element (as the CPU reference), so windows that overlap never double
// count. OP as in pool2d.wgsl.
struct Params { planes: u32, h: u32, w: u32, k: u32, stride: u32, ho: u32, wo: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> gy: array<f32>;
@group(0) @binding(3) var<storage, read_write> gx: array<f32>;

override OP: u32 = 0u;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let t = (wid.y * nw.x + wid.x) * 256u + li;
    if (t >= p.planes * p.h * p.w) {
        return;
    }
    let ix = t % p.w;
    let iy = (t / p.w) % p.h;
    let plane = t / (p.w * p.h);
    var s = 0.0;
    // windows oy with oy * stride <= iy < oy * stride + k
    let oy_lo = select(0u, (iy + p.stride - p.k) / p.stride, iy + 1u > p.k);
    let ox_lo = select(0u, (ix + p.stride - p.k) / p.stride, ix + 1u > p.k);
    for (var oy = oy_lo; oy <= iy / p.stride && oy < p.ho; oy++) {
        for (var ox = ox_lo; ox <= ix / p.stride && ox < p.wo; ox++) {
            let g = gy[(plane * p.ho + oy) * p.wo + ox];
            if (OP == 1u) {
                s += g / f32(p.k * p.k);
                continue;
            }
            // first maximal element of this window
            var best = 0u;
            var m = 0.0;
            var found = false;
            for (var dy = 0u; dy < p.k; dy++) {
                for (var dx = 0u; dx < p.k; dx++) {
                    let at = (plane * p.h + oy * p.stride + dy) * p.w + ox * p.stride + dx;
                    if (!found || x[at] > m) {
                        m = x[at];
                        best = at;
                        found = true;
                    }
                }
            }
            if (best == t) {
                s += g;
            }
        }
    }
    gx[t] = gx[t] + s;
}
