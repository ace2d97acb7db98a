package descent.labs.landscape;

import java.util.Arrays;

/**
 * A 2-D slice of the landscape computed coarse to fine: the loss on an R x R grid (R = 2^k + 1) over
 * [x0, x1] x [y0, y1] in the plane theta(a, b) = center + a d1 + b d2, filled in passes of halving stride, 9 x 9
 * first, so a picture exists after a few dozen evaluations and sharpens as the rest arrive. Each pass adds only the
 * points the previous passes lack.
 *
 * <p>values[j R + i] is the loss at a = x0 + i (x1 - x0) / (R - 1), b = y0 + j (y1 - y0) / (R - 1): i along the first
 * direction, j along the second, j = 0 at the bottom. NaN marks points not computed yet.
 */
public final class SliceGrid {
    public final int res;
    public final double x0, x1, y0, y1;
    public final float[] center, d1, d2;
    final float[] values;
    /** Stride of the pass in progress; 0 once the target is reached. */
    private int stride;
    /** Finest stride to compute (1 for the full grid). */
    private int finest;
    /** Stride of the last finished pass, 0 before the first. */
    private int shown;
    /** Next candidate point of the pass in progress, as a flat index. */
    private int cursor;
    /** Points handed out by {@link #next} and not yet returned to {@link #accept}. */
    private int outstanding;
    private final int coarsest;
    private long evaluations;

    public SliceGrid(int res, double x0, double x1, double y0, double y1, float[] center, float[] d1, float[] d2) {
        if (res < 3 || Integer.bitCount(res - 1) != 1) throw new IllegalArgumentException("res must be 2^k + 1");
        this.res = res;
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
        this.center = center;
        this.d1 = d1;
        this.d2 = d2;
        values = new float[res * res];
        Arrays.fill(values, Float.NaN);
        coarsest = Math.max(1, (res - 1) / 8);
        stride = coarsest;
        finest = 1;
    }

    /** Stops refining at {@code target} x {@code target} (a power of two plus one, at most res); more can follow. */
    public void target(int target) {
        finest = Math.min(coarsest, Math.max(1, (res - 1) / Math.max(2, Math.min(res, target) - 1)));
        if (stride == 0 && shown > finest) stride = shown / 2;
    }

    public boolean done() {
        return stride == 0 || stride < finest;
    }

    public double a(int i) {
        return x0 + i * (x1 - x0) / (res - 1);
    }

    public double b(int j) {
        return y0 + j * (y1 - y0) / (res - 1);
    }

    /**
     * Fills up to {@code max} pending points of the current pass into (a, b, idx) and returns how many; the caller
     * evaluates them and hands the losses to {@link #accept}.
     */
    public int next(int max, float[] a, float[] b, int[] idx) {
        int n = 0;
        while (n < max && !done()) {
            if (cursor >= res * res) {
                if (outstanding + n > 0) break; // the pass ends when its last points come back
                finishPass();
                continue;
            }
            int p = cursor++;
            int i = p % res, j = p / res;
            if (i % stride != 0 || j % stride != 0 || !Float.isNaN(values[p])) continue;
            a[n] = (float) a(i);
            b[n] = (float) b(j);
            idx[n++] = p;
        }
        outstanding += n;
        return n;
    }

    /** Stores the losses of the points handed out by {@link #next}. */
    public void accept(int[] idx, float[] loss, int n) {
        for (int k = 0; k < n; k++) values[idx[k]] = loss[k];
        evaluations += n;
        outstanding -= n;
        if (cursor >= res * res && outstanding == 0 && !done()) finishPass();
    }

    private void finishPass() {
        shown = stride;
        stride = stride == 1 ? 0 : stride / 2;
        cursor = 0;
        if (stride < finest) stride = 0;
    }

    /** The side of the picture finished so far: 9, 17, ... res; 0 before the first pass ends. */
    public int pictureSide() {
        return shown == 0 ? 0 : (res - 1) / shown + 1;
    }

    /**
     * The finished picture, side S = {@link #pictureSide()}: out[r S + c] with row 0 at the top (largest b) and column
     * 0 at the left (smallest a), the orientation images and heat maps use.
     */
    public float[] picture() {
        int s = pictureSide();
        float[] out = new float[s * s];
        for (int r = 0; r < s; r++) {
            for (int c = 0; c < s; c++) out[r * s + c] = values[((s - 1 - r) * shown) * res + c * shown];
        }
        return out;
    }

    /** The loss at grid point (i, j), NaN if not computed. */
    public float value(int i, int j) {
        return values[j * res + i];
    }

    /** The loss at the centre point, (a, b) = (0, 0) when the range is symmetric. */
    public float centerValue() {
        return value(res / 2, res / 2);
    }

    public long evaluations() {
        return evaluations;
    }

    /** Fraction of the target grid computed, for a progress readout. */
    public double progress() {
        int side = (res - 1) / finest + 1;
        return Math.min(1, evaluations / (double) (side * side));
    }
}
