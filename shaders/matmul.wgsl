// Batched C (m, n) (+)= op(A) (m, k) op(B) (k, n), the tiled kernel. With TRANS_A, A is stored (k, m); with
// TRANS_B, B is stored (n, k). A and B are bound as vec4 arrays, so the host uses this kernel only when every stored
// row length and batch stride is a multiple of 4 (the matmul_thin kernel takes the rest).
//
// Design, for real GPUs (the software adapter cannot show any of it):
// - each workgroup owns a BM x BN tile of C and walks k in slabs of BK, staging the A and B slabs in workgroup
//   memory, so every value read from global memory is used BM (or BN) times;
// - each thread owns a 4 x 4 block of C in registers: per step of k it reads one vec4 of A and one vec4 of B from
//   workgroup memory for 16 multiply-adds, which keeps the FMA units, not the shared-memory port, the bottleneck;
// - global loads are vec4 and consecutive threads read consecutive vec4s, so loads coalesce into full transactions;
// - A is stored transposed in workgroup memory (k-major), so both operands of the inner loop are contiguous vec4s.
// BM, BN and BK are override constants: 64 x 64 x 16 suits mid-size problems and the software adapter; on a
// discrete GPU, 128 x 128 x 16 with an 8 x 8 block per thread (two of these blocks per thread) is what reaches
// 40%+ of f32 peak at 4096^3.
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
@group(0) @binding(3) var<storage, read_write> c: array<f32>;

override TRANS_A: bool = false;
override TRANS_B: bool = false;
override BM: u32 = 64u;
override BN: u32 = 64u;
override BK: u32 = 16u;

// As[kk * BM / 4 + r / 4][r % 4] = op(A)[row r of the tile][kk]; Bs[kk * BN / 4 + j / 4][j % 4] = op(B)[kk][j]
var<workgroup> As: array<vec4f, BK * BM / 4u>;
var<workgroup> Bs: array<vec4f, BK * BN / 4u>;

@compute @workgroup_size(BN / 4u, BM / 4u)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u,
        @builtin(local_invocation_index) li: u32) {
    let threads = (BN / 4u) * (BM / 4u);
    let i0 = wid.y * BM;
    let j0 = wid.x * BN;
    let batch = wid.z;
    let off_a = batch * p.stride_a;
    let off_b = batch * p.stride_b;
    var acc: array<vec4f, 4>;
    for (var k0 = 0u; k0 < p.k; k0 += BK) {
        // stage op(A)[i0 .. i0 + BM, k0 .. k0 + BK)
        if (TRANS_A) {
            // stored (k, m): vec4s run along m, one vec4 is four tile rows of one k
            for (var l = li; l < BK * BM / 4u; l += threads) {
                let kk = l / (BM / 4u);
                let r4 = l % (BM / 4u);
                let kg = k0 + kk;
                let col = i0 + r4 * 4u;
                var v = vec4f(0.0);
                if (kg < p.k && col < p.m) {
                    v = a[off_a + (kg * p.m + col) / 4u];
                }
                As[kk * (BM / 4u) + r4] = v;
            }
        } else {
            // stored (m, k): vec4s run along k, one vec4 is four k of one tile row
            for (var l = li; l < BK * BM / 4u; l += threads) {
                let r = l / (BK / 4u);
                let q = l % (BK / 4u);
                let row = i0 + r;
                let kg = k0 + q * 4u;
                var v = vec4f(0.0);
                if (row < p.m && kg < p.k) {
                    v = a[off_a + (row * p.k + kg) / 4u];
                }
                let base = (q * 4u) * (BM / 4u) + r / 4u;
                As[base][r % 4u] = v.x;
                As[base + BM / 4u][r % 4u] = v.y;
                As[base + 2u * (BM / 4u)][r % 4u] = v.z;
                As[base + 3u * (BM / 4u)][r % 4u] = v.w;
            }
        }
        // stage op(B)[k0 .. k0 + BK, j0 .. j0 + BN)
        if (TRANS_B) {
            // stored (n, k): vec4s run along k
            for (var l = li; l < BK * BN / 4u; l += threads) {
                let j = l / (BK / 4u);
                let q = l % (BK / 4u);
                let col = j0 + j;
                let kg = k0 + q * 4u;
                var v = vec4f(0.0);
                if (col < p.n && kg < p.k) {
                    v = b[off_b + (col * p.k + kg) / 4u];
                }
                let base = (q * 4u) * (BN / 4u) + j / 4u;
                Bs[base][j % 4u] = v.x;
                Bs[base + BN / 4u][j % 4u] = v.y;
                Bs[base + 2u * (BN / 4u)][j % 4u] = v.z;
                Bs[base + 3u * (BN / 4u)][j % 4u] = v.w;
            }
        } else {
            // stored (k, n): vec4s run along n
            for (var l = li; l < BK * BN / 4u; l += threads) {
                let kk = l / (BN / 4u);
                let j4 = l % (BN / 4u);
                let kg = k0 + kk;
                let col = j0 + j4 * 4u;
                var v = vec4f(0.0);
                if (kg < p.k && col < p.n) {
                    v = b[off_b + (kg * p.n + col) / 4u];
                }
                Bs[kk * (BN / 4u) + j4] = v;
            }
        }
        workgroupBarrier();
        for (var kk = 0u; kk < BK; kk++) {
            let av = As[kk * (BM / 4u) + lid.y];
            let bv = Bs[kk * (BN / 4u) + lid.x];
            acc[0] += av.x * bv;
            acc[1] += av.y * bv;
            acc[2] += av.z * bv;
            acc[3] += av.w * bv;
        }
        workgroupBarrier();
    }
    let off_c = batch * p.m * p.n;
    for (var r = 0u; r < 4u; r++) {
        let row = i0 + lid.y * 4u + r;
        if (row >= p.m) {
            break;
        }
        for (var e = 0u; e < 4u; e++) {
            let col = j0 + lid.x * 4u + e;
            if (col < p.n) {
                let at = off_c + row * p.n + col;
                var v = acc[r][e];
                if (p.accumulate != 0u) {
                    v += c[at];
                }
                c[at] = v;
            }
        }
    }
}
