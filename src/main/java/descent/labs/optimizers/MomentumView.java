package descent.labs.optimizers;

import descent.labs.Params;
import descent.tensor.Backend;
import descent.ui.Dom;
import descent.ui.Fmt;
import descent.ui.Js;
import descent.ui.LabContext;
import descent.ui.MathML;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;

/**
 * Momentum's theory: the error along each eigenvector for GD and heavy ball, the closed-form rates with the live
 * numbers, the rate as a function of β, and the whole (α, β) plane as a map to tap.
 */
final class MomentumView {
    private final LabContext ctx;
    private final Backend backend;
    final HTMLElement root;
    private final Plot gd, hb, rateLine, rateMap;
    private final HTMLElement formulas;
    private HTMLElement measured;
    private MomentumExperiment exp;

    MomentumView(LabContext ctx, Backend backend, HTMLElement parent) {
        this.ctx = ctx;
        this.backend = backend;
        root = Dom.add(parent, "section.optim-section.optim-momentum");
        formulas = Dom.add(Dom.add(root, "figure.fig.wide.optim-fig"), "div.momentum-formulas");
        gd = components("Gradient descent: |error| along each eigenvector, light = small \u03bb (shallow), dark = "
                + "large \u03bb (steep).");
        hb = components("Heavy ball: the same components. Past critical damping they oscillate, and all shrink "
                + "like \u221a\u03b2.");
        rateLine = new Plot(root, "", 0.62, "Convergence rate (error shrink per step) against \u03b2 at this "
                + "\u03b1; the dot is the current \u03b2, the dashed line tuned GD.");
        rateLine.ml = 44;
        rateLine.mb = 34;
        rateLine.onResize(ctx::requestRender);
        rateMap = new Plot(root, "", 0.75, "Rate over the (\u03b1, \u03b2) plane: dark = fast, white = diverges. "
                + "Tap to choose \u03b1 and \u03b2; the star is Polyak's optimum.");
        rateMap.ml = 44;
        rateMap.mb = 34;
        rateMap.onResize(() -> {
            paintMap();
            ctx.requestRender();
        });
        rateMap.onPointer((a, b, phase) -> {
            if (phase == 2 || exp == null) return;
            double alpha = Fmt.roundSig(Math.max(0.001, Math.min(4, a)), 3);
            double beta = Math.round(Math.max(0, Math.min(0.999, b)) * 1000) / 1000.0;
            ctx.post(() -> {
                ctx.setKnob("m_alpha", alpha);
                ctx.setKnob("m_beta", beta);
            });
        });
    }

    private Plot components(String caption) {
        Plot p = new Plot(root, "", 0.62, caption);
        p.ml = 44;
        p.mb = 34;
        p.logY = true;
        p.onResize(ctx::requestRender);
        return p;
    }

    void reset(Params p) {
        if (exp != null) exp.release();
        boolean newMap = exp == null || exp.kappa != p.num("m_kappa") || exp.lambda.length != p.integer("m_dims");
        exp = new MomentumExperiment(backend, p.num("m_kappa"), p.integer("m_dims"), p.num("m_alpha"),
                p.num("m_beta"), 400);
        if (newMap) paintMap();
        formulas();
    }

    void step() {
        exp.step();
    }

    boolean finished() {
        return exp != null && exp.done();
    }

    long steps() {
        return exp.steps();
    }

    void release() {
        if (exp != null) exp.release();
    }

    private void paintMap() {
        if (exp == null) return;
        rateMap.window(0, 4, 0, 1);
        int w = 160, h = 100;
        int[] px = new int[w * h];
        boolean dark = Js.media("(prefers-color-scheme: dark)");
        int slow = dark ? 0x202838 : 0xffffff, fast = dark ? 0xf0b27a : 0x23436e;
        for (int j = 0; j < h; j++) {
            double beta = 1 - (j + 0.5) / h;
            for (int i = 0; i < w; i++) {
                double alpha = 4 * (i + 0.5) / w;
                double r = exp.heavyBallRate(alpha, beta);
                // colour by how many steps a 1000× shrink takes, on a log scale: 10 steps dark, 10⁴ steps pale
                double steps = MomentumExperiment.stepsToThousandth(r);
                double s = r >= 1 ? 0 : 1 - Math.min(1, Math.max(0, (Math.log10(steps) - 1) / 3));
                int rgb = r >= 1 ? (dark ? 0x151a24 : 0xf3f1ec) : Shade.mix(slow, fast, s);
                px[j * w + i] = 0xff000000 | ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
            }
        }
        rateMap.background(px, w, h);
    }

    private void formulas() {
        Dom.clear(formulas);
        double k = exp.kappa, a = exp.alpha, b = exp.beta;
        Dom.add(formulas, "h3", "The quadratic \u00bd \u03a3 \u03bb\u1d62 w\u1d62\u00b2 with \u03bb from \u03bc = 1/\u03ba to L = 1,"
                + " \u03ba = " + Fmt.sig(k, 4));
        HTMLElement grid = Dom.add(formulas, "div.formula-grid");
        HTMLElement left = Dom.add(grid, "div");
        Dom.add(left, "h4", "Gradient descent");
        Formulas.show(left, MathML.row(MathML.sub(MathML.id("\u03b1"), MathML.op("*")), MathML.op("="),
                MathML.frac(MathML.num("2"), MathML.row(MathML.id("L"), MathML.op("+"), MathML.id("\u03bc"))),
                MathML.op("="), MathML.num(Fmt.sig(MomentumExperiment.optimalGdAlpha(k), 4))));
        Formulas.show(left, MathML.row(MathML.sub(MathML.id("\u03c1"), MathML.op("*")), MathML.op("="),
                MathML.frac(MathML.row(MathML.id("\u03ba"), MathML.op("\u2212"), MathML.num("1")),
                        MathML.row(MathML.id("\u03ba"), MathML.op("+"), MathML.num("1"))), MathML.op("="),
                MathML.num(Fmt.sig(MomentumExperiment.optimalGdRate(k), 4))));
        Formulas.show(left, MathML.row(MathML.id("\u03c1"), MathML.paren(MathML.id("\u03b1")), MathML.op("="),
                MathML.op("max"), MathML.row(MathML.op("|"), MathML.num("1"), MathML.op("\u2212"),
                        MathML.id("\u03b1"), MathML.sub(MathML.id("\u03bb"), MathML.id("i")), MathML.op("|")),
                MathML.op("="), MathML.num(Fmt.sig(exp.gdRate(), 4))));
        HTMLElement right = Dom.add(grid, "div");
        Dom.add(right, "h4", "Heavy ball (Polyak)");
        Element sk = MathML.sqrt(MathML.id("\u03ba"));
        Formulas.show(right, MathML.row(MathML.sub(MathML.id("\u03b1"), MathML.op("*")), MathML.op("="),
                MathML.frac(MathML.num("4"), MathML.sup(MathML.paren(MathML.row(MathML.sqrt(MathML.id("L")),
                        MathML.op("+"), MathML.sqrt(MathML.id("\u03bc")))), MathML.num("2"))), MathML.op("="),
                MathML.num(Fmt.sig(MomentumExperiment.optimalAlpha(k), 4)), MathML.space(),
                MathML.sub(MathML.id("\u03b2"), MathML.op("*")), MathML.op("="),
                MathML.num(Fmt.sig(MomentumExperiment.optimalBeta(k), 4))));
        Formulas.show(right, MathML.row(MathML.sub(MathML.id("\u03c1"), MathML.op("*")), MathML.op("="),
                MathML.frac(MathML.row(sk, MathML.op("\u2212"), MathML.num("1")), MathML.row(
                        MathML.sqrt(MathML.id("\u03ba")), MathML.op("+"), MathML.num("1"))), MathML.op("="),
                MathML.num(Fmt.sig(MomentumExperiment.optimalRate(k), 4))));
        Formulas.show(right, MathML.row(MathML.id("\u03c1"), MathML.paren(MathML.row(MathML.id("\u03b1"),
                MathML.op(","), MathML.id("\u03b2"))), MathML.op("="), MathML.num(Fmt.sig(exp.heavyBallRate(), 4)),
                MathML.space(), MathML.text("at \u03b1 = " + Fmt.sig(a, 3) + ", \u03b2 = " + Fmt.sig(b, 3))));
        measured = Dom.add(formulas, "p.momentum-measured");
    }

    void render() {
        if (exp == null) return;
        drawComponents(gd, false);
        drawComponents(hb, true);
        drawRateLine();
        rateMap.begin();
        rateMap.drawBackground();
        rateMap.axes("step size \u03b1", "momentum \u03b2");
        double ao = MomentumExperiment.optimalAlpha(exp.kappa), bo = MomentumExperiment.optimalBeta(exp.kappa);
        rateMap.label("\u2605", rateMap.px(Math.min(ao, 4)), rateMap.py(bo), "#d9612f", "center");
        rateMap.dot(Math.min(exp.alpha, 4), exp.beta, 6, "#ffffff", "#17202f");
        HTMLElement m = measured;
        if (m != null) {
            double mg = exp.measuredRate(false), mh = exp.measuredRate(true);
            Dom.text(m, "Measured over the run so far: GD " + (Double.isNaN(mg) ? "\u2026" : Fmt.sig(mg, 4))
                    + ", heavy ball " + (Double.isNaN(mh) ? "\u2026" : Fmt.sig(mh, 4)) + ". Steps to shrink the "
                    + "error 1000\u00d7: GD " + Fmt.compact(MomentumExperiment.stepsToThousandth(exp.gdRate()))
                    + ", heavy ball " + Fmt.compact(MomentumExperiment.stepsToThousandth(exp.heavyBallRate())) + ".");
        }
    }

    private void drawComponents(Plot p, boolean heavy) {
        int n = exp.steps() + 1;
        p.begin();
        double lo = 1e-8, hi = 10;
        p.window(0, Math.max(n - 1, 10), lo, hi);
        p.axes("step", "|w\u1d62|");
        int d = exp.lambda.length;
        for (int i = 0; i < d; i++) {
            double s = d == 1 ? 1 : (double) i / (d - 1);
            int rgb = Shade.mix(0x9cc3ff, 0x1d3557, s);
            if (Js.media("(prefers-color-scheme: dark)")) rgb = Shade.mix(0x3d5a80, 0xcfe3ff, s);
            p.g.setStrokeStyle("#" + hex(rgb));
            p.g.setLineWidth(2);
            p.g.beginPath();
            for (int t = 0; t < n; t++) {
                double v = Math.max(exp.error(heavy, t, i), lo);
                if (t == 0) p.g.moveTo(p.px(t), p.py(v));
                else p.g.lineTo(p.px(t), p.py(v));
            }
            p.g.stroke();
        }
        p.label(heavy ? "heavy ball" : "gradient descent", p.width - 12, 18, Plot.css("--fg"), "right");
    }

    private void drawRateLine() {
        Plot p = rateLine;
        p.begin();
        double lowest = 1;
        for (int i = 0; i <= 200; i++) lowest = Math.min(lowest, exp.heavyBallRate(exp.alpha, 0.999 * i / 200));
        lowest = Math.min(lowest, MomentumExperiment.optimalGdRate(exp.kappa));
        double floor = Math.max(0, Math.floor((lowest - 0.05) * 20) / 20);
        p.window(0, 1, floor, 1.05);
        p.axes("momentum \u03b2", "rate \u03c1");
        p.g.setStrokeStyle(Method.MOMENTUM.color);
        p.g.setLineWidth(2.5);
        p.g.beginPath();
        for (int i = 0; i <= 200; i++) {
            double b = 0.999 * i / 200;
            double r = Math.max(floor, Math.min(exp.heavyBallRate(exp.alpha, b), 1.05));
            if (i == 0) p.g.moveTo(p.px(b), p.py(r));
            else p.g.lineTo(p.px(b), p.py(r));
        }
        p.g.stroke();
        Plot.dash(p.g, 6, 4);
        double gdOpt = MomentumExperiment.optimalGdRate(exp.kappa);
        p.line(0, gdOpt, 1, gdOpt, Method.GD.color, 1.5);
        p.line(0, 1, 1, 1, Plot.css("--muted"), 1);
        Plot.dash(p.g, 0, 0);
        p.dot(exp.beta, Math.min(exp.heavyBallRate(), 1.05), 6, Method.MOMENTUM.color, "#ffffff");
        p.label("diverges above 1", p.px(0.02), p.py(1) - 9, Plot.css("--muted"), "left");
    }

    static String hex(int rgb) {
        String s = Integer.toHexString(rgb & 0xffffff);
        return "0".repeat(6 - s.length()) + s;
    }
}
