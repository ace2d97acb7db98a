package descent.tensor;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Function;

/**
 * Finite-difference check of backward rules. The scalar probed is L = sum_i w_i y_i with fixed random weights w, so
 * every output element's gradient matters. L is summed on the host in double, so the central difference
 * (L(x + e) - L(x - e)) / 2e carries only the float32 rounding of y itself: about 1e-7 |y| / e. With e = 1e-2 that is
 * ~1e-5 per unit of output, and the truncation error e^2 f'''/6 is ~1e-5 for the smooth ops here, so the tolerance
 * below (3e-3 absolute plus 2% relative) is loose against noise yet far below any real mistake (those are O(1)).
 */
public final class GradCheck {
    private GradCheck() {}

    public static final float EPS = 1e-2f;

    public static void check(String what, Function<Tensor[], Tensor> f, Tensor... inputs) {
        check(what, f, EPS, 3e-3, 2e-2, inputs);
    }

    public static void check(String what, Function<Tensor[], Tensor> f, float eps, double atol, double rtol,
                             Tensor... inputs) {
        Backend be = inputs[0].backend;
        for (Tensor t : inputs) if (t.requiresGrad()) t.zeroGrad();
        float[] w;
        try (Scope s = Scope.open()) {
            Tensor y = f.apply(inputs);
            w = new Rng(1234).uniforms(y.size, -1, 1);
            Tensor probe = y.mul(Tensor.of(be, w, y.shape())).sum();
            probe.backward();
        }
        for (int which = 0; which < inputs.length; which++) {
            Tensor x = inputs[which];
            if (!x.requiresGrad()) continue;
            float[] analytic = x.hasGrad() ? x.grad().toHost() : new float[x.size];
            float[] values = x.toHost();
            for (int i = 0; i < x.size; i++) {
                float keep = values[i];
                values[i] = keep + eps;
                x.copyFrom(values);
                double plus = probe(f, inputs, w);
                values[i] = keep - eps;
                x.copyFrom(values);
                double minus = probe(f, inputs, w);
                values[i] = keep;
                x.copyFrom(values);
                double numeric = (plus - minus) / (2.0 * eps);
                double err = Math.abs(analytic[i] - numeric);
                if (err > atol + rtol * Math.abs(numeric)) {
                    fail(what + ": input " + which + " " + x.describe() + " element " + i + ": backward gives "
                            + analytic[i] + ", finite difference " + numeric);
                }
            }
        }
    }

    private static double probe(Function<Tensor[], Tensor> f, Tensor[] inputs, float[] w) {
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            float[] y = f.apply(inputs).toHost();
            double sum = 0;
            for (int i = 0; i < y.length; i++) sum += (double) w[i] * y[i];
            return sum;
        }
    }

    /** A leaf with uniform values in [lo, hi) that requires a gradient. */
    public static Tensor leaf(Backend be, Rng rng, double lo, double hi, int... shape) {
        return Tensor.of(be, rng.uniforms(Shape.size(shape), lo, hi), shape).requireGrad();
    }

    /** Values bounded away from zero (|v| in [0.1, 1]) so kinks (relu, abs, max) are not straddled. */
    public static Tensor awayFromZero(Backend be, Rng rng, int... shape) {
        float[] v = rng.uniforms(Shape.size(shape), 0.1, 1);
        for (int i = 0; i < v.length; i++) if (rng.nextDouble() < 0.5) v[i] = -v[i];
        return Tensor.of(be, v, shape).requireGrad();
    }
}
