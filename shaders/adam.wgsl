// Adam with coupled L2 decay (descent.optim.Adam, Kingma and Ba 2015): g' = g + wd p; m, v moments;
// p -= lr m^ / (sqrt(v^) + eps) with the bias corrections c1 = 1 - b1^t, c2 = 1 - b2^t from the host. s0 = m, s1 = v.
// One dispatch per parameter tensor: the update is fused, so the parameter, its gradient and its state are each
// read once and written once, with no temporaries.
struct Params { n: u32, lr: f32, b1: f32, b2: f32, eps: f32, c1: f32, c2: f32, wd: f32 }

@group(0) @binding(0) var<uniform> h: Params;
@group(0) @binding(1) var<storage, read> g: array<f32>;
@group(0) @binding(2) var<storage, read_write> p: array<f32>;
@group(0) @binding(3) var<storage, read_write> s0: array<f32>;
@group(0) @binding(4) var<storage, read_write> s1: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let i = (wid.y * nw.x + wid.x) * 256u + li;
    if (i >= h.n) {
        return;
    }
    let gi = g[i] + h.wd * p[i];
    let m = h.b1 * s0[i] + (1.0 - h.b1) * gi;
    let v = h.b2 * s1[i] + (1.0 - h.b2) * gi * gi;
    s0[i] = m;
    s1[i] = v;
    p[i] = p[i] - h.lr * (m / h.c1) / (sqrt(v / h.c2) + h.eps);
}
