package descent.labs.optimizers;

import descent.nn.Parameter;
import descent.nn.Role;
import descent.optim.Momentum;
import descent.optim.Optimizer;
import descent.optim.Sgd;
import descent.tensor.Backend;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import java.util.List;

/**
 * Momentum as the theory says (Polyak 1964; Goh, "Why Momentum Really Works", Distill 2017). On the quadratic
 * f(w) = ½ Σᵢ λᵢ wᵢ² written in its eigenbasis, with eigenvalues λᵢ spread from μ = 1/κ to L = 1, the error along each
 * eigenvector evolves on its own:
 * <pre>
 *   gradient descent:  wᵢ ← (1 − αλᵢ) wᵢ                               rate |1 − αλᵢ|
 *   heavy ball:        wᵢ⁺ = (1 + β − αλᵢ) wᵢ − β wᵢ⁻                   rate = largest |z| with z² − (1 + β − αλᵢ) z + β = 0
 * </pre>
 * The run uses the engine's {@link Sgd} and {@link Momentum} with autograd on this loss; the rates are the closed
 * forms, and the unit tests hold the one to the other.
 */
public final class MomentumExperiment {
    public final double kappa, alpha, beta;
    /** Eigenvalues, smallest (1/κ) to largest (1), log-spaced: (D) */
    public final double[] lambda;
    private final Parameter gdW, hbW;
    private final Optimizer gd, hb;
    private final Tensor lam;
    // |wᵢ| after t steps, one row per recorded step: (T, D)
    private final float[][] gdErr, hbErr;
    private int steps;

    public MomentumExperiment(Backend backend, double kappa, int dims, double alpha, double beta, int maxSteps) {
        this.kappa = kappa;
        this.alpha = alpha;
        this.beta = beta;
        lambda = new double[dims];
        float[] lamF = new float[dims];
        for (int i = 0; i < dims; i++) {
            lambda[i] = dims == 1 ? 1 : Math.pow(kappa, (double) i / (dims - 1) - 1);
            lamF[i] = (float) lambda[i];
        }
        lam = Tensor.of(backend, lamF, dims).persistent();
        float[] ones = new float[dims];
        java.util.Arrays.fill(ones, 1f);
        gdW = new Parameter("w_gd", Role.HIDDEN, Tensor.of(backend, ones, dims), dims, 1, 1f);
        hbW = new Parameter("w_hb", Role.HIDDEN, Tensor.of(backend, ones, dims), dims, 1, 1f);
        gd = new Sgd(List.of(gdW), (float) alpha);
        hb = new Momentum(List.of(hbW), (float) alpha, (float) beta);
        gdErr = new float[maxSteps + 1][];
        hbErr = new float[maxSteps + 1][];
        gdErr[0] = abs(gdW.value.toHost());
        hbErr[0] = abs(hbW.value.toHost());
    }

    /** One step of both optimizers on f(w) = ½ Σ λᵢ wᵢ², gradients by the engine's autograd. */
    public void step() {
        if (done()) return;
        descend(gdW, gd);
        descend(hbW, hb);
        steps++;
        gdErr[steps] = abs(gdW.value.toHost());
        hbErr[steps] = abs(hbW.value.toHost());
    }

    private void descend(Parameter w, Optimizer o) {
        try (Scope s = Scope.open()) {
            o.zeroGrad();
            w.value.square().mul(lam).sum().mul(0.5f).backward();
            o.step();
        }
    }

    public boolean done() {
        return steps >= gdErr.length - 1;
    }

    public int steps() {
        return steps;
    }

    /** |wᵢ| after t steps of gradient descent, or of heavy ball. */
    public float error(boolean heavyBall, int t, int i) {
        return (heavyBall ? hbErr : gdErr)[t][i];
    }

    /** ‖w‖ after t steps. */
    public double norm(boolean heavyBall, int t) {
        double s = 0;
        for (float v : (heavyBall ? hbErr : gdErr)[t]) s += (double) v * v;
        return Math.sqrt(s);
    }

    /**
     * The contraction per step seen over the second half of the run so far, (‖w_T‖ / ‖w_{T/2}‖)^(1/(T − T/2)); NaN
     * before there is enough to measure or once the error has reached float32's floor.
     */
    public double measuredRate(boolean heavyBall) {
        int end = steps;
        while (end > 0 && norm(heavyBall, end) < 1e-30) end--;
        int from = end / 2;
        if (end - from < 4) return Double.NaN;
        return Math.pow(norm(heavyBall, end) / norm(heavyBall, from), 1.0 / (end - from));
    }

    // ---- closed forms --------------------------------------------------------------------------------------------

    /** Gradient descent's contraction along eigenvalue λ. */
    public static double gdRate(double alpha, double lambda) {
        return Math.abs(1 - alpha * lambda);
    }

    /** Heavy ball's contraction along λ: the larger root magnitude of z² − (1 + β − αλ) z + β. */
    public static double heavyBallRate(double alpha, double beta, double lambda) {
        double b = 1 + beta - alpha * lambda;
        double disc = b * b - 4 * beta;
        if (disc < 0) return Math.sqrt(beta); // complex pair: both roots have |z|² = β, the ball spirals in
        double r = Math.sqrt(disc);
        return Math.max(Math.abs((b + r) / 2), Math.abs((b - r) / 2));
    }

    /** The slowest component's rate: the whole error's rate in the long run. */
    public double gdRate() {
        double worst = 0;
        for (double l : lambda) worst = Math.max(worst, gdRate(alpha, l));
        return worst;
    }

    public double heavyBallRate() {
        return heavyBallRate(alpha, beta);
    }

    public double heavyBallRate(double a, double b) {
        double worst = 0;
        for (double l : lambda) worst = Math.max(worst, heavyBallRate(a, b, l));
        return worst;
    }

    /** Tuned gradient descent: α* = 2 / (L + μ), rate (κ − 1) / (κ + 1). */
    public static double optimalGdAlpha(double kappa) {
        return 2 / (1 + 1 / kappa);
    }

    public static double optimalGdRate(double kappa) {
        return (kappa - 1) / (kappa + 1);
    }

    /** Polyak's tuning: α* = 4 / (√L + √μ)², β* = ((√κ − 1) / (√κ + 1))², rate (√κ − 1) / (√κ + 1). */
    public static double optimalAlpha(double kappa) {
        double s = 1 + Math.sqrt(1 / kappa);
        return 4 / (s * s);
    }

    public static double optimalBeta(double kappa) {
        double r = optimalRate(kappa);
        return r * r;
    }

    public static double optimalRate(double kappa) {
        double s = Math.sqrt(kappa);
        return (s - 1) / (s + 1);
    }

    /** Steps to shrink the error by 1000× at a given rate (∞ when it does not shrink). */
    public static double stepsToThousandth(double rate) {
        return rate >= 1 ? Double.POSITIVE_INFINITY : Math.log(1e-3) / Math.log(rate);
    }

    private static float[] abs(float[] v) {
        for (int i = 0; i < v.length; i++) v[i] = Math.abs(v[i]);
        return v;
    }

    public void release() {
        gd.reset();
        hb.reset();
        gdW.value.release();
        hbW.value.release();
        lam.release();
    }
}
