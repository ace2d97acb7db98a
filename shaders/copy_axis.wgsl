// Block copy along one axis, for slice and concat: src seen as (outer, src_len, inner), dst as (outer, dst_len,
// inner); copies src[:, src_off : src_off + len, :] to dst[:, dst_off : dst_off + len, :] (or adds it).
struct Params {
    count: u32,
    len: u32,
    inner: u32,
    src_len: u32,
    src_off: u32,
    dst_len: u32,
    dst_off: u32,
    accumulate: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read_write> dst: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let i = (wid.y * nw.x + wid.x) * 256u + li;
    if (i >= p.count) {
        return;
    }
    let block = p.len * p.inner;
    let o = i / block;
    let r = i % block;
    let s = (o * p.src_len + p.src_off) * p.inner + r;
    let d = (o * p.dst_len + p.dst_off) * p.inner + r;
    if (p.accumulate != 0u) {
        dst[d] = dst[d] + src[s];
    } else {
        dst[d] = src[s];
    }
}
