package descent.labs.generative;

import descent.tensor.Autograd;
import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A sampler that moves N particles from noise to data one step at a time and keeps what each step produced, so the
 * lab can offer a step button, a scrubber over past steps and trajectories. Subclasses supply the update: a reverse
 * diffusion step (DDPM, DDIM) or an ODE step of a learned flow (Euler, Heun).
 *
 * <p>The particles live in a backend tensor and every update is tensor arithmetic, so the same code runs on the CPU
 * and the GPU backend; only the frames kept for display are read back, and a benchmark can switch that off.
 */
public abstract class StepSampler {
    protected final Backend be;
    public final int n, dim, steps;
    private final int stride;
    private final boolean record;
    protected final Rng noise;
    protected Tensor x; // (N, D) the particles now
    private int done;
    private final List<Integer> frameSteps = new ArrayList<>();
    private final List<float[]> frames = new ArrayList<>();    // (N, D) positions after each kept step
    private final List<float[]> estimates = new ArrayList<>(); // (N, D) the model's guess of the end point there

    /**
     * @param maxFrames at most this many steps are kept for display (every k-th when there are more); 0 keeps none
     */
    protected StepSampler(Backend be, float[] start, int dim, int steps, long noiseSeed, int maxFrames) {
        this.be = be;
        this.dim = dim;
        this.n = start.length / dim;
        this.steps = steps;
        this.record = maxFrames > 0;
        this.stride = record ? Math.max(1, (steps + maxFrames - 1) / maxFrames) : 1;
        this.noise = new Rng(noiseSeed);
        x = Tensor.of(be, start, n, dim).persistent();
        if (record) keep(0, start, null);
    }

    /** Computes the particles after one more step from {@link #x}; returns {new x, end-point estimate or null}. */
    protected abstract Tensor[] update(int step);

    /** Where step i sits in the process, as a fraction of the way from noise (0) to data (1). */
    public abstract double progress(int step);

    /** "t = 740", "t = 0.35": the time of the model's clock after step i, as the course writes it. */
    public abstract String timeLabel(int step);

    /** Runs the next step; false when the sampler has already reached the data end. */
    public boolean step() {
        if (done >= steps) return false;
        float[] now = null, est = null;
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            Tensor[] r = update(done);
            Tensor next = s.keep(r[0]).persistent();
            x.release();
            x = next;
            done++;
            if (record && (done % stride == 0 || done == steps)) {
                now = next.toHost();
                est = r[1] == null ? null : r[1].toHost();
            }
        }
        if (now != null) keep(done, now, est);
        return true;
    }

    private void keep(int step, float[] pos, float[] est) {
        frameSteps.add(step);
        frames.add(pos);
        estimates.add(est);
    }

    /** Steps completed (0 at noise, {@link #steps} at the end). */
    public int done() {
        return done;
    }

    public boolean finished() {
        return done >= steps;
    }

    /** The particles now, read back (slow on a GPU; for tests and benchmarks). */
    public float[] current() {
        return x.toHost();
    }

    /** Kept frames, oldest first: frame k shows the particles after {@link #frameStep}(k) steps. */
    public int frames() {
        return frames.size();
    }

    public int frameStep(int k) {
        return frameSteps.get(k);
    }

    public float[] frame(int k) {
        return frames.get(k);
    }

    /** The end-point estimate at frame k (x̂₀ for diffusion), or null at the start. */
    public float[] estimate(int k) {
        return estimates.get(k);
    }

    /** The kept frame at or before step i. */
    public int frameAt(int step) {
        int lo = 0, hi = frameSteps.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (frameSteps.get(mid) <= step) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    public void release() {
        x.release();
    }

    /** Fresh standard normal noise, (N, D). */
    protected Tensor gaussian() {
        return Tensor.of(be, noise.normals(n * dim, 1), n, dim);
    }

    /** min(max(v, -c), c) elementwise. */
    protected static Tensor clip(Tensor v, float c) {
        return v.clampMin(-c).neg().clampMin(-c).neg();
    }
}
