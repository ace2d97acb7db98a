// Muon's step (descent.optim.Muon): p -= step o + decay p, where the gradient slot carries the orthogonalised
// direction O (Newton-Schulz ran as matmuls on the device before this).
// One dispatch per parameter tensor: the update is fused, so the parameter, its gradient and its state are each
// read once and written once, with no temporaries.
struct Params { n: u32, step: f32, decay: f32 }

@group(0) @binding(0) var<uniform> h: Params;
@group(0) @binding(1) var<storage, read> g: array<f32>;
@group(0) @binding(2) var<storage, read_write> p: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let i = (wid.y * nw.x + wid.x) * 256u + li;
    if (i >= h.n) {
        return;
    }
    let pi = p[i];
    p[i] = pi - (h.step * g[i] + h.decay * pi);
}
