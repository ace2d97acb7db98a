package descent.labs.optimizers;

import java.util.List;

/**
 * A loss surface f(x, y) for the races: its formula, where to look, where its minima are.
 *
 * @param id        the {@code surface=} value in the URL
 * @param formula   the formula as the page shows it (and as {@link Expr} parses it)
 * @param f         the parsed formula, giving values, gradients and Hessians
 * @param box       the window drawn: {xMin, xMax, yMin, yMax}
 * @param minima    known global minima, each {x, y}; empty when unknown (typed functions)
 * @param floor     the lowest value, so "loss above the minimum" can be drawn on a log axis
 * @param start     a start point that makes a good race
 * @param spread    how far one example's gradient strays from the mean, for mini-batch noise on this scale
 */
public record Surface(String id, String title, String formula, Node f, double[] box, List<double[]> minima,
        double floor, double[] start, double spread) {

    /** f(x, y). */
    public double value(double x, double y) {
        return f.value(x, y);
    }

    /** The jet [f, fx, fy, fxx, fxy, fyy] at (x, y); the array is reused by the next call. */
    public double[] jet(double x, double y) {
        return f.eval(x, y);
    }

    /** Distance from (x, y) to the nearest known minimum, NaN when none is known. */
    public double distanceToMinimum(double x, double y) {
        double best = Double.NaN;
        for (double[] m : minima) {
            double d = Math.hypot(x - m[0], y - m[1]);
            if (!(d >= best)) best = d;
        }
        return best;
    }

    /** The x and y ranges' larger side: a natural length unit for this surface. */
    public double scale() {
        return Math.max(box[1] - box[0], box[3] - box[2]);
    }
}
