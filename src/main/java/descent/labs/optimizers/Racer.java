package descent.labs.optimizers;

import descent.nn.Parameter;
import descent.nn.Role;
import descent.optim.Optimizer;
import descent.tensor.Backend;
import descent.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * One optimizer on a 2-D surface: the point is a 2-element engine parameter, the surface's gradient goes into its
 * gradient buffer, and the engine's optimizer takes the step — exactly as it would for a network's weights.
 */
public final class Racer {
    /** A point this far out has left every surface's window for good; treat it as diverged. */
    static final double ESCAPED = 1e6;

    public final Method.Setting setting;
    final Parameter point;
    final Optimizer optimizer;
    private final Backend backend;
    private final float[] grad = new float[2];
    // the path as taken: xs[t], ys[t] after t steps; loss and distance to the nearest minimum at each step
    private float[] xs = new float[256], ys = new float[256], loss = new float[256], dist = new float[256];
    private int n;
    /** -1 while healthy; otherwise the step at which the point stopped being finite or left for infinity. */
    private int divergedAt = -1;

    Racer(Backend backend, Method.Setting setting, double x, double y) {
        this.backend = backend;
        this.setting = setting;
        this.point = new Parameter(setting.method().key, Role.HIDDEN, Tensor.of(backend, new float[] {(float) x,
                (float) y}, 2), 2, 1, 1f);
        this.optimizer = setting.build(List.of(point));
    }

    /** Records the current point; called once at the start and after every step. */
    void record(Surface s) {
        float[] p = point.value.toHost();
        if (n == xs.length) {
            int cap = n * 2;
            xs = Arrays.copyOf(xs, cap);
            ys = Arrays.copyOf(ys, cap);
            loss = Arrays.copyOf(loss, cap);
            dist = Arrays.copyOf(dist, cap);
        }
        double f = s.value(p[0], p[1]);
        xs[n] = p[0];
        ys[n] = p[1];
        loss[n] = (float) f;
        dist[n] = (float) s.distanceToMinimum(p[0], p[1]);
        n++;
        if (divergedAt < 0 && (!Double.isFinite(f) || !(Math.abs(p[0]) < ESCAPED) || !(Math.abs(p[1]) < ESCAPED))) {
            divergedAt = n - 1;
        }
    }

    /** One step with gradient g + noise; the engine optimizer does the update. */
    void step(Surface s, double noiseX, double noiseY) {
        if (divergedAt >= 0) return;
        double[] jet = s.jet(xs[n - 1], ys[n - 1]);
        grad[0] = (float) (jet[1] + noiseX);
        grad[1] = (float) (jet[2] + noiseY);
        backend.write(point.value.gradBuffer(), grad);
        optimizer.step();
        record(s);
    }

    public Method method() {
        return setting.method();
    }

    /** Points recorded: steps taken + 1. */
    public int size() {
        return n;
    }

    public float x(int t) {
        return xs[t];
    }

    public float y(int t) {
        return ys[t];
    }

    public float loss(int t) {
        return loss[t];
    }

    public float distance(int t) {
        return dist[t];
    }

    public boolean diverged() {
        return divergedAt >= 0;
    }

    public int divergedAt() {
        return divergedAt;
    }

    void release() {
        optimizer.reset();
        point.value.release();
    }
}
