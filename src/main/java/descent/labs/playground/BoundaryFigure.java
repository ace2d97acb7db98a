package descent.labs.playground;

import descent.labs.playground.PointCodec.Points;
import descent.ui.ColorMap;
import descent.ui.Dom;
import descent.ui.Figure;
import descent.ui.Fmt;
import descent.ui.Heatmap;
import descent.ui.LabContext;
import descent.ui.MathML;
import descent.ui.Plot;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;

/**
 * The input plane: the network's output as a heat map (or its linear regions), the data on top, point editing, and
 * at a tapped point the local linear map as an arrow with its tangent plane in MathML.
 */
final class BoundaryFigure {
    private final LabContext ctx;
    private final Figure fig;
    private final Heatmap map;
    private final HTMLElement palette;
    private final HTMLElement local;
    private final HTMLElement editToggle;
    private PlaygroundExperiment ex;
    private Points editing;
    private int chosen;
    private Probe.LocalMap tapped;
    private float[] tracePosition;
    private int regionCount = -1;
    private boolean regionsExact;
    private float[] lastOutput;
    private int res;
    double lastCostMs;

    BoundaryFigure(LabContext ctx, HTMLElement parent) {
        this.ctx = ctx;
        double e = PlaygroundExperiment.EXTENT;
        fig = new Figure(parent, "boundary", "Decision boundary");
        map = new Heatmap(fig, -e, e, -e, e);
        map.wash(0.3);
        editToggle = fig.toggle("\u270e Edit points", "Tap to add a point of the chosen class, drag to move one, "
                + "long-press or right-click to delete one", false, this::setEditing);
        palette = Dom.el("div.class-palette");
        fig.body().getParentNode().insertBefore(palette, fig.body());
        palette.setHidden(true);
        local = Dom.add(fig.root(), "div.local-map");
        local.setAttribute("aria-live", "polite");
        fig.exports(map::canvas, this::csv);
        fig.table(this::tableRows);
        map.onTap((x, y) -> ctx.post(() -> tap(x, y)));
        map.editor(new Editor());
        map.readout((x, y, v) -> readout(x, y));
    }

    void attach(PlaygroundExperiment ex) {
        this.ex = ex;
        tapped = null;
        tracePosition = null;
        editing = null;
        regionCount = -1;
        map.clearReadout();
        Dom.clear(local);
        boolean canEdit = !ctx.locked("pts") && !ctx.locked("data");
        editToggle.setHidden(!canEdit);
        if (!canEdit) {
            setEditing(false);
        }
        buildPalette();
    }

    // ---- drawing ------------------------------------------------------------------------------------------------

    /** Recomputes the grid and redraws; {@code res} cells per side. */
    void render(int res, boolean showTest, boolean discrete, boolean regions) {
        double t0 = descent.ui.Js.now();
        this.res = res;
        Probe probe = ex.probe();
        float[] out = probe.output(res);
        lastOutput = out;
        if (regions && ex.config.piecewiseLinear()) {
            Probe.Regions r = probe.regions(res);
            regionCount = r.count();
            regionsExact = r.exact();
            map.smooth(false);
            map.colors(BoundaryColors.regions(r.grid(), res, out, ex, tapped == null ? 0 : tapped.pattern()), res, res,
                    null, List.of(r.count() + " linear region" + (r.count() == 1 ? "" : "s")),
                    new int[] {ColorMap.classRgb(6)});
        } else {
            regionCount = -1;
            map.smooth(!discrete);
            if (ex.multiclass()) {
                List<String> names = new ArrayList<>();
                int[] rgb = new int[ex.classes()];
                for (int k = 0; k < ex.classes(); k++) {
                    names.add("class " + k);
                    rgb[k] = ColorMap.classRgb(k);
                }
                map.colors(BoundaryColors.mix(out, ex.classes(), discrete), res, res, null, names, rgb);
            } else if (ex.regression()) {
                map.values(discrete ? BoundaryColors.steps(out, 0.25f) : out, res, res, ColorMap.DIVERGING, -1, 1,
                        "prediction");
            } else {
                map.values(discrete ? BoundaryColors.threshold(out) : out, res, res, ColorMap.DIVERGING, 0, 1,
                        "P(class 1)");
            }
        }
        overlay(showTest || editing != null);
        map.redraw();
        caption();
        lastCostMs = descent.ui.Js.now() - t0;
    }

    private void overlay(boolean showTest) {
        descent.ui.Marks m = map.marks();
        m.clear();
        double r = map.surface().width() < 420 ? 3.4 : 4.2;
        if (editing != null) {
            for (int i = 0; i < editing.size(); i++) {
                m.point(editing.xy()[2 * i], editing.xy()[2 * i + 1], r, pointRgb(editing, i), true);
            }
        } else {
            float[] xy = ex.points();
            for (int i = 0; i < ex.pointCount(); i++) {
                boolean test = ex.isTest(i);
                if (test && !showTest) {
                    continue;
                }
                int rgb = ex.regression() ? ColorMap.DIVERGING.rgb((ex.target(i) + 1) / 2) : ColorMap.classRgb(
                        ex.label(i));
                m.point(xy[2 * i], xy[2 * i + 1], r, rgb, !test);
            }
        }
        if (tracePosition != null) {
            m.target(tracePosition[0], tracePosition[1], "#111827");
        }
        if (tapped != null) {
            double len = Math.hypot(tapped.dA(), tapped.dB());
            m.target(tapped.a(), tapped.b(), descent.ui.Theme.fg());
            if (len > 1e-9) {
                double s = 0.35 / len;
                m.arrow(tapped.a(), tapped.b(), tapped.a() + tapped.dA() * s, tapped.b() + tapped.dB() * s,
                        descent.ui.Theme.fg(), 2.5);
            }
        }
    }

    private int pointRgb(Points p, int i) {
        return p.regression() ? ColorMap.DIVERGING.rgb((p.targets()[i] + 1) / 2) : ColorMap.classRgb(p.labels()[i]);
    }

    private void caption() {
        StringBuilder sb = new StringBuilder();
        if (regionCount >= 0) {
            sb.append(regionCount).append(regionsExact ? " linear regions in view" : " linear regions seen at this "
                    + "resolution (thin ones may hide between grid cells)").append(": the net is one affine map on "
                    + "each colour, and the dark lines are where a ReLU switches. ");
        } else if (ex.regression()) {
            sb.append("Colour is the predicted value; points show their targets. ");
        } else {
            sb.append("Colour is the network's ").append(ex.multiclass() ? "most likely class, paler where unsure. "
                    : "probability of class 1 (orange) versus class 0 (blue). ");
        }
        sb.append(editing != null ? "Editing: tap to add, drag to move, long-press or right-click to delete."
                : "Tap the plane to see the local linear map there.");
        fig.caption(sb.toString());
    }

    void traceAt(float[] position) {
        tracePosition = position;
    }

    // ---- the local linear map ------------------------------------------------------------------------------------

    private void tap(double x, double y) {
        if (ex == null) {
            return;
        }
        tapped = ex.probe().localMap(x, y);
        showLocal();
        ctx.requestRender();
    }

    /** Re-evaluates the tapped point after training moved the network. */
    void refreshLocal() {
        if (tapped != null) {
            tapped = ex.probe().localMap(tapped.a(), tapped.b());
            showLocal();
        }
    }

    private void showLocal() {
        Dom.clear(local);
        Probe.LocalMap t = tapped;
        String what = ex.regression() ? "prediction" : ex.multiclass() ? "logit of class " + t.output()
                : "logit of class 1";
        Dom.add(local, "p.local-head", "At (" + Fmt.sig(t.a(), 2) + ", " + Fmt.sig(t.b(), 2) + ") the " + what
                + " is " + Fmt.sig(t.value(), 3) + "; its tangent plane is");
        Element row = MathML.row();
        row.appendChild(MathML.id("z"));
        row.appendChild(MathML.op("\u2248"));
        MathML.addTerm(row, t.dA(), MathML.sub("x", "1"), true);
        MathML.addTerm(row, t.dB(), MathML.sub("x", "2"), false);
        MathML.addTerm(row, t.intercept(), null, false);
        HTMLElement f = Dom.add(local, "div.formula");
        f.appendChild(MathML.math(true, row));
        boolean exact = ex.config.piecewiseLinear() && rawCoordinates();
        Dom.add(local, "p.hint", (exact ? "Exact on this whole linear region: a ReLU net is affine wherever the "
                + "same units are on. " : "A first-order approximation, good near the point. ")
                + "The arrow is the gradient \u2207z = (" + Fmt.sig(t.dA(), 3) + ", " + Fmt.sig(t.dB(), 3)
                + "): the direction in which the " + what + " grows fastest.");
    }

    private boolean rawCoordinates() {
        for (Features f : ex.config.features()) {
            if (f != Features.X1 && f != Features.X2) {
                return false;
            }
        }
        return true;
    }

    private String readout(double x, double y) {
        if (ex == null || lastOutput == null) {
            return null;
        }
        int c = (int) Math.floor((x + PlaygroundExperiment.EXTENT) / (2 * PlaygroundExperiment.EXTENT) * res);
        int r = (int) Math.floor((PlaygroundExperiment.EXTENT - y) / (2 * PlaygroundExperiment.EXTENT) * res);
        if (c < 0 || r < 0 || c >= res || r >= res) {
            return null;
        }
        String at = "x\u2081 " + Fmt.fixed(x, 2) + ", x\u2082 " + Fmt.fixed(y, 2);
        int i = r * res + c;
        if (ex.multiclass()) {
            int k = ex.classes();
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (lastOutput[i * k + j] > lastOutput[i * k + best]) {
                    best = j;
                }
            }
            return at + "\nclass " + best + " (" + Fmt.fixed(100 * lastOutput[i * k + best], 0) + "%)";
        }
        return at + "\n" + (ex.regression() ? "prediction " + Fmt.sig(lastOutput[i], 3)
                : "P(class 1) " + Fmt.fixed(lastOutput[i], 2));
    }

    // ---- editing ------------------------------------------------------------------------------------------------

    void setEditing(boolean on) {
        boolean was = editing != null;
        if (on && !was && ex != null) {
            editing = ex.currentPoints();
        } else if (!on) {
            editing = null;
        }
        map.editing(on);
        editToggle.setAttribute("aria-pressed", on ? "true" : "false");
        palette.setHidden(!on);
        buildPalette();
        ctx.requestRender();
    }

    boolean isEditing() {
        return editing != null;
    }

    private void buildPalette() {
        Dom.clear(palette);
        if (ex == null) {
            return;
        }
        Dom.add(palette, "span.palette-label", ex.regression() ? "New points get value:" : "New points get class:");
        int count = ex.regression() ? 5 : Math.min(6, ex.classes() + 1);
        chosen = Math.min(chosen, count - 1);
        for (int k = 0; k < count; k++) {
            double value = -1 + 0.5 * k;
            String label = ex.regression() ? Fmt.sig(value, 2) : Integer.toString(k);
            HTMLElement b = Dom.button(palette, "chip", label, ex.regression() ? "value " + label : "class " + label,
                    () -> { });
            int index = k;
            b.setAttribute("aria-pressed", k == chosen ? "true" : "false");
            b.setAttribute("data-class", Integer.toString(k));
            int rgb = ex.regression() ? ColorMap.DIVERGING.rgb((value + 1) / 2) : ColorMap.classRgb(k);
            b.getStyle().setProperty("--chip", ColorMap.hex(rgb));
            Dom.on(b, "click", () -> {
                chosen = index;
                buildPalette();
            });
        }
    }

    private final class Editor implements Plot.Editor {
        @Override
        public int hit(double x, double y, double radius) {
            int best = -1;
            double bestD = radius * radius;
            for (int i = 0; i < editing.size(); i++) {
                double dx = editing.xy()[2 * i] - x, dy = editing.xy()[2 * i + 1] - y, d = dx * dx + dy * dy;
                if (d <= bestD) {
                    bestD = d;
                    best = i;
                }
            }
            return best;
        }

        @Override
        public void add(double x, double y) {
            if (editing.size() >= PlaygroundSpec.MAX_CUSTOM_POINTS) {
                ctx.notice("The lab holds at most " + PlaygroundSpec.MAX_CUSTOM_POINTS + " points.", true);
                return;
            }
            int n = editing.size();
            float[] xy = java.util.Arrays.copyOf(editing.xy(), 2 * n + 2);
            xy[2 * n] = PointCodec.quantizeCoord(x);
            xy[2 * n + 1] = PointCodec.quantizeCoord(y);
            if (editing.regression()) {
                float[] t = java.util.Arrays.copyOf(editing.targets(), n + 1);
                t[n] = PointCodec.quantizeTarget(-1 + 0.5 * chosen);
                editing = new Points(xy, null, t);
            } else {
                int[] l = java.util.Arrays.copyOf(editing.labels(), n + 1);
                l[n] = chosen;
                editing = new Points(xy, l, null);
            }
            redrawOverlay();
        }

        @Override
        public void move(int i, double x, double y) {
            editing.xy()[2 * i] = PointCodec.quantizeCoord(x);
            editing.xy()[2 * i + 1] = PointCodec.quantizeCoord(y);
            redrawOverlay();
        }

        @Override
        public void remove(int i) {
            int n = editing.size();
            float[] xy = new float[2 * n - 2];
            System.arraycopy(editing.xy(), 0, xy, 0, 2 * i);
            System.arraycopy(editing.xy(), 2 * i + 2, xy, 2 * i, 2 * (n - i - 1));
            if (editing.regression()) {
                float[] t = new float[n - 1];
                System.arraycopy(editing.targets(), 0, t, 0, i);
                System.arraycopy(editing.targets(), i + 1, t, i, n - i - 1);
                editing = new Points(xy, null, t);
            } else {
                int[] l = new int[n - 1];
                System.arraycopy(editing.labels(), 0, l, 0, i);
                System.arraycopy(editing.labels(), i + 1, l, i, n - i - 1);
                editing = new Points(xy, l, null);
            }
            redrawOverlay();
        }

        @Override
        public void done() {
            Points snapshot = editing;
            ctx.post(() -> commit(snapshot));
        }
    }

    private void redrawOverlay() {
        overlay(true);
        map.redraw();
    }

    private void commit(Points p) {
        ctx.setKnob("pts", PointCodec.encode(p));
        if (!ctx.params().choice("data").equals("custom")) {
            ctx.setKnob("data", "custom");
        }
    }

    /** The points being edited, kept across a rebuild the edit itself caused. */
    Points editingPoints() {
        return editing;
    }

    void keepEditing(Points p) {
        editing = p;
        map.editing(true);
        palette.setHidden(false);
        editToggle.setAttribute("aria-pressed", "true");
        buildPalette();
    }

    // ---- export --------------------------------------------------------------------------------------------------

    String csv() {
        boolean[] test = new boolean[ex.pointCount()];
        for (int i = 0; i < test.length; i++) {
            test[i] = ex.isTest(i);
        }
        return PointsCsv.format(ex.currentPoints(), test);
    }

    private List<String[]> tableRows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"point", "x\u2081", "x\u2082", ex.regression() ? "target" : "class", "split"});
        float[] xy = ex.points();
        for (int i = 0; i < ex.pointCount(); i++) {
            rows.add(new String[] {Integer.toString(i + 1), Fmt.fixed(xy[2 * i], 3), Fmt.fixed(xy[2 * i + 1], 3),
                ex.regression() ? Fmt.sig(ex.target(i), 3) : Integer.toString(ex.label(i)),
                ex.isTest(i) ? "test" : "train"});
        }
        return rows;
    }

    Figure figure() {
        return fig;
    }

    void refreshTable() {
        fig.refreshTable();
    }
}
