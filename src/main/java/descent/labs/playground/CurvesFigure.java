package descent.labs.playground;

import descent.ui.ColorMap;
import descent.ui.Dom;
import descent.ui.Figure;
import descent.ui.Fmt;
import descent.ui.LineChart;
import descent.ui.MatrixView;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/** Loss curves with the epoch counter and the scores, and for classes a confusion matrix on the test split. */
final class CurvesFigure {
    private final Figure fig;
    private final LineChart chart;
    private final HTMLElement stats;
    private final Figure confusionFig;
    private final MatrixView confusion;
    private PlaygroundExperiment ex;

    CurvesFigure(HTMLElement parent) {
        fig = new Figure(parent, "loss", "Loss");
        stats = Dom.el("div.stats-line");
        fig.body().getParentNode().insertBefore(stats, fig.body());
        stats.setAttribute("aria-live", "off");
        chart = new LineChart(fig, "step", List.of(
                new LineChart.Series("train loss", ColorMap.classRgb(0), false),
                new LineChart.Series("test loss", ColorMap.classRgb(1), true)));
        chart.logY(true);
        fig.toggle("log y", "Logarithmic loss axis", true, on -> chart.logY(on));
        fig.exports(chart::canvas, chart::csv);
        fig.caption("Mean loss over the training and test points, measured without dropout. A widening gap "
                + "between them is overfitting.");
        confusionFig = new Figure(parent, "confusion", "Confusion on test points");
        confusion = new MatrixView(confusionFig);
        confusion.titles("true class", "predicted class");
        confusionFig.exports(() -> confusion.surface().canvas(), confusion::csv);
        confusionFig.caption("How many test points of each true class (rows) the network assigns to each class "
                + "(columns); a perfect classifier fills only the diagonal.");
    }

    void attach(PlaygroundExperiment ex) {
        this.ex = ex;
        chart.clear();
        confusionFig.root().setHidden(ex.regression());
    }

    /** Measures both splits and appends a row; returns the cost in ms (the view spaces calls by it). */
    double sample() {
        double t0 = descent.ui.Js.now();
        PlaygroundExperiment.Score train = ex.score(false), test = ex.score(true);
        chart.append(ex.steps(), train.loss(), test.loss());
        Dom.clear(stats);
        stat("epoch", Fmt.fixed(ex.epoch(), ex.epoch() < 10 ? 1 : 0));
        if (!ex.regression()) {
            stat("train accuracy", Double.isNaN(train.accuracy()) ? "\u2013" : Fmt.fixed(100 * train.accuracy(), 1)
                    + "%");
            stat("test accuracy", Double.isNaN(test.accuracy()) ? "\u2013" : Fmt.fixed(100 * test.accuracy(), 1)
                    + "%");
        }
        stats.setAttribute("data-test-accuracy", Double.isNaN(test.accuracy()) ? "" : Double.toString(
                test.accuracy()));
        return descent.ui.Js.now() - t0;
    }

    private void stat(String name, String value) {
        HTMLElement s = Dom.add(stats, "span.stat-pair");
        Dom.add(s, "span.stat-name", name);
        Dom.add(s, "strong", value);
    }

    void render() {
        chart.redraw();
    }

    void renderConfusion() {
        if (ex.regression()) {
            return;
        }
        int k = ex.classes();
        float[] m = new float[k * k];
        int[] counts = ex.confusion();
        double max = 1;
        for (int i = 0; i < k * k; i++) {
            m[i] = counts[i];
            max = Math.max(max, counts[i]);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            names.add(Integer.toString(i));
        }
        confusion.set(m, k, k, names, names, ColorMap.SEQUENTIAL, 0, max);
        confusion.redraw();
    }
}
