package descent.labs.optimizers;

import descent.nn.Parameter;
import descent.nn.Role;
import descent.optim.Optimizer;
import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Logistic regression on separable 2-D data with a linear classifier through the origin, sign(w·x). The loss
 * (1/N) Σ log(1 + exp(−yᵢ w·xᵢ)) has no minimum: ‖w‖ grows forever and only w's direction settles. Gradient descent's
 * direction tends to the maximum-ℓ2-margin separator (Soudry et al. 2018), but only like 1/log t; steepest descent in
 * a norm tends to the maximum margin in that norm (Gunasekar et al. 2018), so sign descent — steepest descent in ℓ∞ —
 * heads for the max-ℓ∞-margin direction, which maximizes minᵢ yᵢ w·xᵢ / ‖w‖∞, and Adam, close to sign descent, with
 * it.
 */
public final class MarginExperiment {
    public static final List<Method> METHODS = List.of(Method.GD, Method.ADAM, Method.SIGN);

    // points: (N, 2); labels ±1: (N)
    public final float[] points, labels;
    public final int count;
    /** Directions (angles in radians) of the max-ℓ2-margin and max-ℓ∞-margin separators. */
    public final double l2Angle, linfAngle;
    private final Tensor xT, negY;
    private final List<Parameter> ws = new ArrayList<>();
    private final List<Optimizer> opts = new ArrayList<>();
    // w after each step, per method: (methods, T + 1, 2) flattened as x0, y0, x1, y1, ...
    private final List<float[]> paths = new ArrayList<>();
    private int steps;

    public MarginExperiment(Backend backend, int count, long seed, double gdLr, double signLr) {
        this.count = count;
        Rng rng = new Rng(seed);
        // two blobs, class +1 around c and class -1 around -c, with c pointing 15°-35° off the x axis: away from the
        // diagonals, where the l∞ geometry pulls, so the two max-margin separators differ visibly
        double truth = Math.toRadians(rng.uniform(15, 35)) + (rng.nextInt(2) == 0 ? 0 : Math.PI / 2);
        double tx = Math.cos(truth), ty = Math.sin(truth);
        points = new float[2 * count];
        labels = new float[count];
        for (int i = 0; i < count; ) {
            double y = i % 2 == 0 ? 1 : -1;
            double px = y * 1.6 * tx + 0.7 * rng.normal(), py = y * 1.6 * ty + 0.7 * rng.normal();
            if (y * (px * tx + py * ty) < 0.4) continue; // keep a gap: separable through the origin
            points[2 * i] = (float) px;
            points[2 * i + 1] = (float) py;
            labels[i] = (float) y;
            i++;
        }
        l2Angle = bestAngle(false);
        linfAngle = bestAngle(true);
        xT = Tensor.of(backend, points, count, 2).persistent();
        float[] ny = new float[count];
        for (int i = 0; i < count; i++) ny[i] = -labels[i];
        negY = Tensor.of(backend, ny, count, 1).persistent();
        for (Method m : METHODS) {
            Parameter w = new Parameter("w_" + m.key, Role.HIDDEN, Tensor.zeros(backend, 2, 1), 2, 1, 1f);
            ws.add(w);
            opts.add(new Method.Setting(m, m == Method.GD ? gdLr : signLr, 0.9, 0.999).build(List.of(w)));
            float[] p = new float[1024];
            paths.add(p);
        }
    }

    /** One step of every method on the logistic loss, by the engine's autograd: mean softplus(−y · Xw). */
    public void step() {
        steps++;
        for (int k = 0; k < ws.size(); k++) {
            Parameter w = ws.get(k);
            try (Scope s = Scope.open()) {
                opts.get(k).zeroGrad();
                xT.matmul(w.value).mul(negY).softplus().mean().backward();
                opts.get(k).step();
            }
            float[] v = w.value.toHost();
            float[] p = paths.get(k);
            if (2 * steps + 2 > p.length) {
                p = Arrays.copyOf(p, p.length * 2);
                paths.set(k, p);
            }
            p[2 * steps] = v[0];
            p[2 * steps + 1] = v[1];
        }
    }

    public int steps() {
        return steps;
    }

    /** Method k's weights after t steps, {wx, wy}. */
    public double[] weights(int k, int t) {
        float[] p = paths.get(k);
        int s = Math.min(t, steps);
        return new double[] {p[2 * s], p[2 * s + 1]};
    }

    /** The angle between method k's direction at step t and a reference direction, in degrees, in [0, 90]. */
    public double angleTo(int k, int t, double reference) {
        double[] w = weights(k, t);
        if (w[0] == 0 && w[1] == 0) return 90;
        double d = Math.abs(Math.atan2(w[1], w[0]) - reference) % (2 * Math.PI);
        if (d > Math.PI) d = 2 * Math.PI - d;
        return Math.toDegrees(d);
    }

    /** minᵢ yᵢ w·xᵢ / ‖w‖ for the direction at angle θ, in ℓ2 or ℓ∞ (negative when some point is misclassified). */
    public double margin(double theta, boolean linf) {
        double wx = Math.cos(theta), wy = Math.sin(theta);
        double norm = linf ? Math.max(Math.abs(wx), Math.abs(wy)) : 1;
        double worst = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            worst = Math.min(worst, labels[i] * (wx * points[2 * i] + wy * points[2 * i + 1]) / norm);
        }
        return worst;
    }

    /** The margin of method k's current direction. */
    public double margin(int k, boolean linf) {
        double[] w = weights(k, steps);
        return margin(Math.atan2(w[1], w[0]), linf);
    }

    /** The direction of largest margin: a fine scan of the circle, then golden-section refinement around the best. */
    private double bestAngle(boolean linf) {
        int n = 3600;
        double best = 0, bestM = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double th = 2 * Math.PI * i / n;
            double m = margin(th, linf);
            if (m > bestM) {
                bestM = m;
                best = th;
            }
        }
        double lo = best - 2 * Math.PI / n, hi = best + 2 * Math.PI / n, g = (Math.sqrt(5) - 1) / 2;
        for (int it = 0; it < 60; it++) {
            double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
            if (margin(a, linf) > margin(b, linf)) hi = b;
            else lo = a;
        }
        return (lo + hi) / 2;
    }

    public void release() {
        for (Optimizer o : opts) o.reset();
        for (Parameter w : ws) w.value.release();
        xT.release();
        negY.release();
    }
}
