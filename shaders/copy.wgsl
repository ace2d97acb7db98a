// out[i] = x[i] (or out[i] += x[i] when accumulating) for i < n.
struct Params { n: u32, accumulate: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let i = (wid.y * nw.x + wid.x) * 256u + li;
    if (i >= p.n) {
        return;
    }
    if (p.accumulate != 0u) {
        out[i] = out[i] + x[i];
    } else {
        out[i] = x[i];
    }
}
