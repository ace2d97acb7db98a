package descent.labs.optimizers;

import descent.labs.Params;
import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.ui.Dom;
import descent.ui.Fmt;
import descent.ui.LabContext;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Implicit regularization: which of many perfect solutions each optimizer returns. Least squares in 2-D (drawn, with
 * the solution line and the ℓ2 and ℓ∞ balls), in N dimensions (coordinates and norms), and separable logistic
 * regression (separators drawn, the angle to each max-margin direction over log time).
 */
final class ImplicitView {
    private final LabContext ctx;
    private final Backend backend;
    final HTMLElement root;
    private final Plot picture, chart;
    private final HTMLElement table;
    private String problem = "ls2";
    private LeastSquaresExperiment ls;
    private MarginExperiment margin;

    ImplicitView(LabContext ctx, Backend backend, HTMLElement parent) {
        this.ctx = ctx;
        this.backend = backend;
        root = Dom.add(parent, "section.optim-section.optim-implicit");
        picture = new Plot(root, "", 0.8, "");
        picture.onResize(ctx::requestRender);
        picture.onPointer((x, y, phase) -> {
            if (!problem.equals("ls2")) return;
            double rx = Math.round(Math.max(-2, Math.min(2, x)) * 100) / 100.0;
            double ry = Math.round(Math.max(-2, Math.min(2, y)) * 100) / 100.0;
            ctx.post(() -> {
                ctx.setKnob("i_x0", rx);
                ctx.setKnob("i_y0", ry);
            });
        });
        chart = new Plot(root, "", 0.62, "");
        chart.ml = 44;
        chart.mb = 34;
        chart.onResize(ctx::requestRender);
        table = Dom.add(Dom.add(root, "figure.fig.wide.optim-fig"), "div.fig-table.optim-table");
    }

    void reset(Params p) {
        release();
        problem = p.choice("i_problem");
        long seed = p.integer("seed");
        if (problem.equals("ls2")) {
            double th = Math.toRadians(p.num("i_angle"));
            ls = new LeastSquaresExperiment(backend, new double[] {Math.cos(th), Math.sin(th)}, new double[] {1},
                    new double[] {p.num("i_x0"), p.num("i_y0")}, 1, 2, 1.0, 0.02, 400);
            Dom.text(picture.caption, "One equation a\u00b7x = 1 in two unknowns: every point of the black line "
                    + "fits. Paths from the white start (drag it); circle and square: the smallest \u2113\u2082 and "
                    + "\u2113\u221e balls that reach the line.");
        } else if (problem.equals("lsn")) {
            int m = Math.min(p.integer("i_m"), p.integer("i_n") - 1), n = p.integer("i_n");
            Rng rng = new Rng(seed);
            double[] a = new double[m * n], b = new double[m], x0 = new double[n];
            for (int i = 0; i < a.length; i++) a[i] = rng.normal() / Math.sqrt(n);
            for (int i = 0; i < m; i++) b[i] = rng.normal();
            for (int j = 0; j < n; j++) x0[j] = rng.normal() * p.num("i_init");
            ls = new LeastSquaresExperiment(backend, a, b, x0, m, n, 1.0, 0.02, 3000);
            Dom.text(picture.caption, m + " random equations in " + n + " unknowns. Dots: each method's solution, "
                    + "coordinate by coordinate; black line: the exact fit closest to the start (A\u207ab from zero).");
        } else {
            // the data seed is offset so the default seed shows the two separators clearly apart
            margin = new MarginExperiment(backend, 24, seed + 2, 4.0, 0.05);
            Dom.text(picture.caption, "Two separable classes; a linear classifier through the origin. Dashed: the "
                    + "max-\u2113\u2082-margin separator; dotted: the max-\u2113\u221e one; coloured: each "
                    + "optimizer's current w\u00b7x = 0.");
        }
        Dom.text(chart.caption, problem.equals("margin") ? "Angle between each optimizer's w and the max-\u2113\u2082 "
                + "(solid) and max-\u2113\u221e (dotted) directions, over log time: GD closes in like 1/log t."
                : "Distance from each method's x to the exact fit closest to the start, per step (log scale).");
        chart.logX = problem.equals("margin");
        chart.logY = !problem.equals("margin");
    }

    void step() {
        if (ls != null) ls.step();
        if (margin != null && margin.steps() < 200_000) margin.step(); // log time: 10⁵ steps is plenty
    }

    boolean finished() {
        return ls != null && ls.done(); // the margin experiment runs on: its direction keeps converging
    }

    long steps() {
        return ls != null ? ls.steps() : margin != null ? margin.steps() : 0;
    }

    void release() {
        if (ls != null) ls.release();
        if (margin != null) margin.release();
        ls = null;
        margin = null;
    }

    void render() {
        if (ls != null && ls.n == 2) renderPlane();
        else if (ls != null) renderCoordinates();
        else renderMargin();
        if (ls != null) renderDistance();
        table();
    }

    private List<Method> methods() {
        return ls != null ? LeastSquaresExperiment.METHODS : MarginExperiment.METHODS;
    }

    private void renderPlane() {
        Plot p = picture;
        p.ml = p.mb = p.mr = p.mt = 0;
        double span = 2.2 * Math.max(1, p.width / p.height);
        p.window(-span, span, -2.2, 2.2);
        p.begin();
        String fg = Plot.css("--fg"), muted = Plot.css("--muted");
        p.line(-span, 0, span, 0, Plot.css("--border"), 1);
        p.line(0, -2.2, 0, 2.2, Plot.css("--border"), 1);
        double a0 = ls.a[0], a1 = ls.a[1];
        // the solution line a·x = 1: through a/‖a‖² along the perpendicular of a
        double nn = a0 * a0 + a1 * a1, cx = a0 / nn, cy = a1 / nn;
        p.line(cx - 9 * a1, cy + 9 * a0, cx + 9 * a1, cy - 9 * a0, fg, 2.5);
        double r2 = 1 / Math.sqrt(nn), rInf = 1 / (Math.abs(a0) + Math.abs(a1));
        p.g.setStrokeStyle(Method.GD.color);
        p.g.setLineWidth(1.5);
        Plot.dash(p.g, 4, 4);
        p.g.beginPath();
        p.g.arc(p.px(0), p.py(0), p.px(r2) - p.px(0), 0, 2 * Math.PI);
        p.g.stroke();
        p.g.setStrokeStyle(Method.SIGN.color);
        p.g.strokeRect(p.px(-rInf), p.py(rInf), p.px(rInf) - p.px(-rInf), p.py(-rInf) - p.py(rInf));
        Plot.dash(p.g, 0, 0);
        for (int k = 0; k < methods().size(); k++) {
            Method m = methods().get(k);
            p.g.setStrokeStyle(m.color);
            p.g.setLineWidth(2.5);
            p.g.beginPath();
            for (int t = 0; t <= ls.steps(); t++) {
                float[] x = ls.at(k, t);
                if (t == 0) p.g.moveTo(p.px(x[0]), p.py(x[1]));
                else p.g.lineTo(p.px(x[0]), p.py(x[1]));
            }
            p.g.stroke();
            float[] end = ls.solution(k);
            p.dot(end[0], end[1], 5, m.color, "#ffffff");
        }
        p.dot(ls.closestSolution[0], ls.closestSolution[1], 4, fg, null);
        p.dot(ls.x0[0], ls.x0[1], 8, "#ffffff", "#17202f");
        p.label("a\u00b7x = 1", p.px(cx + 1.4 * a1), p.py(cy - 1.4 * a0) - 12, muted, "center");
    }

    private void renderCoordinates() {
        Plot p = picture;
        p.ml = 44;
        p.mb = 34;
        p.mr = 8;
        p.mt = 8;
        double hi = 0;
        for (double v : ls.closestSolution) hi = Math.max(hi, Math.abs(v));
        for (int k = 0; k < methods().size(); k++) for (float v : ls.solution(k)) hi = Math.max(hi, Math.abs(v));
        hi = Math.max(hi * 1.1, 0.1);
        p.window(-0.5, ls.n - 0.5, -hi, hi);
        p.begin();
        p.axes("coordinate j", "x\u2c7c");
        p.g.setStrokeStyle(Plot.css("--fg"));
        p.g.setLineWidth(2);
        p.g.beginPath();
        for (int j = 0; j < ls.n; j++) {
            if (j == 0) p.g.moveTo(p.px(j), p.py(ls.closestSolution[j]));
            else p.g.lineTo(p.px(j), p.py(ls.closestSolution[j]));
        }
        p.g.stroke();
        double dx = Math.min(6, (p.px(1) - p.px(0)) / 5);
        for (int k = 0; k < methods().size(); k++) {
            float[] x = ls.solution(k);
            for (int j = 0; j < ls.n; j++) {
                p.g.beginPath();
                p.g.arc(p.px(j) + (k - 1.5) * dx, p.py(x[j]), 3.2, 0, 2 * Math.PI);
                p.g.setFillStyle(methods().get(k).color);
                p.g.fill();
            }
        }
    }

    private void renderDistance() {
        Plot p = chart;
        p.begin();
        int n = ls.steps() + 1;
        p.window(0, Math.max(n - 1, 10), 1e-5, 10);
        p.axes("step", "distance");
        for (int k = 0; k < methods().size(); k++) {
            p.g.setStrokeStyle(methods().get(k).color);
            p.g.setLineWidth(2);
            p.g.beginPath();
            int stride = Math.max(1, n / 500);
            for (int t = 0; t < n; t += stride) {
                double d = Math.max(1e-5, Math.min(10, ls.distanceToClosest(ls.at(k, t))));
                if (t == 0) p.g.moveTo(p.px(t), p.py(d));
                else p.g.lineTo(p.px(t), p.py(d));
            }
            p.g.stroke();
        }
    }

    private void renderMargin() {
        Plot p = picture;
        p.ml = p.mb = p.mr = p.mt = 0;
        double span = 3.6 * Math.max(1, p.width / p.height);
        p.window(-span, span, -3.6, 3.6);
        p.begin();
        String fg = Plot.css("--fg");
        for (int i = 0; i < margin.count; i++) {
            boolean pos = margin.labels[i] > 0;
            p.dot(margin.points[2 * i], margin.points[2 * i + 1], 5, pos ? "#1d3557" : "#ffffff", pos ? "#ffffff"
                    : "#1d3557");
        }
        separator(p, margin.l2Angle, fg, 6, 4, 2);
        separator(p, margin.linfAngle, fg, 2, 3, 2);
        for (int k = 0; k < methods().size(); k++) {
            double[] w = margin.weights(k, margin.steps());
            if (w[0] != 0 || w[1] != 0) separator(p, Math.atan2(w[1], w[0]), methods().get(k).color, 0, 0, 2.5);
        }
        renderAngles();
    }

    /** The line w·x = 0 for w at angle θ. */
    private static void separator(Plot p, double theta, String color, double dashOn, double dashOff, double width) {
        double dx = -Math.sin(theta) * 10, dy = Math.cos(theta) * 10;
        Plot.dash(p.g, dashOn, dashOff);
        p.line(-dx, -dy, dx, dy, color, width);
        Plot.dash(p.g, 0, 0);
    }

    private void renderAngles() {
        Plot p = chart;
        p.begin();
        int n = margin.steps();
        p.window(1, Math.max(n, 10), 0, 30);
        p.axes("step (log)", "angle (\u00b0)");
        for (int k = 0; k < methods().size(); k++) {
            for (int ref = 0; ref < 2; ref++) {
                double target = ref == 0 ? margin.l2Angle : margin.linfAngle;
                Plot.dash(p.g, ref == 0 ? 0 : 2, ref == 0 ? 0 : 3);
                p.g.setStrokeStyle(methods().get(k).color);
                p.g.setLineWidth(ref == 0 ? 2 : 1.5);
                p.g.beginPath();
                boolean pen = false;
                for (double lt = 0; lt <= Math.log10(Math.max(n, 1)); lt += 0.01) {
                    int t = (int) Math.round(Math.pow(10, lt));
                    double a = Math.min(30, margin.angleTo(k, t, target));
                    if (pen) p.g.lineTo(p.px(t), p.py(a));
                    else p.g.moveTo(p.px(t), p.py(a));
                    pen = true;
                }
                p.g.stroke();
            }
        }
        Plot.dash(p.g, 0, 0);
    }

    private void table() {
        Dom.clear(table);
        HTMLElement t = Dom.add(table, "table");
        HTMLElement head = Dom.add(Dom.add(t, "thead"), "tr");
        boolean isLs = ls != null;
        String[] cols = isLs ? new String[] {"method", "\u2016x\u2016\u2081", "\u2016x\u2016\u2082",
            "\u2016x\u2016\u221e", "residual", "from closest fit"} : new String[] {"method", "\u2113\u2082 margin",
            "\u2113\u221e margin", "angle to \u2113\u2082 best", "angle to \u2113\u221e best"};
        for (String c : cols) Dom.add(head, "th", c);
        HTMLElement body = Dom.add(t, "tbody");
        if (isLs) {
            row(body, "closest fit (min-norm from 0)", LeastSquaresExperiment.norms(ls.closestSolution), 0, 0);
            for (int k = 0; k < methods().size(); k++) {
                float[] x = ls.solution(k);
                row(body, methods().get(k).label, LeastSquaresExperiment.norms(x), ls.residual(x),
                        ls.distanceToClosest(x));
            }
        } else {
            HTMLElement tr = Dom.add(body, "tr");
            Dom.add(tr, "th", "best possible");
            Dom.add(tr, "td", Fmt.sig(margin.margin(margin.l2Angle, false), 3));
            Dom.add(tr, "td", Fmt.sig(margin.margin(margin.linfAngle, true), 3));
            Dom.add(tr, "td", "\u2014");
            Dom.add(tr, "td", "\u2014");
            for (int k = 0; k < methods().size(); k++) {
                tr = Dom.add(body, "tr");
                Dom.add(tr, "th", methods().get(k).label);
                Dom.add(tr, "td", Fmt.sig(margin.margin(k, false), 3));
                Dom.add(tr, "td", Fmt.sig(margin.margin(k, true), 3));
                Dom.add(tr, "td", Fmt.fixed(margin.angleTo(k, margin.steps(), margin.l2Angle), 2) + "\u00b0");
                Dom.add(tr, "td", Fmt.fixed(margin.angleTo(k, margin.steps(), margin.linfAngle), 2) + "\u00b0");
            }
        }
    }

    private static void row(HTMLElement body, String name, double[] norms, double residual, double dist) {
        HTMLElement tr = Dom.add(body, "tr");
        Dom.add(tr, "th", name);
        for (double v : norms) Dom.add(tr, "td", Fmt.sig(v, 4));
        Dom.add(tr, "td", Fmt.sig(residual, 2));
        Dom.add(tr, "td", Fmt.sig(dist, 3));
    }
}
