// Batched C (m, n) (+)= op(A) (m, k) op(B) (k, n) for adapters that run on the CPU (SwiftShader, WARP, lavapipe:
// the software adapter of the e2e tests and of machines without a usable GPU). Layouts as in matmul.wgsl; the host
// uses this kernel only when k and every stored row length and batch stride is a multiple of 4.
//
// Why a second kernel: on a CPU "workgroup memory" is ordinary memory and a workgroupBarrier() is a switch between
// the fibers that emulate the invocations, so matmul.wgsl's staging (two barriers per slab of k) costs time and buys
// nothing the CPU's caches do not already give. Here each invocation keeps an 8 x 8 block of C in registers and reads
// A and B straight from storage: per 4 steps of k it loads 16 vec4s for 256 multiply-adds, with no barrier at all.
// The code is unrolled by hand because CPU implementations compile WGSL with little loop unrolling and keep indexed
// arrays in memory, and named vec4 values map to SIMD registers (one lane per invocation). On a real GPU the same
// block would exhaust registers and read uncoalesced; matmul.wgsl is the kernel for those.
struct Params {
    m: u32,
    k: u32,
    n: u32,
    accumulate: u32,
    stride_a: u32, // per batch, in vec4s
    stride_b: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> a: array<vec4f>;
@group(0) @binding(2) var<storage, read> b: array<vec4f>;
@group(0) @binding(3) var<storage, read_write> c: array<vec4f>;

override TRANS_A: bool = false;
override TRANS_B: bool = false;

// the 8 x 8 block of C: row r, columns 0-3 in c{r}0 and 4-7 in c{r}1
var<private> c00: vec4f; var<private> c01: vec4f; var<private> c10: vec4f; var<private> c11: vec4f;
var<private> c20: vec4f; var<private> c21: vec4f; var<private> c30: vec4f; var<private> c31: vec4f;
var<private> c40: vec4f; var<private> c41: vec4f; var<private> c50: vec4f; var<private> c51: vec4f;
var<private> c60: vec4f; var<private> c61: vec4f; var<private> c70: vec4f; var<private> c71: vec4f;

// one step of k: column k of op(A) for the block's 8 rows (lo: rows 0-3, hi: rows 4-7) times row k of op(B) for
// its 8 columns (b0: columns 0-3, b1: columns 4-7)
fn rank1(lo: vec4f, hi: vec4f, b0: vec4f, b1: vec4f) {
    c00 += lo.x * b0; c01 += lo.x * b1;
    c10 += lo.y * b0; c11 += lo.y * b1;
    c20 += lo.z * b0; c21 += lo.z * b1;
    c30 += lo.w * b0; c31 += lo.w * b1;
    c40 += hi.x * b0; c41 += hi.x * b1;
    c50 += hi.y * b0; c51 += hi.y * b1;
    c60 += hi.z * b0; c61 += hi.z * b1;
    c70 += hi.w * b0; c71 += hi.w * b1;
}

// vec4 i of a batch, clamped into the operand (edge blocks read valid memory; their extra results are not stored)
fn load_a(off: u32, i: u32, count: u32) -> vec4f {
    return a[off + min(i, count - 1u)];
}

fn load_b(off: u32, i: u32, count: u32) -> vec4f {
    return b[off + min(i, count - 1u)];
}

fn store(off: u32, row: u32, col4: u32, n4: u32, v: vec4f) {
    if (row < p.m && col4 < n4) {
        let at = off + row * n4 + col4;
        var r = v;
        if (p.accumulate != 0u) {
            r += c[at];
        }
        c[at] = r;
    }
}

@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) gid: vec3u) {
    let n4 = p.n / 4u;
    let k4 = p.k / 4u;
    let m4 = p.m / 4u;
    let j4 = gid.x * 2u; // first vec4 column of the block
    let i0 = gid.y * 8u; // first row of the block
    if (j4 >= n4 || i0 >= p.m) {
        return;
    }
    let oa = gid.z * p.stride_a;
    let ob = gid.z * p.stride_b;
    let na = p.m * k4; // vec4s in one batch of A (m k / 4 either way round)
    let nb = k4 * p.n;
    let last = p.m - 1u;
    for (var q = 0u; q < k4; q++) {
        let k0 = q * 4u;
        // op(A)[i0 .. i0 + 8, k0 .. k0 + 4) as four columns (lo, hi) per step of k
        var lo0: vec4f; var hi0: vec4f; var lo1: vec4f; var hi1: vec4f;
        var lo2: vec4f; var hi2: vec4f; var lo3: vec4f; var hi3: vec4f;
        if (TRANS_A) {
            // stored (k, m): a column of op(A) is a contiguous run along m
            let i4 = i0 / 4u;
            lo0 = load_a(oa, k0 * m4 + i4, na); hi0 = load_a(oa, k0 * m4 + i4 + 1u, na);
            lo1 = load_a(oa, (k0 + 1u) * m4 + i4, na); hi1 = load_a(oa, (k0 + 1u) * m4 + i4 + 1u, na);
            lo2 = load_a(oa, (k0 + 2u) * m4 + i4, na); hi2 = load_a(oa, (k0 + 2u) * m4 + i4 + 1u, na);
            lo3 = load_a(oa, (k0 + 3u) * m4 + i4, na); hi3 = load_a(oa, (k0 + 3u) * m4 + i4 + 1u, na);
        } else {
            // stored (m, k): one vec4 along k per row, transposed in registers
            let r0 = load_a(oa, min(i0, last) * k4 + q, na);
            let r1 = load_a(oa, min(i0 + 1u, last) * k4 + q, na);
            let r2 = load_a(oa, min(i0 + 2u, last) * k4 + q, na);
            let r3 = load_a(oa, min(i0 + 3u, last) * k4 + q, na);
            let r4 = load_a(oa, min(i0 + 4u, last) * k4 + q, na);
            let r5 = load_a(oa, min(i0 + 5u, last) * k4 + q, na);
            let r6 = load_a(oa, min(i0 + 6u, last) * k4 + q, na);
            let r7 = load_a(oa, min(i0 + 7u, last) * k4 + q, na);
            lo0 = vec4f(r0.x, r1.x, r2.x, r3.x); hi0 = vec4f(r4.x, r5.x, r6.x, r7.x);
            lo1 = vec4f(r0.y, r1.y, r2.y, r3.y); hi1 = vec4f(r4.y, r5.y, r6.y, r7.y);
            lo2 = vec4f(r0.z, r1.z, r2.z, r3.z); hi2 = vec4f(r4.z, r5.z, r6.z, r7.z);
            lo3 = vec4f(r0.w, r1.w, r2.w, r3.w); hi3 = vec4f(r4.w, r5.w, r6.w, r7.w);
        }
        // op(B)[k0 .. k0 + 4, j .. j + 8) as four rows (b?0, b?1)
        var b00: vec4f; var b01: vec4f; var b10: vec4f; var b11: vec4f;
        var b20: vec4f; var b21: vec4f; var b30: vec4f; var b31: vec4f;
        if (TRANS_B) {
            // stored (n, k): one vec4 along k per column, transposed in registers
            let j = j4 * 4u;
            let lastn = p.n - 1u;
            let s0 = load_b(ob, min(j, lastn) * k4 + q, nb);
            let s1 = load_b(ob, min(j + 1u, lastn) * k4 + q, nb);
            let s2 = load_b(ob, min(j + 2u, lastn) * k4 + q, nb);
            let s3 = load_b(ob, min(j + 3u, lastn) * k4 + q, nb);
            let s4 = load_b(ob, min(j + 4u, lastn) * k4 + q, nb);
            let s5 = load_b(ob, min(j + 5u, lastn) * k4 + q, nb);
            let s6 = load_b(ob, min(j + 6u, lastn) * k4 + q, nb);
            let s7 = load_b(ob, min(j + 7u, lastn) * k4 + q, nb);
            b00 = vec4f(s0.x, s1.x, s2.x, s3.x); b01 = vec4f(s4.x, s5.x, s6.x, s7.x);
            b10 = vec4f(s0.y, s1.y, s2.y, s3.y); b11 = vec4f(s4.y, s5.y, s6.y, s7.y);
            b20 = vec4f(s0.z, s1.z, s2.z, s3.z); b21 = vec4f(s4.z, s5.z, s6.z, s7.z);
            b30 = vec4f(s0.w, s1.w, s2.w, s3.w); b31 = vec4f(s4.w, s5.w, s6.w, s7.w);
        } else {
            // stored (k, n): a row of op(B) is a contiguous run along n
            b00 = load_b(ob, k0 * n4 + j4, nb); b01 = load_b(ob, k0 * n4 + j4 + 1u, nb);
            b10 = load_b(ob, (k0 + 1u) * n4 + j4, nb); b11 = load_b(ob, (k0 + 1u) * n4 + j4 + 1u, nb);
            b20 = load_b(ob, (k0 + 2u) * n4 + j4, nb); b21 = load_b(ob, (k0 + 2u) * n4 + j4 + 1u, nb);
            b30 = load_b(ob, (k0 + 3u) * n4 + j4, nb); b31 = load_b(ob, (k0 + 3u) * n4 + j4 + 1u, nb);
        }
        rank1(lo0, hi0, b00, b01);
        rank1(lo1, hi1, b10, b11);
        rank1(lo2, hi2, b20, b21);
        rank1(lo3, hi3, b30, b31);
    }
    let oc = gid.z * p.m * n4;
    store(oc, i0, j4, n4, c00); store(oc, i0, j4 + 1u, n4, c01);
    store(oc, i0 + 1u, j4, n4, c10); store(oc, i0 + 1u, j4 + 1u, n4, c11);
    store(oc, i0 + 2u, j4, n4, c20); store(oc, i0 + 2u, j4 + 1u, n4, c21);
    store(oc, i0 + 3u, j4, n4, c30); store(oc, i0 + 3u, j4 + 1u, n4, c31);
    store(oc, i0 + 4u, j4, n4, c40); store(oc, i0 + 4u, j4 + 1u, n4, c41);
    store(oc, i0 + 5u, j4, n4, c50); store(oc, i0 + 5u, j4 + 1u, n4, c51);
    store(oc, i0 + 6u, j4, n4, c60); store(oc, i0 + 6u, j4 + 1u, n4, c61);
    store(oc, i0 + 7u, j4, n4, c70); store(oc, i0 + 7u, j4 + 1u, n4, c71);
}
