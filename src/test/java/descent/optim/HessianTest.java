package descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.nn.Parameter;
import descent.nn.Role;
import descent.tensor.Backend;
import descent.tensor.CpuBackend;
import descent.tensor.Losses;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The finite-difference Hessian-vector product against closed forms, with its error measured. */
class HessianTest {
    final Backend be = new CpuBackend();

    /**
     * Logistic regression, L(w) = mean BCE(X w, y): H = X^T diag(p (1 - p)) X / N with p = sigmoid(X w). The error
     * of the central difference must stay below 1e-3 relative to |Hv|.
     */
    @Test
    void logisticRegressionHessianVectorProduct() {
        int n = 64, d = 5;
        Rng rng = new Rng(8);
        float[] x = rng.normals(n * d, 1), w0 = rng.normals(d, 0.5), vv = rng.normals(d, 1);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) y[i] = rng.nextDouble() < 0.5 ? 0 : 1;
        Tensor X = Tensor.of(be, x, n, d).persistent(), Y = Tensor.of(be, y, n, 1).persistent();
        Parameter w = new Parameter("w", Role.INPUT, Tensor.of(be, w0, d, 1), d, 1, 1f);
        Supplier<Tensor> loss = () -> Losses.bceWithLogits(X.matmul(w.value), Y);
        float[] hv;
        try (Scope s = Scope.open()) {
            hv = Hessian.hvp(loss, List.of(w), List.of(Tensor.of(be, vv, d, 1))).get(0).toHost();
        }
        double[] exact = new double[d];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            double z = 0, xv = 0;
            for (int j = 0; j < d; j++) {
                z += (double) x[i * d + j] * w0[j];
                xv += (double) x[i * d + j] * vv[j];
            }
            double p = 1 / (1 + Math.exp(-z));
            for (int j = 0; j < d; j++) exact[j] += x[i * d + j] * p * (1 - p) * xv / n;
        }
        for (double e : exact) scale = Math.max(scale, Math.abs(e));
        double worst = 0;
        for (int j = 0; j < d; j++) worst = Math.max(worst, Math.abs(hv[j] - exact[j]) / scale);
        assertTrue(worst < 1e-3, "relative error of the finite-difference Hv: " + worst);
        assertArrayEquals(w0, w.value.toHost(), "parameters are restored exactly");
        assertTrue(!w.value.hasGrad() || w.value.grad().toHost()[0] == 0f, "gradients are left zeroed");
    }

    /** On a quadratic (1/2) x^T diag(lambda) x the top eigenvalue is max lambda. */
    @Test
    void sharpnessOfAQuadratic() {
        Parameter x = new Parameter("x", Role.HIDDEN, Tensor.of(be, new float[] {0.3f, -1f, 2f, 0.5f}, 4), 4, 1, 1f);
        Tensor lam = Tensor.of(be, new float[] {1, 2, 7, 3}, 4).persistent();
        double top = Hessian.sharpness(() -> x.value.square().mul(lam).sum().mul(0.5f), List.of(x), 60, 1);
        assertEquals(7, top, 7e-3);
    }
}
