package descent.tensor;

import static descent.tensor.GradCheck.check;
import static descent.tensor.GradCheck.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinearAlgebraTest {
    final Backend be = new CpuBackend();
    final Rng rng = new Rng(11);

    /** Triple loop in double: the oracle for the tiled kernel. */
    static double[] naive(float[] a, float[] b, int m, int k, int n, boolean ta, boolean tb) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s += (double) (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                c[i * n + j] = s;
            }
        }
        return c;
    }

    @Test
    void kernelMatchesNaiveAtAwkwardSizes() {
        int[] sizes = {1, 3, 4, 5, 17, 33};
        for (int m : sizes) for (int k : sizes) for (int n : sizes) {
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                float[] a = rng.uniforms(m * k, -1, 1), b = rng.uniforms(k * n, -1, 1);
                float[] c = new float[m * n];
                CpuMatmul.gemm(a, 0, b, 0, c, 0, m, k, n, ta, tb, false);
                double[] ref = naive(a, b, m, k, n, ta, tb);
                for (int i = 0; i < c.length; i++) {
                    assertEquals(ref[i], c[i], 1e-5 * (1 + k), "m=" + m + " k=" + k + " n=" + n + " t=" + t);
                }
            }
        }
    }

    @Test
    void largeSquareProduct() {
        int s = 257;
        float[] a = rng.uniforms(s * s, -1, 1), b = rng.uniforms(s * s, -1, 1);
        float[] c = new float[s * s];
        CpuMatmul.gemm(a, 0, b, 0, c, 0, s, s, s, false, false, false);
        double[] ref = naive(a, b, s, s, s, false, false);
        for (int i = 0; i < c.length; i += 97) assertEquals(ref[i], c[i], 1e-4);
    }

    @Test
    void matmulGradients() {
        check("2-D", x -> x[0].matmul(x[1]), leaf(be, rng, -1, 1, 3, 5), leaf(be, rng, -1, 1, 5, 7));
        check("1x1", x -> x[0].matmul(x[1]), leaf(be, rng, -1, 1, 1, 1), leaf(be, rng, -1, 1, 1, 1));
        check("batched", x -> x[0].matmul(x[1]), leaf(be, rng, -1, 1, 2, 3, 4), leaf(be, rng, -1, 1, 2, 4, 5));
        check("shared weight", x -> x[0].matmul(x[1]), leaf(be, rng, -1, 1, 2, 3, 4), leaf(be, rng, -1, 1, 4, 5));
        check("rank 4", x -> x[0].matmul(x[1]), leaf(be, rng, -1, 1, 2, 2, 3, 2), leaf(be, rng, -1, 1, 2, 2, 2, 3));
        check("with transpose", x -> x[0].matmul(x[1].transpose()), leaf(be, rng, -1, 1, 3, 4),
                leaf(be, rng, -1, 1, 5, 4));
    }
}
