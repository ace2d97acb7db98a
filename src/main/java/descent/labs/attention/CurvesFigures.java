package descent.labs.attention;

import descent.ui.ColorMap;
import descent.ui.Figure;
import descent.ui.LineChart;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Loss, accuracy and learning rate over updates. Training values come every update, test values every
 * {@link AttentionExperiment#EVAL_EVERY}; both share the x axis so the gap between them (memorising before
 * generalising, in the grokking run) is visible at a glance.
 */
final class CurvesFigures {
    private final LineChart loss, accuracy, rate;
    private float trainX = -1, testX = -1;

    CurvesFigures(HTMLElement parent) {
        Figure lf = new Figure(parent, "loss", "Loss");
        loss = new LineChart(lf, "update", List.of(new LineChart.Series("train", ColorMap.classRgb(0), false),
                new LineChart.Series("test", ColorMap.classRgb(1), true, true)));
        loss.logY(true);
        lf.exports(loss::canvas, loss::csv);
        lf.caption("Cross-entropy per scored token, in nats (log scale). Chance level is ln V for V tokens.");
        Figure af = new Figure(parent, "accuracy", "Token accuracy");
        accuracy = new LineChart(af, "update", List.of(new LineChart.Series("train", ColorMap.classRgb(0), false),
                new LineChart.Series("test", ColorMap.classRgb(1), true, true)));
        af.exports(accuracy::canvas, accuracy::csv);
        af.caption("Share of scored tokens whose most likely prediction is right: on the training batch, and on "
                + "held-out test examples.");
        Figure rf = new Figure(parent, "learning-rate", "Learning rate");
        rate = new LineChart(rf, "update", List.of(new LineChart.Series("learning rate", ColorMap.classRgb(2), false)));
        rf.exports(rate::canvas, rate::csv);
        rf.caption("The step size after the schedule (warm-up, cosine decay).");
    }

    void reset() {
        loss.clear();
        accuracy.clear();
        rate.clear();
        trainX = -1;
        testX = -1;
    }

    /** Appends the points the experiment added since the last call. */
    void pull(AttentionExperiment e) {
        Curves tr = e.train, te = e.test;
        if (tr.size() > 0 && tr.lastX() > trainX) {
            double[] xs = tr.xs(), l = tr.ys(0), a = tr.ys(1), r = tr.ys(2);
            for (int i = 0; i < xs.length; i++) {
                if (xs[i] <= trainX) continue;
                loss.append(xs[i], l[i], Double.NaN);
                accuracy.append(xs[i], a[i], Double.NaN);
                rate.append(xs[i], r[i]);
            }
            trainX = tr.lastX();
        }
        if (te.size() > 0 && te.lastX() > testX) {
            double[] tx = te.xs(), l = te.ys(0), a = te.ys(1);
            for (int i = 0; i < tx.length; i++) {
                if (tx[i] <= testX) continue;
                loss.append(tx[i], Double.NaN, l[i]);
                accuracy.append(tx[i], Double.NaN, a[i]);
            }
            testX = te.lastX();
        }
    }

    void redraw() {
        loss.redraw();
        accuracy.redraw();
        rate.redraw();
    }
}
