// Batched C (m, n) (+)= op(A) op(B) for thin or unaligned shapes: a matrix times a vector, a product with a small
// output (a 10-class output layer, a bias-sized gradient), or rows whose length is not a multiple of 4. One thread per
// output element with four independent partial sums (latency hiding); neighbouring threads take neighbouring columns,
// so reads of B coalesce when B is not transposed. Strides are in floats; layouts as in matmul.wgsl.
struct Params {
    m: u32,
    k: u32,
    n: u32,
    accumulate: u32,
    stride_a: u32,
    stride_b: u32,
    batch: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> c: array<f32>;

override TRANS_A: bool = false;
override TRANS_B: bool = false;

fn at_a(off: u32, i: u32, kk: u32) -> f32 {
    if (TRANS_A) {
        return a[off + kk * p.m + i];
    }
    return a[off + i * p.k + kk];
}

fn at_b(off: u32, kk: u32, j: u32) -> f32 {
    if (TRANS_B) {
        return b[off + j * p.k + kk];
    }
    return b[off + kk * p.n + j];
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nw: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let t = (wid.y * nw.x + wid.x) * 256u + li;
    let per = p.m * p.n;
    if (t >= per * p.batch) {
        return;
    }
    let batch = t / per;
    let i = (t % per) / p.n;
    let j = t % p.n;
    let oa = batch * p.stride_a;
    let ob = batch * p.stride_b;
    var s = vec4f(0.0);
    var kk = 0u;
    for (; kk + 4u <= p.k; kk += 4u) {
        s += vec4f(at_a(oa, i, kk), at_a(oa, i, kk + 1u), at_a(oa, i, kk + 2u), at_a(oa, i, kk + 3u))
           * vec4f(at_b(ob, kk, j), at_b(ob, kk + 1u, j), at_b(ob, kk + 2u, j), at_b(ob, kk + 3u, j));
    }
    var tail = 0.0;
    for (; kk < p.k; kk++) {
        tail += at_a(oa, i, kk) * at_b(ob, kk, j);
    }
    var v = (s.x + s.y) + (s.z + s.w) + tail;
    if (p.accumulate != 0u) {
        v += c[t];
    }
    c[t] = v;
}
