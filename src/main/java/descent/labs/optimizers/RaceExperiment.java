package descent.labs.optimizers;

import descent.tensor.Backend;
import descent.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Several optimizers racing from one start point on one surface, optionally with stochastic gradients.
 *
 * <p>Two kinds of noise, both seeded. Gradient noise adds σ·N(0, 1) to each coordinate. Mini-batch noise makes the
 * loss an average over {@link #EXAMPLES} examples, f = (1/N) Σ fᵢ with fᵢ(p) = f(p) + aᵢ·p and the aᵢ centred, so the
 * full batch gives the exact gradient and a batch of B gives ∇f + mean of B of the aᵢ: the smaller the batch, the
 * noisier the step, and the noise vanishes at B = N (sampling without replacement). At each step all racers see the
 * same draw, so a race is fair.
 */
public final class RaceExperiment {
    public static final int EXAMPLES = 64;

    public final Surface surface;
    public final double sigma;
    public final int batch;
    public final int maxSteps;
    private final List<Racer> racers = new ArrayList<>();
    private final Rng rng;
    private final double[][] exampleOffsets = new double[EXAMPLES][2];
    private final int[] order = new int[EXAMPLES];
    private int steps;

    public RaceExperiment(Backend backend, Surface surface, List<Method.Setting> settings, double x0, double y0,
            double sigma, int batch, int maxSteps, long seed) {
        this.surface = surface;
        this.sigma = sigma;
        this.batch = Math.max(1, Math.min(EXAMPLES, batch));
        this.maxSteps = maxSteps;
        this.rng = new Rng(seed);
        double mx = 0, my = 0;
        for (double[] a : exampleOffsets) {
            a[0] = rng.normal() * surface.spread();
            a[1] = rng.normal() * surface.spread();
            mx += a[0] / EXAMPLES;
            my += a[1] / EXAMPLES;
        }
        for (double[] a : exampleOffsets) {
            a[0] -= mx;
            a[1] -= my;
        }
        for (int i = 0; i < EXAMPLES; i++) order[i] = i;
        for (Method.Setting s : settings) {
            Racer r = new Racer(backend, s, x0, y0);
            r.record(surface);
            racers.add(r);
        }
    }

    /** One step of every racer that is still healthy, all with the same gradient noise. */
    public void step() {
        if (done()) return;
        double nx = 0, ny = 0;
        if (batch < EXAMPLES) {
            // a partial Fisher–Yates shuffle draws the batch without replacement
            for (int i = 0; i < batch; i++) {
                int j = i + rng.nextInt(EXAMPLES - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
                nx += exampleOffsets[order[i]][0] / batch;
                ny += exampleOffsets[order[i]][1] / batch;
            }
        }
        if (sigma > 0) {
            nx += sigma * rng.normal();
            ny += sigma * rng.normal();
        }
        for (Racer r : racers) r.step(surface, nx, ny);
        steps++;
    }

    public boolean done() {
        return steps >= maxSteps || allDiverged();
    }

    public boolean allDiverged() {
        for (Racer r : racers) if (!r.diverged()) return false;
        return !racers.isEmpty();
    }

    public boolean stochastic() {
        return sigma > 0 || batch < EXAMPLES;
    }

    public int steps() {
        return steps;
    }

    public List<Racer> racers() {
        return racers;
    }

    public void release() {
        for (Racer r : racers) r.release();
        racers.clear();
    }
}
