package descent.labs.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.nn.Parameter;
import descent.nn.Role;
import descent.tensor.Backend;
import descent.tensor.CpuBackend;
import descent.tensor.Rng;
import descent.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Power (subspace) iteration on finite-difference Hessian-vector products against a quadratic's known spectrum. */
class SharpnessTest {
    final Backend be = new CpuBackend();

    /**
     * L(theta) = 1/2 theta^T A theta with A = Q diag(lambda) Q^T for a random rotation Q, so the Hessian is A and its
     * top eigenvalues are the largest lambdas.
     */
    @Test
    void onAQuadraticTheSharpnessIsTheTopEigenvalue() {
        int d = 40;
        double[] lambda = new double[d];
        for (int i = 0; i < d; i++) lambda[i] = 0.2 + 8.0 * i / d; // up to 7.8, spread out
        lambda[d - 1] = 25;
        lambda[d - 2] = 16;
        lambda[d - 3] = 11;
        float[] a = rotated(lambda, new Rng(3));
        Tensor A = Tensor.of(be, a, d, d).persistent();
        Parameter theta = new Parameter("theta", Role.HIDDEN, Tensor.of(be, new Rng(4).normals(d, 1), 1, d), d, 1, 1f);
        ParamVector layout = new ParamVector(List.of(theta));
        java.util.function.Supplier<Tensor> loss = () -> theta.value.matmul(A).mul(theta.value).sum().mul(0.5f);

        double top = new Sharpness(layout, loss, 1, 1).measure(50)[0];
        assertEquals(25, top, 0.01 * 25, "within 1% of the top eigenvalue");

        double[] three = new Sharpness(layout, loss, 3, 2).measure(80);
        assertEquals(25, three[0], 0.25);
        assertEquals(16, three[1], 0.16);
        assertEquals(11, three[2], 0.11);
    }

    @Test
    void aWarmStartConvergesInFewProducts() {
        int d = 30;
        double[] lambda = new double[d];
        for (int i = 0; i < d; i++) lambda[i] = 1 + i % 5;
        lambda[0] = 20;
        Tensor A = Tensor.of(be, rotated(lambda, new Rng(5)), d, d).persistent();
        Parameter theta = new Parameter("theta", Role.HIDDEN, Tensor.of(be, new Rng(6).normals(d, 1), 1, d), d, 1, 1f);
        Sharpness s = new Sharpness(new ParamVector(List.of(theta)), () -> theta.value.matmul(A).mul(theta.value)
                .sum().mul(0.5f), 1, 1);
        s.measure(50);
        int before = s.products();
        assertEquals(20, s.measure(10)[0], 0.2);
        assertTrue(s.products() - before <= 4, "warm start: " + (s.products() - before) + " products (two rounds of two)");
    }

    /** Q diag(lambda) Q^T with Q from Gram-Schmidt on a Gaussian matrix. */
    static float[] rotated(double[] lambda, Rng rng) {
        int d = lambda.length;
        double[][] q = new double[d][d];
        for (int c = 0; c < d; c++) {
            for (int i = 0; i < d; i++) q[c][i] = rng.normal();
            for (int r = 0; r < c; r++) {
                double dot = 0;
                for (int i = 0; i < d; i++) dot += q[r][i] * q[c][i];
                for (int i = 0; i < d; i++) q[c][i] -= dot * q[r][i];
            }
            double n = 0;
            for (int i = 0; i < d; i++) n += q[c][i] * q[c][i];
            for (int i = 0; i < d; i++) q[c][i] /= Math.sqrt(n);
        }
        float[] a = new float[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int c = 0; c < d; c++) s += q[c][i] * lambda[c] * q[c][j];
                a[i * d + j] = (float) s;
            }
        }
        return a;
    }
}
