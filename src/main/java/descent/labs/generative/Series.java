package descent.labs.generative;

import java.util.Arrays;

/** A growing list of (x, y) points for a chart: a loss against steps, a distance against training time. */
public final class Series {
    private double[] xs = new double[64], ys = new double[64];
    private int size;

    public void add(double x, double y) {
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, size * 2);
            ys = Arrays.copyOf(ys, size * 2);
        }
        xs[size] = x;
        ys[size++] = y;
    }

    public int size() {
        return size;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    public double lastY() {
        return size == 0 ? Double.NaN : ys[size - 1];
    }

    /** The y of the last point whose x is at most {@code x} (NaN if none): to line up series sampled differently. */
    public double lastAtOrBefore(double x) {
        int lo = 0, hi = size - 1, best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best < 0 ? Double.NaN : ys[best];
    }

    /** Copies for a chart: {x values, y values}. */
    public double[][] arrays() {
        return new double[][] {Arrays.copyOf(xs, size), Arrays.copyOf(ys, size)};
    }

    public void clear() {
        size = 0;
    }
}
