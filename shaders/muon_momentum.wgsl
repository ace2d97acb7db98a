// Muon's momentum (descent.optim.Muon): m = mu m + g; the parameter is untouched here. s0 = m.
// One dispatch per parameter tensor: the update is fused, so the parameter, its gradient and its state are each
// read once and written once, with no temporaries.
struct Params { n: u32, mu: f32 }

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
    s0[i] = h.mu * s0[i] + g[i];
}
