// out[i] = value for every i < n. Used for zeroing gradients and constant tensors.
struct Params { n: u32, value: f32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;

// 256 threads: a multiple of every vendor's SIMD width (32 or 64), and the grid folds into 2-D past 65535 groups.
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let i = (wid.y * nw.x + wid.x) * 256u + li;
    if (i < p.n) {
        out[i] = p.value;
    }
}
