package descent.labs.mupmuon;

import descent.gpu.Backends;
import descent.labs.Params;
import descent.labs.mupmuon.NewtonSchulzExperiment.Input;
import descent.ui.ColorMap;
import descent.ui.Dom;
import descent.ui.Figure;
import descent.ui.Fmt;
import descent.ui.Js;
import descent.ui.LabContext;
import descent.ui.LineChart;
import descent.ui.MathML;
import descent.ui.Scatter;
import descent.ui.Theme;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;

/**
 * Newton–Schulz step by step: the formula with the chosen coefficients, the scalar map σ ↦ p(σ) composed k times
 * (against the diagonal), the singular values after every step, and how far X Xᵀ is from the identity. Playing
 * walks through the steps, one every {@link #BEAT_MS}; the step button advances one.
 */
final class NsView implements MupMuonView.Section {
    static final double BEAT_MS = 650;
    private static final double X_MAX = 1.2, Y_MAX = 1.4;
    private final LabContext ctx;
    private final RaceView race;
    private final HTMLElement root, formula, error, inputNote;
    private final Scatter map;
    private final StripPlot strips;
    private final LineChart ortho;
    private NewtonSchulzExperiment ns;
    private Params built;
    private int shown;
    private final java.util.function.BooleanSupplier playing;
    private double lastBeat;
    private boolean drawn;

    NsView(LabContext ctx, HTMLElement parent, RaceView race, java.util.function.BooleanSupplier playing) {
        this.ctx = ctx;
        this.playing = playing;
        this.race = race;
        root = Dom.add(parent, "section.mm-section.mm-ns");
        Figure ff = new Figure(root, "ns-formula", "The iteration").wide(true);
        formula = Dom.add(ff.body(), "div.mm-formula");
        error = Dom.add(ff.body(), "div.coef-error");
        error.setAttribute("role", "alert");
        error.setHidden(true);
        inputNote = Dom.add(ff.body(), "p.hint");
        ff.caption("Each step multiplies X by a polynomial in X X\u1d40: the singular vectors stay, every singular value "
                + "\u03c3 becomes p(\u03c3). Muon divides by \u2016X\u2016_F first, so every \u03c3 starts in [0, 1].");
        Figure mf = new Figure(root, "ns-map", "The scalar map, composed");
        map = new Scatter(mf, 0, X_MAX, 0, Y_MAX);
        mf.caption("p applied k times (bold: the current step; faint: earlier ones) against the diagonal. Dots: this "
                + "matrix's singular values, before (x) and after (y). Dashed: \u03c3 = 1.");
        mf.exports(() -> map.surface().canvas(), this::mapCsv);
        Figure sf = new Figure(root, "ns-strips", "Singular values after each step");
        strips = new StripPlot(sf);
        sf.caption("One strip per step, input first. Colour follows a value's rank in the input (dark: largest), so "
                + "you can follow it down. Shaded: the band the last step fills.");
        sf.exports(() -> strips.surface().canvas(), this::stripsCsv);
        sf.table(this::stripRows);
        Figure of = new Figure(root, "ns-ortho", "Distance from orthogonal");
        ortho = new LineChart(of, "step", List.of(new LineChart.Series("\u2016XX\u1d40 \u2212 I\u2016\u2082",
                ColorMap.classRgb(0), false), new LineChart.Series("\u2016XX\u1d40 \u2212 I\u2016_F",
                ColorMap.classRgb(1), true))).logY(true).wholeX(true);
        of.caption("On the smaller side (X Xᵀ for a wide X). The spectral norm is the worst |\u03c3\u00b2 \u2212 1|. "
                + "Float32 puts a floor near 1e\u22126. Log scale.");
        of.exports(ortho::canvas, ortho::csv);
    }

    @Override
    public HTMLElement root() {
        return root;
    }

    @Override
    public void reset(Params p, boolean force) {
        if (!force && !MupMuonSpec.changed(built, p, "ns")) return;
        NsSchedule schedule = schedule(p);
        if (schedule == null) {
            if (ns != null) return; // keep what is shown; the message says why
            schedule = NsSchedule.QUINTIC;
        }
        built = p.copy();
        int steps = p.integer("ns_steps");
        String input = p.choice("ns_input");
        long seed = p.integer("seed");
        if (input.equals("momentum")) {
            int hidden = Integer.parseInt(p.choice("ns_layer"));
            race.ensure(p);
            if (race.momentum(hidden) == null) race.warmUp(11);
            int w = race.hiddenWidth();
            ns = new NewtonSchulzExperiment(Backends.current(), Input.GIVEN, w, w, 0, race.momentum(hidden), schedule,
                    steps, seed);
            Dom.text(inputNote, "Input: the Muon racer's Nesterov momentum of hidden layer " + hidden + " ("
                    + w + "\u00d7" + w + "), g + \u03bc m, as of the race's last probe.");
        } else {
            Input kind = input.equals("gaussian") ? Input.GAUSSIAN : Input.SPECTRUM;
            ns = new NewtonSchulzExperiment(Backends.current(), kind, p.integer("ns_rows"), p.integer("ns_cols"),
                    p.num("ns_smin"), null, schedule, steps, seed);
            Dom.text(inputNote, "Input: a " + ns.rows + "\u00d7" + ns.cols + (kind == Input.GAUSSIAN
                    ? " matrix of independent normals" : " matrix with singular values from 1 down to "
                    + Fmt.sig(p.num("ns_smin"), 2) + ", evenly spaced in log") + "; \u2016G\u2016_F = "
                    + Fmt.sig(ns.frobenius, 3) + ".");
        }
        ortho.clear();
        for (int k = 0; k <= steps; k++) ortho.append(k, ns.orthoError2[k], ns.orthoErrorF[k]);
        // while playing, walk through the steps from the input; paused (or with reduced motion), show every step at
        // once rather than leave the student looking at the bare input
        shown = !ctx.reducedMotion() && playing.getAsBoolean() ? 0 : steps;
        lastBeat = Js.now();
        drawn = false;
        showFormula();
    }

    /** The chosen schedule, or null (with the message shown) when the typed text is not valid. */
    private NsSchedule schedule(Params p) {
        String c = p.choice("ns_coef");
        NsSchedule.Parsed parsed = switch (c) {
            case "cubic" -> new NsSchedule.Parsed(NsSchedule.CUBIC, null);
            case "quintic" -> new NsSchedule.Parsed(NsSchedule.QUINTIC, null);
            case "custom" -> NsSchedule.parse(p.text("ns_abc"), true);
            default -> NsSchedule.parse(p.text("ns_schedule"), false);
        };
        error.setHidden(parsed.ok());
        if (!parsed.ok()) {
            Dom.text(error, (c.equals("custom") ? "Your (a, b, c) was not used: " : "Your schedule was not used: ")
                    + parsed.error());
        }
        return parsed.schedule();
    }

    @Override
    public void update(Params p) {
    }

    private void showFormula() {
        Dom.clear(formula);
        int k = Math.max(1, shown);
        double[] t = ns.schedule().at(k - 1);
        Element s = MathML.id("\u03c3");
        Element row = MathML.row(MathML.sub(MathML.id("p"), MathML.num(Integer.toString(k))), MathML.op("("),
                MathML.id("\u03c3"), MathML.op(")"), MathML.op("="));
        term(row, t[0], s, true);
        term(row, t[1], MathML.sup(MathML.id("\u03c3"), MathML.num("3")), false);
        if (t[2] != 0) term(row, t[2], MathML.sup(MathML.id("\u03c3"), MathML.num("5")), false);
        Element a = MathML.row(MathML.id("A"), MathML.op("="), MathML.id("X"),
                MathML.sup(MathML.id("X"), MathML.id("\u22a4")));
        Element step = MathML.row(MathML.id("X"), MathML.op("\u2190"), MathML.id("a"), MathML.id("X"), MathML.op("+"),
                MathML.op("("), MathML.id("b"), MathML.id("A"), MathML.op("+"), MathML.id("c"),
                MathML.sup(MathML.id("A"), MathML.num("2")), MathML.op(")"), MathML.id("X"));
        HTMLElement line = Dom.add(formula, "div.mm-formula-line");
        line.appendChild(MathML.math(true, step));
        line = Dom.add(formula, "div.mm-formula-line");
        line.appendChild(MathML.math(true, a));
        line = Dom.add(formula, "div.mm-formula-line");
        line.appendChild(MathML.math(true, row));
        double[] r = ns.range(shown);
        Dom.add(formula, "p.mm-now", (shown == 0 ? "Input" : "After step " + shown) + ": singular values in ["
                + Fmt.sig(r[0], 3) + ", " + Fmt.sig(r[1], 3) + "], \u2016XX\u1d40 \u2212 I\u2016\u2082 = "
                + Fmt.sig(ns.orthoError2[shown], 3) + ".");
    }

    /** "+ 3.4445 σ": coefficients as typed (up to five significant digits, no trailing zeros). */
    private static void term(Element row, double c, Element power, boolean first) {
        if (!first || c < 0) row.appendChild(MathML.op(c < 0 ? "\u2212" : "+"));
        String mag = Fmt.sig(Math.abs(c), 5);
        if (mag.contains(".") && !mag.contains("e")) mag = mag.replaceAll("0+$", "").replaceAll("\\.$", "");
        row.appendChild(MathML.num(mag));
        row.appendChild(MathML.op("\u2062"));
        row.appendChild(power);
    }

    @Override
    public void step() {
        double now = Js.now();
        if (now - lastBeat < BEAT_MS) {
            // nothing to compute until the next beat: yield the frame instead of letting the run loop spin
            Js.sleep(15);
            return;
        }
        lastBeat = now;
        shown = shown >= ns.steps() ? 0 : shown + 1;
        drawn = false;
        showFormula();
        if (shown == ns.steps()) ctx.pause();
        ctx.requestRender();
    }

    @Override
    public long steps() {
        return shown;
    }

    @Override
    public void render() {
        if (drawn) {
            ortho.redraw();
            return;
        }
        drawn = true;
        drawMap();
        double[][] rows = new double[shown + 1][];
        for (int k = 0; k <= shown; k++) rows[k] = ns.singular[k];
        strips.set(rows, shown);
        strips.redraw();
        ortho.redraw();
    }

    private void drawMap() {
        var m = map.marks();
        m.clear();
        m.path(new float[] {0, 0, (float) X_MAX, (float) X_MAX}, Theme.muted(), 1, false);
        m.path(new float[] {0, 1, (float) X_MAX, 1}, Theme.fg(), 1, true);
        for (int k = 1; k <= shown; k++) {
            boolean now = k == shown;
            m.path(curve(k), now ? ColorMap.hex(0xd9612f) : ColorMap.rgba(0xd9612f, 0.3), now ? 2.5 : 1.5, false);
        }
        double[] in = ns.singular[0], out = ns.singular[shown];
        for (int i = in.length - 1; i >= 0; i--) {
            if (in[i] > X_MAX || out[i] > Y_MAX) continue;
            m.point(in[i], out[i], 3, ColorMap.SEQUENTIAL.rgb(0.08 + 0.8 * i / Math.max(1, in.length - 1)), true);
        }
        map.redraw();
    }

    /** p composed k times over [0, X_MAX], clamped to the window so a wild polynomial stays readable. */
    private float[] curve(int k) {
        int n = 241;
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double s = X_MAX * i / (n - 1);
            double y = ns.schedule().compose(k, s);
            xy[2 * i] = (float) s;
            xy[2 * i + 1] = (float) Math.max(-0.05, Math.min(Y_MAX + 0.05, Double.isFinite(y) ? y : Y_MAX + 0.05));
        }
        return xy;
    }

    private String mapCsv() {
        StringBuilder sb = new StringBuilder("sigma");
        for (int k = 1; k <= ns.steps(); k++) sb.append(",p").append(k);
        sb.append('\n');
        for (int i = 0; i <= 120; i++) {
            double s = X_MAX * i / 120;
            sb.append(s);
            for (int k = 1; k <= ns.steps(); k++) sb.append(',').append(ns.schedule().compose(k, s));
            sb.append('\n');
        }
        return sb.toString();
    }

    private String stripsCsv() {
        StringBuilder sb = new StringBuilder();
        for (String[] r : stripRows()) sb.append(String.join(",", r)).append('\n');
        return sb.toString();
    }

    private List<String[]> stripRows() {
        List<String[]> rows = new ArrayList<>();
        String[] head = new String[ns.steps() + 2];
        head[0] = "rank";
        head[1] = "input";
        for (int k = 1; k <= ns.steps(); k++) head[k + 1] = "step " + k;
        rows.add(head);
        for (int i = 0; i < ns.singular[0].length; i++) {
            String[] r = new String[head.length];
            r[0] = Integer.toString(i + 1);
            for (int k = 0; k <= ns.steps(); k++) r[k + 1] = Fmt.sig(ns.singular[k][i], 5);
            rows.add(r);
        }
        return rows;
    }

    @Override
    public void release() {
    }
}
