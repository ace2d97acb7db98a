package descent.labs.optimizers;

import descent.labs.Params;
import descent.ui.Dom;
import descent.ui.Fmt;
import descent.ui.Js;
import descent.ui.MathML;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The locally linear view. Left: a zoom around the probe point with the true contours, the second-order model's level
 * lines (orange), the first-order model's straight level lines (dashed) and an arrow per optimizer to where its first
 * step lands. Right: the bowl ½dᵀHd = 1 as it is, and as Adam sees it after rescaling by P = diag(1/(√v̂ + ε)).
 */
final class LocalView {
    private LocalView() {
    }

    private static LocalModel painted;

    static void draw(Plot p, HTMLElement text, LocalModel m, Surface s, RaceExperiment race, Params params) {
        double side = Math.min(p.width / 2 - 6, p.height);
        double radius = 0.02 * s.scale();
        for (double[] l : m.landings) radius = Math.max(radius, 1.3 * Math.hypot(l[0] - m.x, l[1] - m.y));
        radius = Math.min(radius, 0.5 * s.scale());
        // the left square holds the zoom: map it through the plot's margins
        p.ml = 0;
        p.mt = (p.height - side) / 2;
        p.mr = p.width - side;
        p.mb = p.height - side - p.mt;
        p.window(m.x - radius, m.x + radius, m.y - radius, m.y + radius);
        if (painted != m) {
            paint(p, m, s, radius);
            painted = m;
            text(text, m, s, race, params);
        }
        p.begin();
        p.drawBackground();
        // first-order model: straight level lines, perpendicular to the gradient
        double gn = Math.hypot(m.gx, m.gy);
        if (gn > 0) {
            double ux = m.gx / gn, uy = m.gy / gn;
            Plot.dash(p.g, 5, 4);
            for (int k = -3; k <= 3; k++) {
                double cx = m.x + ux * k * radius / 3, cy = m.y + uy * k * radius / 3;
                p.line(cx - uy * 2 * radius, cy + ux * 2 * radius, cx + uy * 2 * radius, cy - ux * 2 * radius,
                        Plot.css("--muted"), 1);
            }
            Plot.dash(p.g, 0, 0);
        }
        p.g.save();
        p.g.beginPath();
        p.g.rect(0, p.mt, side, side);
        p.g.clip();
        int i = 0;
        for (Method.Setting st : OptimizersSpec.racers(params)) {
            double[] l = m.landings.get(i++);
            p.arrow(m.x, m.y, l[0], l[1], st.method().color, 2.5);
        }
        if (m.newton != null) {
            p.dot(m.newton[0], m.newton[1], 5, "rgba(0,0,0,0)", Plot.css("--fg"));
            p.label("Newton", p.px(m.newton[0]) + 8, p.py(m.newton[1]), Plot.css("--fg"), "left");
        }
        p.dot(m.x, m.y, 5, "#ffffff", "#17202f");
        p.g.restore();
        adamPanel(p, m, s, race, params, side);
    }

    /** True contours plus the quadratic model's level lines, painted once per probe point. */
    private static void paint(Plot p, LocalModel m, Surface s, double radius) {
        boolean dark = Js.media("(prefers-color-scheme: dark)");
        int n = 150;
        double[] box = {m.x - radius, m.x + radius, m.y - radius, m.y + radius};
        int[] px = Shade.render(s::value, box, n, n, s.floor(), dark, Shade.palette(dark)[2], true);
        double[] q = new double[n * n];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double dx = box[0] + 2 * radius * (i + 0.5) / n - m.x, dy = box[3] - 2 * radius * (j + 0.5) / n - m.y;
                double v = m.quadratic(dx, dy);
                q[j * n + i] = v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double step = (hi - lo) / 12;
        for (int k = 0; k < n * n && step > 0; k++) {
            int i = k % n, j = k / n;
            if (i + 1 >= n || j + 1 >= n) continue;
            int here = (int) Math.floor((q[k] - m.f) / step);
            if ((int) Math.floor((q[k + 1] - m.f) / step) != here || (int) Math.floor((q[k + n] - m.f) / step) != here) {
                px[k] = 0xff2f61d9; // ABGR of #d9612f, the page's accent
            }
        }
        p.background(px, n, n);
    }

    /** Right half: the unit level set of the Hessian's bowl, before and after Adam's rescaling. */
    private static void adamPanel(Plot p, LocalModel m, Surface s, RaceExperiment race, Params params, double side) {
        double cx = p.width * 0.75, cy = p.height / 2, r = Math.min(p.width / 4, p.height / 2) - 16;
        String fg = Plot.css("--fg"), muted = Plot.css("--muted");
        p.label("What Adam sees", cx, 12, fg, "center");
        if (!(m.hxx > 0 && m.hxx * m.hyy - m.hxy * m.hxy > 0)) {
            p.label("Not a bowl here:", cx, cy - 10, muted, "center");
            p.label("the Hessian has a negative direction.", cx, cy + 10, muted, "center");
            return;
        }
        double[] v = adamMoment(m, s, race, params);
        double px = 1 / (Math.sqrt(v[0]) + 1e-8), py = 1 / (Math.sqrt(v[1]) + 1e-8);
        double[] seen = m.preconditioned(px, py);
        ellipse(p, m.hxx, m.hxy, m.hyy, cx, cy, r, muted, 1.5);
        ellipse(p, seen[0], seen[1], seen[2], cx, cy, r, Method.ADAM.color, 3);
        p.label("before", cx - r * 0.9, p.height - 12, muted, "left");
        p.label("after rescaling", cx + r * 0.9, p.height - 12, Method.ADAM.color, "right");
    }

    /** Adam's v̂ from its racer if it races, else g² at the point (its first step). */
    static double[] adamMoment(LocalModel m, Surface s, RaceExperiment race, Params params) {
        for (Racer r : race.racers()) {
            if (r.method() == Method.ADAM && r.size() > 1) {
                double[] v = LocalModel.adamSecondMoment(s, r, params.num("adam_b2"));
                if (v != null) return v;
            }
        }
        return new double[] {m.gx * m.gx + 1e-12, m.gy * m.gy + 1e-12};
    }

    /** The level set dᵀHd = c of a positive-definite 2×2, scaled so its longer axis has length r pixels. */
    private static void ellipse(Plot p, double a, double b, double d, double cx, double cy, double r, String color,
            double w) {
        double[] e = LocalModel.eigen(a, b, d);
        double theta = 0.5 * Math.atan2(2 * b, a - d);
        double long1 = 1 / Math.sqrt(e[1]), short1 = 1 / Math.sqrt(e[0]);
        double k = r / long1;
        p.g.setStrokeStyle(color);
        p.g.setLineWidth(w);
        p.g.beginPath();
        // axis of the larger eigenvalue is the short one; y grows downward on screen, so negate the angle
        p.g.ellipse(cx, cy, short1 * k, long1 * k, -theta, 0, 2 * Math.PI);
        p.g.stroke();
    }

    private static void text(HTMLElement el, LocalModel m, Surface s, RaceExperiment race, Params params) {
        Dom.clear(el);
        double kH = LocalModel.condition(m.hxx, m.hxy, m.hyy);
        Dom.add(el, "p", "At (" + Fmt.sig(m.x, 3) + ", " + Fmt.sig(m.y, 3) + "): the plane f + g\u00b7d knows only "
                + "the downhill direction (dashed level lines); the quadratic model f + g\u00b7d + \u00bd d\u1d40Hd "
                + "(orange) also knows how it bends. Arrows: where one step of each optimizer, started fresh here, "
                + "lands.");
        double[] v = adamMoment(m, s, race, params);
        double[] seen = m.preconditioned(1 / (Math.sqrt(v[0]) + 1e-8), 1 / (Math.sqrt(v[1]) + 1e-8));
        double kSeen = LocalModel.condition(seen[0], seen[1], seen[2]);
        HTMLElement math = Dom.add(el, "div.optim-formula");
        Formulas.show(math, MathML.row(MathML.id("\u03ba"), MathML.paren(MathML.id("H")), MathML.op("="),
                MathML.num(Fmt.sig(kH, 3)), MathML.space(), MathML.id("\u03ba"), MathML.paren(MathML.row(
                        MathML.sup(MathML.id("P"), MathML.num("\u00bd")), MathML.id("H"), MathML.sup(MathML.id("P"),
                                MathML.num("\u00bd")))), MathML.op("="), MathML.num(Fmt.sig(kSeen, 3))));
        Dom.add(el, "p.hint", "Adam divides each coordinate's step by \u221av\u0302, its running RMS gradient: "
                + "that is gradient descent on a rescaled surface. Where the bowl's axes line up with x and y, the "
                + "rescaled bowl is rounder; a rotated bowl stays elongated, since a diagonal rescaling cannot turn it.");
    }
}
