// AdaGrad (descent.optim.AdaGrad): sum += g^2; p -= lr g / (sqrt(sum) + eps). State s0 = sum.
// One dispatch per parameter tensor: the update is fused, so the parameter, its gradient and its state are each
// read once and written once, with no temporaries.
struct Params { n: u32, lr: f32, eps: f32 }

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
    let sum = s0[i] + gi * gi;
    s0[i] = sum;
    p[i] = p[i] - h.lr * gi / (sqrt(sum) + h.eps);
}
