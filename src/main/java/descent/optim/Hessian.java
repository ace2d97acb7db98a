package descent.optim;

import descent.nn.Parameter;
import descent.tensor.Autograd;
import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Hessian-vector products by a central difference of gradients, and sharpness (the top Hessian eigenvalue) by power
 * iteration on them.
 *
 * <p>Hv = (g(theta + e v) - g(theta - e v)) / (2 e) + O(e^2): the truncation error is (e^2 / 6) times the third
 * derivative along v, and float32 rounding of the two gradients adds about u |g| / e with u = 2^-24. The step
 * e = 1e-3 (1 + |theta|) / |v| balances the two for the smooth losses of the labs; HessianTest measures the error
 * against a closed-form Hessian (logistic regression) at under 1e-3 relative. Parameters are restored bit for bit
 * from a saved copy, never by subtracting the step back.
 */
public final class Hessian {
    private Hessian() {}

    /**
     * H v for the loss {@code loss} (recomputed from the current parameters each call) with respect to {@code params};
     * {@code v} holds one tensor per parameter, same shapes. The result tensors live in the caller's scope.
     */
    public static List<Tensor> hvp(Supplier<Tensor> loss, List<Parameter> params, List<Tensor> v) {
        Backend be = params.get(0).value.backend;
        double thetaNorm, vNorm;
        List<Tensor> saved = new ArrayList<>(), gPlus = new ArrayList<>(), out = new ArrayList<>();
        try (Autograd.NoGrad g = Autograd.noGrad()) {
            thetaNorm = norm(values(params));
            vNorm = norm(v);
            for (Parameter p : params) {
                Tensor copy = Tensor.empty(be, p.value.shape());
                be.copy(p.value.buffer(), copy.buffer(), p.size(), false);
                saved.add(copy);
            }
        }
        if (vNorm == 0) throw new IllegalArgumentException("direction v is zero");
        float e = (float) (1e-3 * (1 + thetaNorm) / vNorm);
        shift(params, v, e);
        gradient(loss, params, gPlus);
        restore(params, saved);
        shift(params, v, -e);
        List<Tensor> gMinus = new ArrayList<>();
        gradient(loss, params, gMinus);
        restore(params, saved);
        try (Autograd.NoGrad g = Autograd.noGrad()) {
            for (int i = 0; i < params.size(); i++) out.add(gPlus.get(i).sub(gMinus.get(i)).mul(1f / (2 * e)));
        }
        for (Parameter p : params) p.value.zeroGrad();
        return out;
    }

    /**
     * The largest Hessian eigenvalue by {@code iterations} power-iteration steps from a seeded random direction. Reads
     * one scalar per iteration to the host: a stats call, not for the step loop.
     */
    public static double sharpness(Supplier<Tensor> loss, List<Parameter> params, int iterations, long seed) {
        Backend be = params.get(0).value.backend;
        Rng rng = new Rng(seed);
        List<Tensor> v = new ArrayList<>();
        for (Parameter p : params) v.add(Tensor.of(be, rng.normals(p.size(), 1), p.value.shape()).persistent());
        double lambda = 0;
        for (int it = 0; it < iterations; it++) {
            try (Scope s = Scope.open()) {
                List<Tensor> hv = hvp(loss, params, v);
                try (Autograd.NoGrad g = Autograd.noGrad()) {
                    double vv = norm(v);
                    double vhv = 0;
                    for (int i = 0; i < v.size(); i++) vhv += v.get(i).mul(hv.get(i)).sum().item();
                    lambda = vhv / (vv * vv); // Rayleigh quotient
                    double hn = norm(hv);
                    for (int i = 0; i < v.size(); i++) {
                        Tensor next = hv.get(i).mul((float) (1 / hn));
                        be.copy(next.buffer(), v.get(i).buffer(), next.size, false);
                    }
                }
            }
        }
        for (Tensor t : v) t.release();
        return lambda;
    }

    private static List<Tensor> values(List<Parameter> params) {
        List<Tensor> out = new ArrayList<>();
        for (Parameter p : params) out.add(p.value);
        return out;
    }

    /** Euclidean norm of a list of tensors, read to the host. */
    static double norm(List<Tensor> ts) {
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            double sum = 0;
            for (Tensor t : ts) sum += t.square().sum().item();
            return Math.sqrt(sum);
        }
    }

    private static void shift(List<Parameter> params, List<Tensor> v, float e) {
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            for (int i = 0; i < params.size(); i++) {
                Tensor p = params.get(i).value;
                Tensor moved = p.add(v.get(i).mul(e));
                p.backend.copy(moved.buffer(), p.buffer(), p.size, false);
            }
        }
    }

    private static void restore(List<Parameter> params, List<Tensor> saved) {
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i).value;
            p.backend.copy(saved.get(i).buffer(), p.buffer(), p.size, false);
        }
    }

    /** Gradients of the loss at the current parameters, copied into new tensors of the caller's scope. */
    private static void gradient(Supplier<Tensor> loss, List<Parameter> params, List<Tensor> into) {
        for (Parameter p : params) p.value.zeroGrad();
        try (Scope s = Scope.open()) {
            loss.get().backward();
        }
        for (Parameter p : params) {
            Tensor g = Tensor.empty(p.value.backend, p.value.shape());
            p.value.backend.copy(p.value.gradBuffer(), g.buffer(), p.size(), false);
            into.add(g);
        }
    }
}
