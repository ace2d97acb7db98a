package descent.tensor;

/**
 * Single-precision matrix multiply for the CPU path (JVM and wasm, scalar code).
 *
 * <p>Design, for speed without SIMD: the product is computed in 4 x 4 tiles of C whose 16 sums live in local
 * variables for the whole k loop, so each step of k does 8 loads for 16 multiply-adds instead of re-reading and
 * re-writing C. Four columns of B are first packed into a contiguous panel (k, 4) that stays in L1 while every row tile
 * of A streams past it. Transposes cost nothing extra: A is read through (row, column) strides and the panel packing
 * reads B either way. Edges that do not fill a tile fall back to a plain loop over the same panel.
 */
final class CpuMatmul {
    private CpuMatmul() {}

    private static float[] panel = new float[0];
    static int rows = 4; // EXPERIMENT

    /**
     * C (m, n) (+)= op(A) (m, k) op(B) (k, n); with transA A is stored (k, m), with transB B is stored (n, k).
     */
    static void gemm(float[] A, int aOff, float[] B, int bOff, float[] C, int cOff, int m, int k, int n,
                     boolean transA, boolean transB, boolean accumulate) {
        if (!accumulate) {
            for (int i = cOff, end = cOff + m * n; i < end; i++) C[i] = 0f;
        }
        if (m == 0 || n == 0 || k == 0) return;
        // element (i, kk) of op(A) is A[aOff + i * rsA + kk * csA]
        int rsA = transA ? 1 : k, csA = transA ? m : 1;
        if (panel.length < 4 * k) panel = new float[4 * k];
        float[] P = panel;
        for (int j0 = 0; j0 < n; j0 += 4) {
            int nj = Math.min(4, n - j0);
            pack(B, bOff, P, k, n, j0, nj, transB);
            int i0 = 0;
            if (nj == 4) {
                if (rows == 4) for (; i0 + 4 <= m; i0 += 4) tile4x4(A, aOff, rsA, csA, P, C, cOff, n, k, i0, j0);
                else if (rows == 3) for (; i0 + 3 <= m; i0 += 3) tile3x4(A, aOff, rsA, csA, P, C, cOff, n, k, i0, j0);
                else for (; i0 + 2 <= m; i0 += 2) tile2x4(A, aOff, rsA, csA, P, C, cOff, n, k, i0, j0);
            }
            for (; i0 < m; i0++) row(A, aOff + i0 * rsA, csA, P, C, cOff + i0 * n + j0, k, nj);
        }
    }

    /** Panel P (k, 4): column c is column j0 + c of op(B), zero beyond nj. */
    private static void pack(float[] B, int bOff, float[] P, int k, int n, int j0, int nj, boolean transB) {
        for (int kk = 0; kk < k; kk++) {
            int p = kk * 4;
            for (int c = 0; c < 4; c++) {
                P[p + c] = c >= nj ? 0f : transB ? B[bOff + (j0 + c) * k + kk] : B[bOff + kk * n + j0 + c];
            }
        }
    }

    private static void tile4x4(float[] A, int aOff, int rsA, int csA, float[] P, float[] C, int cOff, int n, int k,
                                int i0, int j0) {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        int a0 = aOff + i0 * rsA, a1 = a0 + rsA, a2 = a1 + rsA, a3 = a2 + rsA;
        for (int kk = 0, p = 0, ak = 0; kk < k; kk++, p += 4, ak += csA) {
            float b0 = P[p], b1 = P[p + 1], b2 = P[p + 2], b3 = P[p + 3];
            float a = A[a0 + ak];
            c00 += a * b0; c01 += a * b1; c02 += a * b2; c03 += a * b3;
            a = A[a1 + ak];
            c10 += a * b0; c11 += a * b1; c12 += a * b2; c13 += a * b3;
            a = A[a2 + ak];
            c20 += a * b0; c21 += a * b1; c22 += a * b2; c23 += a * b3;
            a = A[a3 + ak];
            c30 += a * b0; c31 += a * b1; c32 += a * b2; c33 += a * b3;
        }
        int c = cOff + i0 * n + j0;
        C[c] += c00; C[c + 1] += c01; C[c + 2] += c02; C[c + 3] += c03;
        c += n;
        C[c] += c10; C[c + 1] += c11; C[c + 2] += c12; C[c + 3] += c13;
        c += n;
        C[c] += c20; C[c + 1] += c21; C[c + 2] += c22; C[c + 3] += c23;
        c += n;
        C[c] += c30; C[c + 1] += c31; C[c + 2] += c32; C[c + 3] += c33;
    }

    private static void tile2x4(float[] A, int aOff, int rsA, int csA, float[] P, float[] C, int cOff, int n, int k,
                                int i0, int j0) {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        int a0 = aOff + i0 * rsA, a1 = a0 + rsA;
        for (int kk = 0, p = 0, ak = 0; kk < k; kk++, p += 4, ak += csA) {
            float b0 = P[p], b1 = P[p + 1], b2 = P[p + 2], b3 = P[p + 3];
            float a = A[a0 + ak];
            c00 += a * b0; c01 += a * b1; c02 += a * b2; c03 += a * b3;
            a = A[a1 + ak];
            c10 += a * b0; c11 += a * b1; c12 += a * b2; c13 += a * b3;
        }
        int c = cOff + i0 * n + j0;
        C[c] += c00; C[c + 1] += c01; C[c + 2] += c02; C[c + 3] += c03;
        c += n;
        C[c] += c10; C[c + 1] += c11; C[c + 2] += c12; C[c + 3] += c13;
    }

    private static void tile3x4(float[] A, int aOff, int rsA, int csA, float[] P, float[] C, int cOff, int n, int k,
                                int i0, int j0) {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        int a0 = aOff + i0 * rsA, a1 = a0 + rsA, a2 = a1 + rsA;
        for (int kk = 0, p = 0, ak = 0; kk < k; kk++, p += 4, ak += csA) {
            float b0 = P[p], b1 = P[p + 1], b2 = P[p + 2], b3 = P[p + 3];
            float a = A[a0 + ak];
            c00 += a * b0; c01 += a * b1; c02 += a * b2; c03 += a * b3;
            a = A[a1 + ak];
            c10 += a * b0; c11 += a * b1; c12 += a * b2; c13 += a * b3;
            a = A[a2 + ak];
            c20 += a * b0; c21 += a * b1; c22 += a * b2; c23 += a * b3;
        }
        int c = cOff + i0 * n + j0;
        C[c] += c00; C[c + 1] += c01; C[c + 2] += c02; C[c + 3] += c03;
        c += n;
        C[c] += c10; C[c + 1] += c11; C[c + 2] += c12; C[c + 3] += c13;
        c += n;
        C[c] += c20; C[c + 1] += c21; C[c + 2] += c22; C[c + 3] += c23;
    }

    /** One row of C against the panel, for the last m % 4 rows or a narrow last panel. */
    private static void row(float[] A, int a, int csA, float[] P, float[] C, int c, int k, int nj) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int kk = 0, p = 0; kk < k; kk++, p += 4) {
            float v = A[a + kk * csA];
            s0 += v * P[p];
            s1 += v * P[p + 1];
            s2 += v * P[p + 2];
            s3 += v * P[p + 3];
        }
        C[c] += s0;
        if (nj > 1) C[c + 1] += s1;
        if (nj > 2) C[c + 2] += s2;
        if (nj > 3) C[c + 3] += s3;
    }
}
