package descent.labs.landscape;

import descent.ui.ColorMap;
import descent.ui.Figure;
import descent.ui.LineChart;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The three line charts: loss over training, sharpness against its stability threshold, and the loss along the
 * straight line between weights. Rows are streamed in as the runs record them.
 */
final class ChartsFigure {
    final Figure lossFig, sharpFig, lineFig;
    private final LineChart loss, sharp, line;
    private final int runs, eigs;
    private int lossRows, sharpRows;
    private float[][][] lineShown;

    ChartsFigure(HTMLElement parent, int runs, int eigs, String thresholdA, String thresholdB) {
        this.runs = runs;
        this.eigs = eigs;
        lossFig = new Figure(parent, "loss", "Loss while training");
        lossFig.caption("Full-batch loss on the training set and on the held-out test set.");
        List<LineChart.Series> ls = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            ls.add(new LineChart.Series(name(r) + "train", ColorMap.classRgb(r), false));
            ls.add(new LineChart.Series(name(r) + "test", ColorMap.classRgb(r), true));
        }
        loss = new LineChart(lossFig, "step", ls).logY(true);
        lossFig.exports(loss::canvas, loss::csv);

        sharpFig = new Figure(parent, "sharpness", "Sharpness and the edge of stability");
        sharpFig.caption("\u03bb\u2081, the top eigenvalue of the Hessian of the training loss (power iteration on "
                + "Hessian-vector products), against the largest curvature gradient descent can follow at this "
                + "learning rate. Gradient descent at the edge of stability (Cohen et al. 2021): \u03bb\u2081 rises "
                + "to 2/\u03b7 and hovers there.");
        List<LineChart.Series> ss = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            for (int k = 0; k < eigs; k++) {
                ss.add(new LineChart.Series(name(r) + "\u03bb" + sub(k + 1), shadeOf(r, k), false));
            }
            ss.add(new LineChart.Series(name(r) + (r == 0 ? thresholdA : thresholdB), ColorMap.classRgb(r), true));
        }
        sharp = new LineChart(sharpFig, "step", ss);
        sharpFig.exports(sharp::canvas, sharp::csv);

        lineFig = new Figure(parent, "interpolation", "Straight from earlier weights to now");
        lineFig.caption("Loss along \u03b8(\u03b1) = \u03b8\u209b + \u03b1 (\u03b8\u209c \u2212 \u03b8\u209b): \u03b1 = 0 "
                + "is the start, \u03b1 = 1 the current weights (Goodfellow et al. 2015).");
        List<LineChart.Series> is = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            is.add(new LineChart.Series(name(r) + "train", ColorMap.classRgb(r), false));
            is.add(new LineChart.Series(name(r) + "test", ColorMap.classRgb(r), true));
        }
        line = new LineChart(lineFig, "\u03b1", is).logY(true);
        lineFig.exports(line::canvas, line::csv);
    }

    private String name(int r) {
        return runs > 1 ? (r == 0 ? "A " : "B ") : "";
    }

    private static String sub(int k) {
        return Character.toString((char) ('\u2080' + k));
    }

    /** Lighter shades of the run's colour for the second and third eigenvalues. */
    private static int shadeOf(int run, int k) {
        int rgb = ColorMap.classRgb(run);
        double f = 1 - 0.3 * k;
        int r = (int) ((rgb >> 16 & 255) * f + 255 * (1 - f)), g = (int) ((rgb >> 8 & 255) * f + 255 * (1 - f));
        int b = (int) ((rgb & 255) * f + 255 * (1 - f));
        return r << 16 | g << 8 | b;
    }

    void clear() {
        loss.clear();
        sharp.clear();
        line.clear();
        lossRows = 0;
        sharpRows = 0;
        lineShown = null;
    }

    /** Appends what the runs recorded since the last call and redraws. */
    void update(List<Run> all, float[][][] interpolation) {
        int ready = Integer.MAX_VALUE;
        for (Run r : all) ready = Math.min(ready, r.curves.size());
        for (; lossRows < ready; lossRows++) {
            double[] ys = new double[2 * all.size()];
            for (int r = 0; r < all.size(); r++) {
                double[] row = all.get(r).curves.get(lossRows);
                ys[2 * r] = row[1];
                ys[2 * r + 1] = row[2];
            }
            loss.append(all.get(0).curves.get(lossRows)[0], ys);
        }
        ready = Integer.MAX_VALUE;
        for (Run r : all) ready = Math.min(ready, r.sharp.size());
        for (; sharpRows < ready; sharpRows++) {
            double[] ys = new double[(eigs + 1) * all.size()];
            for (int r = 0; r < all.size(); r++) {
                double[] row = all.get(r).sharp.get(sharpRows);
                for (int k = 0; k < eigs; k++) ys[r * (eigs + 1) + k] = row[2 + k];
                ys[r * (eigs + 1) + eigs] = row[1];
            }
            sharp.append(all.get(0).sharp.get(sharpRows)[0], ys);
        }
        if (interpolation != null && interpolation != lineShown) {
            lineShown = interpolation;
            line.clear();
            for (int k = 0; k < LineJob.POINTS; k++) {
                double[] ys = new double[2 * all.size()];
                for (int r = 0; r < all.size(); r++) {
                    ys[2 * r] = interpolation[r][0][k];
                    ys[2 * r + 1] = interpolation[r][1][k];
                }
                line.append(LineJob.alpha(k), ys);
            }
        }
        loss.redraw();
        sharp.redraw();
        line.redraw();
    }
}
