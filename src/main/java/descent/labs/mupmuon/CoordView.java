package descent.labs.mupmuon;

import descent.gpu.Backends;
import descent.labs.Params;
import descent.ui.ColorMap;
import descent.ui.Dom;
import descent.ui.Figure;
import descent.ui.LabContext;
import descent.ui.LineChart;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The coordinate check: for one layer, the RMS of its coordinates and of their change since initialisation against
 * width, one curve per training step, standard and muP side by side. Flat curves are the muP promise; curves that
 * climb with width are what makes standard parametrisation's best learning rate shrink as networks widen.
 */
final class CoordView implements MupMuonView.Section {
    private final LabContext ctx;
    private final HTMLElement root, note;
    private final HTMLElement[] slots = new HTMLElement[4];
    private final LineChart[] charts = new LineChart[4];
    private final GpuPace pace = new GpuPace(2);
    private CoordCheckExperiment check;
    private Params built;
    private int layer = 3;
    private double shownProgress = -1;

    CoordView(LabContext ctx, HTMLElement parent) {
        this.ctx = ctx;
        root = Dom.add(parent, "section.mm-section.mm-coord");
        note = Dom.add(root, "p.mm-status-text");
        for (int i = 0; i < 4; i++) slots[i] = Dom.add(root, "div.mm-slot");
    }

    @Override
    public HTMLElement root() {
        return root;
    }

    @Override
    public void reset(Params p, boolean force) {
        if (!force && !MupMuonSpec.changed(built, p, "coord")) return;
        built = p.copy();
        if (check != null) check.release();
        check = new CoordCheckExperiment(Backends.current(), MupMuonSpec.coordConfig(p));
        layer = Integer.parseInt(p.choice("c_layer"));
        buildCharts();
        shownProgress = -1;
        ctx.requestRender();
    }

    /** Measure index of the chosen layer: a hidden layer's output after ReLU (and norm), or the logits. */
    private int measure() {
        return layer == 4 ? 3 : CoordCheckExperiment.LAYERS + layer - 1;
    }

    private String layerName() {
        return layer == 4 ? "the logits" : "hidden layer " + layer + "'s output";
    }

    private void buildCharts() {
        int steps = check.config.steps();
        List<LineChart.Series> all = new ArrayList<>(), moved = new ArrayList<>();
        for (int t = 0; t <= steps; t++) {
            LineChart.Series s = new LineChart.Series("t = " + t, ColorMap.SEQUENTIAL.rgb(0.1 + 0.75 * t
                    / Math.max(1, steps)), false);
            all.add(s);
            if (t > 0) moved.add(s);
        }
        String[] ids = {"coord-sp", "coord-mup", "coord-sp-moved", "coord-mup-moved"};
        String[] titles = {"Standard: RMS of coordinates", "muP: RMS of coordinates", "Standard: change since step 0",
            "muP: change since step 0"};
        for (int i = 0; i < 4; i++) {
            Dom.clear(slots[i]);
            Figure f = new Figure(slots[i], ids[i], titles[i]);
            charts[i] = new LineChart(f, "log\u2082 width", i < 2 ? all : moved).logY(true).wholeX(true);
            LineChart c = charts[i];
            f.exports(c::canvas, c::csv);
            f.caption(i < 2 ? "RMS of " + layerName() + " on 32 digits after each of the first steps, against "
                    + "width (log scales)." : "RMS of (coordinates at step t \u2212 coordinates at step 0): what "
                    + "training added. Under muP it does not depend on width.");
        }
        Dom.text(note, "Networks 64 \u2192 w \u2192 w \u2192 w \u2192 10" + (check.config.norm() ? " with RMSNorm "
                + "before each ReLU" : "") + ", " + (check.config.adam() ? "Adam" : "SGD") + " at learning rate "
                + descent.ui.Fmt.sig(check.config.lr(), 3) + " for every width; muP base width "
                + check.config.baseWidth() + ".");
    }

    @Override
    public void update(Params p) {
        int l = Integer.parseInt(p.choice("c_layer"));
        if (l != layer) {
            layer = l;
            buildCharts();
            shownProgress = -1;
        }
    }

    @Override
    public void step() {
        if (check.done()) {
            ctx.pause();
            return;
        }
        check.step();
        pace.unitDone(ctx.backend());
    }

    @Override
    public long steps() {
        return Math.round(check.progress() * 2 * check.config.widths().length * (check.config.steps() + 1));
    }

    @Override
    public void render() {
        if (check.progress() != shownProgress) {
            shownProgress = check.progress();
            fill();
        }
        for (LineChart c : charts) c.redraw();
    }

    private void fill() {
        int[] widths = check.config.widths();
        int steps = check.config.steps(), k = measure();
        for (LineChart c : charts) c.clear();
        for (int w = 0; w < widths.length; w++) {
            double x = Math.log(widths[w]) / Math.log(2);
            for (int p = 0; p < 2; p++) {
                double[] v = new double[steps + 1], m = new double[steps];
                for (int t = 0; t <= steps; t++) {
                    v[t] = check.rms[p][w][t][k];
                    if (t > 0) m[t - 1] = check.moved[p][w][t][k];
                }
                charts[p].append(x, v);
                charts[2 + p].append(x, m);
            }
        }
    }

    @Override
    public void release() {
        if (check != null) check.release();
        check = null;
    }
}
