// out (+)= x with axes reordered (rank <= 8): out is dense with shape `shape`; `src` holds the stride in x of each
// out axis. One thread per output element, so writes are coalesced and reads follow the permutation.
struct Params {
    n: u32,
    rank: u32,
    accumulate: u32,
    pad0: u32,
    shape: array<vec4u, 2>,
    src: array<vec4u, 2>,
}

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
    var rem = i;
    var at = 0u;
    for (var d = i32(p.rank) - 1; d >= 0; d--) {
        let du = u32(d);
        let size = p.shape[du / 4u][du % 4u];
        at += (rem % size) * p.src[du / 4u][du % 4u];
        rem = rem / size;
    }
    if (p.accumulate != 0u) {
        out[i] = out[i] + x[at];
    } else {
        out[i] = x[at];
    }
}
