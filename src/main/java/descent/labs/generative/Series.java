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

    /** Copies for a chart: {x values, y values}. */
    public double[][] arrays() {
        return new double[][] {Arrays.copyOf(xs, size), Arrays.copyOf(ys, size)};
    }

    public void clear() {
        size = 0;
    }
}
