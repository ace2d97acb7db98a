package descent.labs.mupmuon;

import descent.data.Dataset;
import descent.data.TinyImages;
import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The picture of Tensor Programs V (Yang et al. 2021, Figure 1): train MLPs of several widths over a grid of learning
 * rates, in standard parametrisation and in muP, and plot the final training loss against the learning rate, one
 * curve per width. Under SP the best learning rate drifts as the network widens; under muP it stays put, so a rate
 * tuned on a narrow model transfers to a wide one.
 *
 * <p>Runs of one width train together as {@link WidthGroup}s (one ensemble, one batched dispatch per layer). Work is
 * cut into units of at most {@code unitFlops} so one {@link #step} stays short on any backend: a unit is a slice of
 * the members and a slice of the batch (gradients accumulate across batch slices).
 */
public final class WidthSweepExperiment {
    /** What a sweep trains. */
    public record Config(int[] widths, double[] lrs, boolean adam, int steps, int batch, int baseWidth, int samples,
                         long seed) {
    }

    public static final int CLASSES = 10;
    /**
     * Hidden w → w matrices, the layers whose learning rate muP rescales. Two, not one: with a single hidden matrix
     * the input layer (whose fan-in never grows) shapes a narrow net's stability as much as the hidden one does, and
     * standard parametrisation's drift came out at 2.8× over widths 32 to 512 instead of 6.3×.
     */
    public static final int HIDDEN = 2;
    public final Config config;
    public final int inputs;
    /** results[muP ? 1 : 0][width index][lr index]: mean training loss over the last fifth of the steps, NaN until done. */
    public final double[][][] results;
    private final Backend be;
    private final Tensor data, oneHot;
    private final int[][] rows; // (steps, batch): every run sees the same batches
    private final List<Plan> plan = new ArrayList<>();
    private int next;
    private WidthGroup current;
    private Plan currentPlan;
    private long unitsDone;
    private final long unitsTotal;
    private double flopsDone;
    private final double flopsTotal;

    /** One group to train: a width and which (parametrisation, learning rate) pairs. */
    private record Plan(int widthIndex, int[] memberIndices, int chunk, double unitFlops) {
    }

    /**
     * {@code unitFlops} bounds one step() (about 15 MFLOP keeps a CPU frame short; a GPU takes far more per unit);
     * {@code maxTensorFloats} bounds one (E, w, w) weight tensor (a GPU's binding limit).
     */
    public WidthSweepExperiment(Backend be, Config c, double unitFlops, long maxTensorFloats) {
        this.be = be;
        this.config = c;
        Dataset digits = pooled(TinyImages.digits(c.samples, 16, 0.1, c.seed));
        this.inputs = digits.d;
        data = Tensor.of(be, digits.x, digits.n, digits.d).persistent();
        float[] hot = new float[digits.n * CLASSES];
        for (int i = 0; i < digits.n; i++) hot[i * CLASSES + digits.labels[i]] = 1;
        oneHot = Tensor.of(be, hot, digits.n, CLASSES).persistent();
        rows = batchRows(digits.n, c.batch, c.steps, c.seed);
        results = new double[2][c.widths.length][c.lrs.length];
        for (double[][] a : results) for (double[] b : a) Arrays.fill(b, Double.NaN);
        long units = 0;
        double flops = 0;
        int all = 2 * c.lrs.length;
        for (int w = 0; w < c.widths.length; w++) {
            int width = c.widths[w];
            double perRow = flopsPerRow(inputs, width);
            int byMemory = (int) Math.max(1, Math.min(all, maxTensorFloats / ((long) width * Math.max(width, inputs))));
            // as many members per group as the budget allows with at least 8 rows per unit, then the largest slice
            // of the batch that fits
            int members = (int) Math.max(1, Math.min(byMemory, unitFlops / (perRow * Math.min(8, c.batch))));
            int chunk = c.batch;
            while (chunk > 1 && members * chunk * perRow > unitFlops) chunk = largestDivisorBelow(c.batch, chunk);
            for (int start = 0; start < all; start += members) {
                int[] idx = new int[Math.min(members, all - start)];
                for (int i = 0; i < idx.length; i++) idx[i] = start + i;
                plan.add(new Plan(w, idx, chunk, idx.length * chunk * perRow));
                units += (long) c.steps * (c.batch / chunk);
                flops += (double) c.steps * c.batch * idx.length * perRow;
            }
        }
        unitsTotal = units;
        flopsTotal = flops;
    }

    /**
     * The digits averaged over 2×2 blocks, 16×16 to 8×8. Besides being 4× cheaper, 64 inputs keep the input layer
     * narrower than every swept width: with 256 inputs the input layer, whose fan-in never changes, would be the
     * widest matrix of a 32-wide net and would set its largest stable learning rate, hiding the effect of width.
     */
    public static Dataset pooled(Dataset d) {
        int s = (int) Math.round(Math.sqrt(d.d)), h = s / 2;
        float[] x = new float[d.n * h * h];
        for (int i = 0; i < d.n; i++) {
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < h; c++) {
                    int o = i * d.d + 2 * r * s + 2 * c;
                    x[i * h * h + r * h + c] = 0.25f * (d.x[o] + d.x[o + 1] + d.x[o + s] + d.x[o + s + 1]);
                }
            }
        }
        return Dataset.classification(d.name + " pooled to " + h + "x" + h, x, h * h, d.labels, d.classes);
    }

    /** Forward and backward of one row through D → w → w → w → K: three times the forward's multiply-adds, ×2. */
    static double flopsPerRow(int inputs, int width) {
        return 6.0 * ((double) inputs * width + HIDDEN * (double) width * width + (double) width * CLASSES);
    }

    private static int largestDivisorBelow(int n, int below) {
        for (int d = below - 1; d > 1; d--) if (n % d == 0) return d;
        return 1;
    }

    /** Seeded epochs of shuffled rows, cut into batches. */
    static int[][] batchRows(int n, int batch, int steps, long seed) {
        Rng rng = new Rng(seed ^ 0xBA7C4L);
        int[] order = rng.permutation(n);
        int pos = 0;
        int[][] out = new int[steps][batch];
        for (int t = 0; t < steps; t++) {
            if (pos + batch > n) {
                rng.shuffle(order);
                pos = 0;
            }
            System.arraycopy(order, pos, out[t], 0, batch);
            pos += batch;
        }
        return out;
    }

    /** Member index i of a width's 2L runs: the first L are standard, the last L muP, learning rates ascending. */
    private WidthGroup.Member member(int i) {
        int l = config.lrs.length;
        return new WidthGroup.Member(i >= l, config.lrs[i % l]);
    }

    /** One unit of work; false when the sweep is complete. */
    public boolean step() {
        if (current == null) {
            if (next >= plan.size()) return false;
            currentPlan = plan.get(next++);
            WidthGroup.Member[] ms = new WidthGroup.Member[currentPlan.memberIndices.length];
            for (int i = 0; i < ms.length; i++) ms[i] = member(currentPlan.memberIndices[i]);
            current = new WidthGroup(be, config.widths[currentPlan.widthIndex], HIDDEN, inputs, CLASSES, ms, config.baseWidth,
                    config.adam, config.steps, config.batch, currentPlan.chunk, config.seed);
        }
        current.unit(data, oneHot, rows[current.stepsDone()]);
        unitsDone++;
        flopsDone += currentPlan.unitFlops;
        if (current.done()) {
            float[] f = current.finalLosses();
            int l = config.lrs.length;
            for (int i = 0; i < f.length; i++) {
                int m = currentPlan.memberIndices[i];
                // a run that diverged (NaN or inf) is finished too: its loss is +inf
                results[m >= l ? 1 : 0][currentPlan.widthIndex][m % l] = Float.isFinite(f[i]) ? f[i]
                        : Double.POSITIVE_INFINITY;
            }
            current.release();
            current = null;
        }
        return true;
    }

    public boolean done() {
        return current == null && next >= plan.size();
    }

    /** Fraction of the sweep's arithmetic done (units differ in size, so this counts FLOPs). */
    public double progress() {
        return flopsTotal == 0 ? 1 : flopsDone / flopsTotal;
    }

    public long unitsDone() {
        return unitsDone;
    }

    public long unitsTotal() {
        return unitsTotal;
    }

    public double flopsTotal() {
        return flopsTotal;
    }

    /** How many groups (ensembles) the sweep trains. */
    public int groups() {
        return plan.size();
    }

    /** The width being trained now, or -1 between groups. */
    public int currentWidth() {
        return current == null ? -1 : current.width;
    }

    /** The group in training now (its latest per-member losses are on the device), or null. */
    WidthGroup currentGroup() {
        return current;
    }

    /** Index of the learning rate with the lowest finished loss for a width, or -1 if none finished. */
    public int bestLr(boolean muP, int widthIndex) {
        double[] r = results[muP ? 1 : 0][widthIndex];
        int best = -1;
        for (int i = 0; i < r.length; i++) {
            if (Double.isFinite(r[i]) && (best < 0 || r[i] < r[best])) best = i;
        }
        return best;
    }

    /**
     * The best learning rate between grid points: a parabola through the grid's best point and its two neighbours,
     * in (log₂ lr, log loss), and its vertex. The loss floor is flat, so the grid's argmin alone jitters by a point
     * with the seed; the vertex follows the whole valley. NaN until the three points are finished.
     */
    public double bestLrFit(boolean muP, int widthIndex) {
        int i = bestLr(muP, widthIndex);
        double[] r = results[muP ? 1 : 0][widthIndex];
        double[] lrs = config.lrs;
        if (i < 0) return Double.NaN;
        if (i == 0 || i == r.length - 1) return lrs[i];
        double y0 = Math.log(r[i - 1]), y1 = Math.log(r[i]), y2 = Math.log(r[i + 1]);
        if (!Double.isFinite(y0) || !Double.isFinite(y2)) {
            return Double.isNaN(y0) || Double.isNaN(y2) ? Double.NaN : lrs[i];
        }
        double x0 = Math.log(lrs[i - 1]), x1 = Math.log(lrs[i]), x2 = Math.log(lrs[i + 1]);
        // vertex of the parabola through three points (x1 is the middle one, the grid is log-spaced and even)
        double h = (x2 - x0) / 2, curv = y0 - 2 * y1 + y2;
        if (curv <= 0) return lrs[i];
        double shift = h * (y0 - y2) / (2 * curv);
        return Math.exp(x1 + Math.max(-h, Math.min(h, shift)));
    }

    /** Whether every learning rate of this width and parametrisation has finished. */
    public boolean finished(boolean muP, int widthIndex) {
        for (double v : results[muP ? 1 : 0][widthIndex]) if (Double.isNaN(v)) return false;
        return true;
    }

    /** Log-spaced learning rates from lo to hi, n of them. */
    public static double[] logGrid(double lo, double hi, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = n == 1 ? lo : lo * Math.pow(hi / lo, (double) i / (n - 1));
        return g;
    }

    public void release() {
        if (current != null) current.release();
        current = null;
        data.release();
        oneHot.release();
    }
}
