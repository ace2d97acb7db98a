package descent.labs.mupmuon;

import descent.tensor.Autograd;
import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;

/**
 * Newton–Schulz step by step: normalise a matrix G by its Frobenius norm (as Muon does), then apply one odd
 * polynomial per step on the backend, exactly the iteration of {@link descent.optim.Muon#newtonSchulz} but keeping
 * every iterate. After each step it records the singular values (measured, not predicted: u_kᵀ X v_k in the input's
 * singular basis, which every iterate shares) and ‖X Xᵀ − I‖ on the smaller side.
 *
 * <pre>
 *   X_0 = G / ‖G‖_F            G (R, C)
 *   X_{k+1} = a X_k + (b A + c A²) X_k,   A = X_k X_kᵀ   on the wide orientation (rows ≤ cols)
 * </pre>
 */
public final class NewtonSchulzExperiment {
    /** Where the input matrix comes from. */
    public enum Input { GAUSSIAN, SPECTRUM, GIVEN }

    public final int rows, cols;
    private final NsSchedule schedule;
    private final int steps;
    /** Singular values of the input G (not normalised), largest first. */
    public final double[] inputSingular;
    /** ‖G‖_F: the normalisation. */
    public final double frobenius;
    /** singular[k] = singular values of X_k, k = 0 (normalised input) .. steps. */
    public final double[][] singular;
    /** ‖X_k X_kᵀ − I‖_F on the smaller side, k = 0 .. steps. */
    public final double[] orthoErrorF;
    /** ‖X_k X_kᵀ − I‖_2 = max |σ² − 1|, k = 0 .. steps. */
    public final double[] orthoError2;
    /** The last iterate X_steps, (rows, cols). */
    public final float[] result;

    /**
     * Runs the whole iteration (it is tiny: at most 10 steps of a few matmuls). {@code given} is used for
     * {@link Input#GIVEN} (a live momentum matrix) and ignored otherwise.
     */
    public NewtonSchulzExperiment(Backend be, Input input, int rows, int cols, double smallest, float[] given,
                                  NsSchedule schedule, int steps, long seed) {
        this.rows = rows;
        this.cols = cols;
        this.schedule = schedule;
        this.steps = steps;
        float[] g = input == Input.GIVEN ? given.clone() : matrix(input, rows, cols, smallest, seed);
        Spectra.Svd basis = Spectra.svd(g, rows, cols, true);
        inputSingular = basis.s();
        double ff = 0;
        for (float v : g) ff += (double) v * v;
        frobenius = Math.sqrt(ff);
        singular = new double[steps + 1][];
        orthoErrorF = new double[steps + 1];
        orthoError2 = new double[steps + 1];
        float[] x = iterate(be, g, basis);
        result = x;
    }

    /** A random (rows, cols) matrix: i.i.d. normals (Marchenko–Pastur spectrum), or a prescribed geometric spectrum. */
    public static float[] matrix(Input input, int rows, int cols, double smallest, long seed) {
        Rng rng = new Rng(seed);
        if (input == Input.GAUSSIAN) return rng.normals(rows * cols, 1);
        return Spectra.withSpectrum(rows, cols, Spectra.geometric(Math.min(rows, cols), smallest), rng);
    }

    private float[] iterate(Backend be, float[] g, Spectra.Svd basis) {
        boolean tall = rows > cols;
        float[] host = null;
        try (Scope s = Scope.open(); Autograd.NoGrad ng = Autograd.noGrad()) {
            Tensor x = Tensor.of(be, g, rows, cols);
            if (tall) x = x.transpose();
            // the same guard against a zero matrix as Muon's
            x = x.div(x.square().sum().sqrt().add(1e-7f));
            for (int k = 0; k <= steps; k++) {
                if (k > 0) {
                    double[] t = schedule.at(k - 1);
                    Tensor gram = x.matmul(x.transpose());
                    Tensor poly = gram.mul((float) t[1]).add(gram.matmul(gram).mul((float) t[2]));
                    x = x.mul((float) t[0]).add(poly.matmul(x));
                }
                host = (tall ? x.transpose() : x).toHost();
                record(k, host, basis);
            }
        }
        return host;
    }

    private void record(int k, float[] x, Spectra.Svd basis) {
        singular[k] = Spectra.inBasis(basis, x);
        double worst = 0;
        for (double s : singular[k]) worst = Math.max(worst, Math.abs(s * s - 1));
        orthoError2[k] = worst;
        orthoErrorF[k] = gramErrorF(x, rows, cols);
    }

    /** ‖M Mᵀ − I‖_F (rows ≤ cols) or ‖Mᵀ M − I‖_F (rows > cols), in double. */
    public static double gramErrorF(float[] x, int rows, int cols) {
        boolean tall = rows > cols;
        int r = Math.min(rows, cols), len = Math.max(rows, cols);
        double ss = 0;
        for (int i = 0; i < r; i++) {
            for (int j = i; j < r; j++) {
                double d = 0;
                for (int t = 0; t < len; t++) {
                    d += tall ? (double) x[t * cols + i] * x[t * cols + j] : (double) x[i * cols + t] * x[j * cols + t];
                }
                if (i == j) d -= 1;
                ss += i == j ? d * d : 2 * d * d;
            }
        }
        return Math.sqrt(ss);
    }

    /** What theory predicts for X_k's singular values: the composed polynomial applied to the normalised input. */
    public double[] predicted(int k) {
        double[] out = new double[inputSingular.length];
        for (int i = 0; i < out.length; i++) out[i] = Math.abs(schedule.compose(k, inputSingular[i] / frobenius));
        return out;
    }

    public int steps() {
        return steps;
    }

    public NsSchedule schedule() {
        return schedule;
    }

    /** Smallest and largest singular value after step k. */
    public double[] range(int k) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (double s : singular[k]) {
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        return new double[] {lo, hi};
    }
}
