package descent.labs.optimizers;

import descent.labs.Params;
import descent.tensor.Backend;
import descent.ui.Dom;
import descent.ui.Fmt;
import descent.ui.LabContext;
import descent.ui.MathML;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;

/**
 * Norms and steepest descent: unit balls with a draggable gradient and each norm's steepest direction; a 2×2 weight's
 * image of the unit circle with its singular values, and, treating it as a gradient G, the Frobenius direction
 * G/‖G‖_F next to the spectral one UVᵀ (Muon's, also by the engine's Newton–Schulz); the RMS→RMS norm of a layer.
 */
final class NormsView {
    private static final String[] COLORS = {"#2f6fdf", "#c2303a", "#7a8b1f", "#8a5cd6"};
    private final LabContext ctx;
    private final Backend backend;
    final HTMLElement root;
    private final Plot vectors, matrix;
    private final HTMLElement vectorText, matrixText, layerText;
    private double[] g = {2, 0.8}, w = {1.6, 0.6, -0.3, 0.8};
    private int dragColumn = -1;

    NormsView(LabContext ctx, Backend backend, HTMLElement parent) {
        this.ctx = ctx;
        this.backend = backend;
        root = Dom.add(parent, "section.optim-section.optim-norms");
        vectors = new Plot(root, "", 0.9, "");
        vectors.onResize(ctx::requestRender);
        Dom.clear(vectors.caption);
        Dom.add(vectors.caption, "p", "Unit balls of \u2113\u2081 (diamond), \u2113\u2082 (circle), \u2113\u221e "
                + "(square) and RMS (circle of radius \u221a2 in 2-D). Drag the black gradient g; each coloured arrow is "
                + "the steepest-descent direction under that norm: the unit vector most against g.");
        vectorText = Dom.add(vectors.caption, "div.fig-table.optim-table");
        vectors.onPointer((x, y, phase) -> {
            double rx = Math.round(Math.max(-3, Math.min(3, x)) * 100) / 100.0;
            double ry = Math.round(Math.max(-3, Math.min(3, y)) * 100) / 100.0;
            ctx.post(() -> {
                ctx.setKnob("g_x", rx);
                ctx.setKnob("g_y", ry);
            });
        });
        matrix = new Plot(root, "", 0.9, "");
        matrix.onResize(ctx::requestRender);
        Dom.clear(matrix.caption);
        Dom.add(matrix.caption, "p", "A 2\u00d72 weight W maps the unit circle (grey) to an ellipse whose half-axes are "
                + "its singular values. Drag the two arrow tips (W's columns). Treating W as a gradient G: dashed, "
                + "G/\u2016G\u2016_F (same shape, shrunk); orange, UV\u1d40 (every singular value set to 1: a "
                + "rotation or reflection, Muon's direction).");
        matrixText = Dom.add(matrix.caption, "div.optim-formula");
        matrix.onPointer(this::dragMatrix);
        layerText = Dom.add(Dom.add(root, "figure.fig.wide.optim-fig"), "div.optim-formula");
    }

    void reset(Params p) {
        g = new double[] {p.num("g_x"), p.num("g_y")};
        double[] parsed = OptimizersSpec.parseMatrix(p.text("w"));
        if (parsed != null) w = parsed;
        else ctx.notice("W must be four numbers between \u2212100 and 100, like \u201c1.6 0.6 \u22120.3 0.8\u201d; "
                + "keeping the last one.", true);
        layer(p.integer("d_in"), p.integer("d_out"), p.integer("seed"));
        matrixText();
    }

    private void dragMatrix(double x, double y, int phase) {
        if (phase == 0) {
            double d0 = Math.hypot(x - w[0], y - w[2]), d1 = Math.hypot(x - w[1], y - w[3]);
            dragColumn = Math.min(d0, d1) < 0.6 ? (d0 < d1 ? 0 : 1) : -1;
        }
        if (dragColumn < 0) return;
        double rx = Math.round(Math.max(-3, Math.min(3, x)) * 100) / 100.0;
        double ry = Math.round(Math.max(-3, Math.min(3, y)) * 100) / 100.0;
        double[] next = w.clone();
        next[dragColumn] = rx;
        next[2 + dragColumn] = ry;
        String text = Formulas.number(next[0]) + " " + Formulas.number(next[1]) + " " + Formulas.number(next[2]) + " "
                + Formulas.number(next[3]);
        if (phase == 2) dragColumn = -1;
        ctx.post(() -> ctx.setKnob("w", text));
    }

    void render() {
        renderVectors();
        renderMatrix();
    }

    private void renderVectors() {
        Plot p = vectors;
        double reach = Math.max(1.7, 1.15 * Math.max(Math.abs(g[0]), Math.abs(g[1])));
        double span = reach * Math.max(1, p.width / p.height);
        p.window(-span, span, -reach, reach);
        p.begin();
        String border = Plot.css("--border"), fg = Plot.css("--fg");
        p.line(-span, 0, span, 0, border, 1);
        p.line(0, -3.2, 0, 3.2, border, 1);
        double u = p.px(1) - p.px(0);
        p.g.setLineWidth(2);
        p.g.setStrokeStyle(COLORS[2]);
        p.g.beginPath();
        p.g.moveTo(p.px(1), p.py(0));
        p.g.lineTo(p.px(0), p.py(1));
        p.g.lineTo(p.px(-1), p.py(0));
        p.g.lineTo(p.px(0), p.py(-1));
        p.g.closePath();
        p.g.stroke();
        p.g.setStrokeStyle(COLORS[0]);
        p.g.beginPath();
        p.g.arc(p.px(0), p.py(0), u, 0, 2 * Math.PI);
        p.g.stroke();
        p.g.setStrokeStyle(COLORS[1]);
        p.g.strokeRect(p.px(-1), p.py(1), 2 * u, 2 * u);
        p.g.setStrokeStyle(COLORS[3]);
        Plot.dash(p.g, 4, 4);
        p.g.beginPath();
        p.g.arc(p.px(0), p.py(0), u * Math.sqrt(2), 0, 2 * Math.PI);
        p.g.stroke();
        Plot.dash(p.g, 0, 0);
        NormGeometry.Norm[] norms = {NormGeometry.Norm.L2, NormGeometry.Norm.LINF, NormGeometry.Norm.L1,
            NormGeometry.Norm.RMS};
        for (int k = 0; k < norms.length; k++) {
            double[] d = NormGeometry.steepest(norms[k], g);
            p.arrow(0, 0, -d[0], -d[1], COLORS[k], 3);
        }
        p.arrow(0, 0, g[0], g[1], fg, 3);
        p.dot(g[0], g[1], 7, fg, "#ffffff");
        p.label("g", p.px(g[0]) + 12, p.py(g[1]) - 10, fg, "left");
        Dom.clear(vectorText);
        HTMLElement t = Dom.add(vectorText, "table");
        HTMLElement head = Dom.add(Dom.add(t, "thead"), "tr");
        for (String c : new String[] {"norm", "steepest step \u2212d", "dual \u2016g\u2016*", "is"}) Dom.add(head, "th", c);
        HTMLElement body = Dom.add(t, "tbody");
        String[] what = {"normalised gradient", "sign descent", "coordinate descent", "\u221a2 \u00d7 normalised"};
        for (int k = 0; k < norms.length; k++) {
            double[] d = NormGeometry.steepest(norms[k], g);
            HTMLElement tr = Dom.add(body, "tr");
            HTMLElement th = Dom.add(tr, "th", norms[k].label);
            th.setAttribute("data-norm", Integer.toString(k));
            Dom.add(tr, "td", "(" + Fmt.sig(-d[0], 3) + ", " + Fmt.sig(-d[1], 3) + ")");
            Dom.add(tr, "td", Fmt.sig(NormGeometry.dual(norms[k], g), 3));
            Dom.add(tr, "td", what[k]);
        }
    }

    private void renderMatrix() {
        Plot p = matrix;
        double reach = Math.max(1.3, 1.15 * Math.max(Math.max(Math.abs(w[0]), Math.abs(w[1])), Math.max(
                Math.abs(w[2]), Math.abs(w[3]))));
        reach = Math.max(reach, 1.1 * NormGeometry.svd2(w[0], w[1], w[2], w[3])[0]);
        double span = reach * Math.max(1, p.width / p.height);
        p.window(-span, span, -reach, reach);
        p.begin();
        String border = Plot.css("--border"), fg = Plot.css("--fg"), muted = Plot.css("--muted");
        p.line(-span, 0, span, 0, border, 1);
        p.line(0, -3.2, 0, 3.2, border, 1);
        image(p, new double[] {1, 0, 0, 1}, muted, 1.5, false);
        image(p, w, Method.GD.color, 3, false);
        double fro = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2] + w[3] * w[3]);
        image(p, new double[] {w[0] / fro, w[1] / fro, w[2] / fro, w[3] / fro}, Method.GD.color, 1.5, true);
        image(p, NormGeometry.polar2(w[0], w[1], w[2], w[3]), "#d9612f", 3, false);
        double[] s = NormGeometry.svd2(w[0], w[1], w[2], w[3]);
        double cu = Math.cos(s[2]), su = Math.sin(s[2]);
        p.line(0, 0, s[0] * cu, s[0] * su, fg, 1.5);
        p.line(0, 0, -s[1] * su * s[4], s[1] * cu * s[4], fg, 1.5);
        p.label("\u03c3\u2081", p.px(s[0] * cu * 0.5) + 8, p.py(s[0] * su * 0.5) - 8, fg, "left");
        p.arrow(0, 0, w[0], w[2], Method.GD.color, 2.5);
        p.arrow(0, 0, w[1], w[3], Method.GD.color, 2.5);
        p.dot(w[0], w[2], 7, Method.GD.color, "#ffffff");
        p.dot(w[1], w[3], 7, Method.GD.color, "#ffffff");
        p.label("We\u2081", p.px(w[0]) + 10, p.py(w[2]) - 10, fg, "left");
        p.label("We\u2082", p.px(w[1]) + 10, p.py(w[3]) - 10, fg, "left");
    }

    /** The image of the unit circle under a 2×2 matrix (row-major). */
    private static void image(Plot p, double[] m, String color, double width, boolean dashed) {
        p.g.setStrokeStyle(color);
        p.g.setLineWidth(width);
        Plot.dash(p.g, dashed ? 5 : 0, dashed ? 4 : 0);
        p.g.beginPath();
        for (int i = 0; i <= 96; i++) {
            double t = 2 * Math.PI * i / 96, c = Math.cos(t), s = Math.sin(t);
            double x = m[0] * c + m[1] * s, y = m[2] * c + m[3] * s;
            if (i == 0) p.g.moveTo(p.px(x), p.py(y));
            else p.g.lineTo(p.px(x), p.py(y));
        }
        p.g.stroke();
        Plot.dash(p.g, 0, 0);
    }

    private void matrixText() {
        Dom.clear(matrixText);
        double[] s = NormGeometry.svd2(w[0], w[1], w[2], w[3]);
        double[] ns = NormGeometry.newtonSchulz2(backend, w, 5);
        double[] nsSv = NormGeometry.svd2(ns[0], ns[1], ns[2], ns[3]);
        Formulas.show(matrixText, MathML.row(MathML.sub(MathML.id("\u03c3"), MathML.num("1")), MathML.op("="),
                MathML.num(Fmt.sig(s[0], 3)), MathML.op(","), MathML.sub(MathML.id("\u03c3"), MathML.num("2")),
                MathML.op("="), MathML.num(Fmt.sig(s[1], 3)), MathML.space(), MathML.sub(MathML.row(MathML.op("\u2016"),
                        MathML.id("W"), MathML.op("\u2016")), MathML.num("2")), MathML.op("="),
                MathML.sub(MathML.id("\u03c3"), MathML.num("1")), MathML.op("="), MathML.num(Fmt.sig(s[0], 3))));
        Formulas.show(matrixText, MathML.row(MathML.sub(MathML.row(MathML.op("\u2016"), MathML.id("W"),
                MathML.op("\u2016")), MathML.id("F")), MathML.op("="), MathML.sqrt(MathML.row(MathML.sup(
                        MathML.sub(MathML.id("\u03c3"), MathML.num("1")), MathML.num("2")), MathML.op("+"),
                        MathML.sup(MathML.sub(MathML.id("\u03c3"), MathML.num("2")), MathML.num("2")))),
                MathML.op("="), MathML.num(Fmt.sig(Math.hypot(s[0], s[1]), 3))));
        Dom.add(matrixText, "p.hint", "Muon's 5 Newton\u2013Schulz steps (the engine's) give singular values "
                + Fmt.sig(nsSv[0], 3) + " and " + Fmt.sig(nsSv[1], 3) + ": near 1, without an SVD.");
    }

    private void layer(int dIn, int dOut, long seed) {
        Dom.clear(layerText);
        double[] n = NormGeometry.layerNorms(dOut, dIn, seed);
        Dom.add(layerText, "h3", "A layer W of shape d_out \u00d7 d_in = " + dOut + " \u00d7 " + dIn
                + ", entries N(0, 1/d_in)");
        Element norm = MathML.sub(MathML.row(MathML.op("\u2016"), MathML.id("W"), MathML.op("\u2016")),
                MathML.row(MathML.id("RMS"), MathML.op("\u2192"), MathML.id("RMS")));
        Formulas.show(layerText, MathML.row(norm, MathML.op("="), MathML.sqrt(MathML.frac(MathML.sub(MathML.id("d"),
                MathML.id("in")), MathML.sub(MathML.id("d"), MathML.id("out")))), MathML.op("\u00b7"),
                MathML.sub(MathML.row(MathML.op("\u2016"), MathML.id("W"), MathML.op("\u2016")), MathML.num("2")),
                MathML.op("="), MathML.num(Fmt.sig(Math.sqrt((double) dIn / dOut), 3)), MathML.op("\u00d7"),
                MathML.num(Fmt.sig(n[0], 3)), MathML.op("="), MathML.num(Fmt.sig(n[2], 3))));
        Dom.add(layerText, "p", "Spectral norm " + Fmt.sig(n[0], 3) + ", Frobenius norm " + Fmt.sig(n[1], 3)
                + ". The RMS\u2192RMS norm says how much the layer can grow a typical activation's size; at this "
                + "initialisation it stays near 1 + \u221a(d_in/d_out) = " + Fmt.sig(1 + Math.sqrt((double) dIn / dOut),
                3) + " whatever the width, which is what \u03bcP and Muon build on.");
    }
}
