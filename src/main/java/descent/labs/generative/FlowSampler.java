package descent.labs.generative;

import descent.tensor.Backend;
import descent.tensor.Tensor;

/**
 * Integrates the learned flow dx/dt = v_θ(x, t) from noise at t = 0 to data at t = 1 in S equal steps (h = 1 / S):
 * <pre>
 *   Euler:  x ← x + h v(x, t)
 *   Heun:   x' = x + h v(x, t);  x ← x + h/2 (v(x, t) + v(x', t + h))     (second order, two evaluations)
 * </pre>
 * With straight learned paths one Euler step would suffice; the curvature of the learned trajectories is what makes
 * few-step sampling worse, and Heun's correction is what buys some of it back.
 */
public final class FlowSampler extends StepSampler {
    public enum Solver { EULER, HEUN }

    private final Network net;
    private final Solver solver;

    public FlowSampler(Backend be, Network net, Solver solver, int steps, float[] start, int dim, long noiseSeed,
                       int maxFrames) {
        super(be, start, dim, Math.max(1, steps), noiseSeed, maxFrames);
        this.net = net;
        this.solver = solver;
    }

    public Solver solver() {
        return solver;
    }

    /** Network evaluations per step. */
    public int evaluationsPerStep() {
        return solver == Solver.HEUN ? 2 : 1;
    }

    double time(int step) {
        return (double) step / steps;
    }

    @Override
    public double progress(int step) {
        return time(step);
    }

    @Override
    public String timeLabel(int step) {
        return "t = " + Math.round(time(step) * 100) / 100.0;
    }

    @Override
    protected Tensor[] update(int step) {
        double t = time(step);
        float h = 1f / steps;
        Tensor v = net.apply(x, TimeMlp.constant(n, t));
        // where the particle would land if it kept its current velocity to t = 1: the flow's x̂₁
        Tensor guess = x.add(v.mul((float) (1 - t)));
        Tensor next = x.add(v.mul(h));
        if (solver == Solver.HEUN) {
            Tensor v2 = net.apply(next, TimeMlp.constant(n, t + h));
            next = x.add(v.add(v2).mul(h / 2));
        }
        return new Tensor[] {next, guess};
    }
}
