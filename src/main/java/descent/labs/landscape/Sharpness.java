package descent.labs.landscape;

import descent.optim.Hessian;
import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import java.util.List;
import java.util.function.Supplier;

/**
 * Sharpness, the top Hessian eigenvalue(s) of the training loss, by subspace (block power) iteration on
 * Hessian-vector products with a Rayleigh-Ritz step: V &larr; orth(H V Y) where Y diagonalises V^T H V. With one
 * vector this is plain power iteration and the Ritz value is the Rayleigh quotient v^T H v.
 *
 * <p>Measured again and again along training, so the last vectors warm-start the next measurement: the top
 * eigenvectors turn slowly, and two or three products usually suffice. The work is split into single products
 * ({@link #advance}) so a measurement never holds a frame for long.
 *
 * <p>Power iteration finds the eigenvalues of largest <em>magnitude</em>. Early in training a negative curvature can
 * rival the top positive one, and a single vector then swings between the two without settling; so the block carries
 * one guard vector more than asked for, Rayleigh-Ritz separates the two, and the largest Ritz values are reported.
 */
public final class Sharpness {
    /** Relative change of the Ritz values below which a measurement stops; the finite-difference Hv is ~1e-3 exact. */
    static final double TOLERANCE = 2e-3;

    private final ParamVector layout;
    private final Supplier<Tensor> loss;
    private final Backend be;
    private final int k, wanted;
    private final float[][] v, hv;   // (k, P) basis and its images under H
    private double[] ritz, previous;
    private int next, iteration, maxIterations, hvps;
    private boolean measuring;

    /** The top {@code k} eigenvalues of the Hessian of {@code loss} over the parameters of {@code layout}. */
    public Sharpness(ParamVector layout, Supplier<Tensor> loss, int k, long seed) {
        this.layout = layout;
        this.loss = loss;
        this.be = layout.params.get(0).value.backend;
        this.wanted = k;
        this.k = k + 1; // one guard vector
        k = this.k;
        v = new float[k][];
        hv = new float[k][];
        Rng rng = new Rng(seed);
        for (int c = 0; c < k; c++) v[c] = rng.normals(layout.size, 1);
        orthonormalise(v);
        ritz = new double[k];
    }

    /** Begins a measurement at the current parameters; at most {@code iterations} rounds of k products. */
    public void start(int iterations) {
        maxIterations = iterations;
        iteration = 0;
        next = 0;
        previous = null;
        measuring = true;
    }

    public boolean measuring() {
        return measuring;
    }

    /** One Hessian-vector product; returns true when this finished the measurement. */
    public boolean advance() {
        if (!measuring) return true;
        try (Scope s = Scope.open()) {
            List<Tensor> h = Hessian.hvp(loss, layout.params, layout.split(be, v[next]));
            hv[next] = layout.join(h);
        }
        hvps++;
        if (++next < k) return false;
        next = 0;
        iteration++;
        rayleighRitz();
        boolean converged = previous != null && change(previous, ritz, wanted) < TOLERANCE;
        previous = ritz.clone();
        if (converged || iteration >= maxIterations) measuring = false;
        return !measuring;
    }

    /** Runs a whole measurement at once (tests, and the JVM). */
    public double[] measure(int iterations) {
        start(iterations);
        while (!advance()) {
            // each call is one product
        }
        return values();
    }

    /** The estimates of the top eigenvalues asked for, largest first. */
    public double[] values() {
        return java.util.Arrays.copyOf(ritz, wanted);
    }

    /** The current estimate of eigenvector c (unit length, P). */
    public float[] vector(int c) {
        return v[c].clone();
    }

    /** Products computed so far, over all measurements. */
    public int products() {
        return hvps;
    }

    private void rayleighRitz() {
        double[][] t = new double[k][k]; // V^T H V, symmetrised against finite-difference noise
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) t[a][b] = 0.5 * (Vec.dot(v[a], hv[b]) + Vec.dot(v[b], hv[a]));
        }
        SymEigen eig = new SymEigen(t);
        ritz = eig.values.clone();
        float[][] w = new float[k][layout.size]; // H V Y: the images of the Ritz vectors, the next basis
        for (int c = 0; c < k; c++) {
            for (int r = 0; r < k; r++) Vec.axpy(eig.vectors[c][r], hv[r], w[c]);
        }
        orthonormalise(w);
        for (int c = 0; c < k; c++) v[c] = w[c];
    }

    /** Modified Gram-Schmidt, in place; a vector that vanishes is replaced by a fixed fallback. */
    private static void orthonormalise(float[][] vs) {
        for (int c = 0; c < vs.length; c++) {
            for (int r = 0; r < c; r++) Vec.axpy(-Vec.dot(vs[r], vs[c]), vs[r], vs[c]);
            double n = Vec.norm(vs[c]);
            if (n == 0) {
                vs[c][c % vs[c].length] = 1;
                n = 1;
            }
            Vec.scale(vs[c], 1 / n);
        }
    }

    private static double change(double[] before, double[] after, int n) {
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(after[i] - before[i]) / Math.max(1e-12, Math.abs(after[i])));
        }
        return worst;
    }
}
