// dst[i] = src[i] + w[i / block] (dst[i] - src[i]) for i < n: a different interpolation weight per block of `block`
// consecutive elements. The muP width sweep uses it to give each member of an ensemble its own learning rate: the
// optimizer steps every member with the largest rate, then each block (one member's slice of a parameter) is pulled
// back along its step. One pass instead of a subtract, a broadcast multiply, an add and a copy.
struct Params { n: u32, block: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read_write> dst: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let i = (wid.y * nw.x + wid.x) * 256u + li;
    if (i >= p.n) {
        return;
    }
    let f = src[i];
    dst[i] = f + w[i / p.block] * (dst[i] - f);
}
