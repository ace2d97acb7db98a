// Lion (descent.optim.Lion, Chen et al. 2023): p -= lr (sign(b1 m + (1 - b1) g) + wd p);
// m = b2 m + (1 - b2) g. s0 = m.
// One dispatch per parameter tensor: the update is fused, so the parameter, its gradient and its state are each
// read once and written once, with no temporaries.
struct Params { n: u32, lr: f32, b1: f32, b2: f32, wd: f32 }

@group(0) @binding(0) var<uniform> h: Params;
@group(0) @binding(1) var<storage, read> g: array<f32>;
@group(0) @binding(2) var<storage, read_write> p: array<f32>;
@group(0) @binding(3) var<storage, read_write> s0: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let i = (wid.y * nw.x + wid.x) * 256u + li;
    if (i >= h.n) {
        return;
    }
    let gi = g[i];
    let c = h.b1 * s0[i] + (1.0 - h.b1) * gi;
    let pi = p[i];
    p[i] = pi - h.lr * (sign(c) + h.wd * pi);
    s0[i] = h.b2 * s0[i] + (1.0 - h.b2) * gi;
}
