package descent.labs.optimizers;

import descent.labs.Params;
import descent.tensor.Backend;
import descent.ui.Dom;
import descent.ui.Fmt;
import descent.ui.Js;
import descent.ui.LabContext;
import descent.ui.MathML;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The races: a contour map with every racer's trail from one draggable start, loss and distance charts on log axes,
 * and the locally linear view at a tapped point (first- and second-order models, one step of each optimizer, and the
 * bowl Adam sees after its diagonal rescaling).
 */
final class RaceView {
    private final LabContext ctx;
    private final Backend backend;
    final HTMLElement root;
    private final Plot map, loss, dist, local;
    private final HTMLElement formula, error, legend, localText;
    private RaceExperiment race;
    private Surface surface;
    private String lastGoodFn = Surfaces.DEFAULT_CUSTOM;
    private double[] probe;
    private boolean dragging;
    private LocalModel model;

    RaceView(LabContext ctx, Backend backend, HTMLElement parent) {
        this.ctx = ctx;
        this.backend = backend;
        root = Dom.add(parent, "section.optim-section.optim-races");
        map = new Plot(root, "wide.race-map", 0.72, "");
        map.ml = 0;
        map.mb = 0;
        map.mr = 0;
        map.mt = 0;
        Dom.clear(map.caption);
        formula = Dom.add(map.caption, "div.optim-formula");
        error = Dom.add(map.caption, "div.fn-error");
        error.setAttribute("role", "alert");
        error.setHidden(true);
        legend = Dom.add(map.caption, "ul.race-legend");
        Dom.add(map.caption, "p.hint", "Drag the white start point to race again; tap anywhere else for the local "
                + "view below.");
        map.onPointer(this::pointer);
        map.onResize(() -> {
            paintSurface();
            ctx.requestRender();
        });
        loss = chart("Loss above the minimum, f \u2212 f*, per step (log scale).");
        dist = chart("Distance to the nearest minimum per step (log scale).");
        local = new Plot(root, "wide.race-local", 0.5, "");
        Dom.clear(local.caption);
        localText = Dom.add(local.caption, "div.local-text");
        local.onResize(ctx::requestRender);
    }

    private Plot chart(String caption) {
        Plot p = new Plot(root, "race-chart", 0.62, caption);
        p.ml = 44;
        p.mb = 34;
        p.logY = true;
        p.onResize(ctx::requestRender);
        return p;
    }

    /** Rebuilds the race; a typed function that does not parse leaves the current race untouched and says why. */
    void reset(Params p) {
        Surface next;
        String fn = p.text("fn");
        try {
            next = Surfaces.byId(p.choice("surface"), p.num("kappa"), p.num("angle"), fn);
            if (p.choice("surface").equals("custom")) lastGoodFn = fn;
            showError(null, fn);
        } catch (Expr.SyntaxError e) {
            showError(e, fn);
            if (race != null) return; // nothing else changes
            next = Surfaces.custom(lastGoodFn);
        }
        boolean newSurface = surface == null || !surface.formula().equals(next.formula());
        surface = next;
        if (race != null) race.release();
        race = new RaceExperiment(backend, surface, OptimizersSpec.racers(p), p.num("x0"), p.num("y0"),
                p.num("noise"), p.integer("batch"), p.integer("steps"), p.integer("seed"));
        if (newSurface || probe == null) probe = new double[] {p.num("x0"), p.num("y0")};
        if (newSurface) paintSurface();
        Dom.clear(formula);
        Formulas.show(formula, MathML.row(MathML.id("f"), MathML.paren(MathML.row(MathML.id("x"), MathML.op(","),
                MathML.id("y"))), MathML.op("="), Formulas.formula(surface.f())));
        model = null;
    }

    private void showError(Expr.SyntaxError e, String fn) {
        error.setHidden(e == null);
        Dom.clear(error);
        if (e == null) return;
        Dom.add(error, "strong", "Your function was not applied: " + e.problem + ".");
        String shown = fn.length() > 60 ? fn.substring(Math.max(0, Math.min(e.position, fn.length()) - 30)) : fn;
        int caret = fn.length() > 60 ? Math.min(30, e.position) : e.position;
        HTMLElement pre = Dom.add(error, "pre.fn-caret");
        Dom.text(pre, shown.substring(0, Math.min(shown.length(), 60)) + "\n" + " ".repeat(Math.max(0, caret)) + "^");
        Dom.add(error, "span", "Column " + (e.position + 1) + ". The race below still uses the last formula that "
                + "worked.");
    }

    void step() {
        race.step();
    }

    boolean finished() {
        return race != null && race.done();
    }

    long steps() {
        return race.steps();
    }

    String divergence() {
        return race.allDiverged() ? "Every racer diverged by step " + race.steps() + " \u2014 try smaller learning "
                + "rates for this surface." : null;
    }

    void release() {
        if (race != null) race.release();
    }

    // ---- input ------------------------------------------------------------------------------------------------

    private void pointer(double x, double y, int phase) {
        double grab = (map.x1 - map.x0) * 0.06;
        if (phase == 0) {
            dragging = Math.hypot(x - race.racers().get(0).x(0), y - race.racers().get(0).y(0)) < grab
                    || race.racers().isEmpty();
        }
        if (dragging) {
            if (phase == 2) dragging = false;
            double cx = clamp(x, -5, 5), cy = clamp(y, -5, 5);
            double rx = Math.round(cx * 100) / 100.0, ry = Math.round(cy * 100) / 100.0;
            probe = new double[] {rx, ry};
            ctx.post(() -> {
                ctx.setKnob("x0", rx);
                ctx.setKnob("y0", ry);
            });
        } else if (phase == 0) {
            probe = new double[] {x, y};
            model = null;
            ctx.requestRender();
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    // ---- drawing ----------------------------------------------------------------------------------------------

    private void paintSurface() {
        if (surface == null) return;
        double[] b = surface.box();
        map.window(b[0], b[1], b[2], b[3]);
        int w = (int) Math.min(360, map.width), h = (int) Math.round(w * map.height / map.width);
        boolean dark = Js.media("(prefers-color-scheme: dark)");
        map.background(Shade.render(surface::value, b, w, h, surface.floor(), dark, Shade.palette(dark)[2], true), w,
                h);
    }

    void render() {
        if (race == null) return;
        map.begin();
        map.drawBackground();
        String fg = Plot.css("--fg");
        for (double[] m : surface.minima()) {
            map.label("\u2605", map.px(m[0]), map.py(m[1]), fg, "center");
        }
        for (Racer r : race.racers()) trail(r);
        if (!race.racers().isEmpty()) {
            Racer r = race.racers().get(0);
            map.dot(r.x(0), r.y(0), 8, "#ffffff", "#17202f");
        }
        if (probe != null) map.dot(probe[0], probe[1], 5, "rgba(0,0,0,0)", fg);
        legend();
        series(loss, true);
        series(dist, false);
        renderLocal();
    }

    private void trail(Racer r) {
        map.g.setStrokeStyle(r.method().color);
        map.g.setLineWidth(2.5);
        map.g.setLineJoin("round");
        map.g.beginPath();
        int n = r.size();
        int end = r.diverged() ? r.divergedAt() : n;
        for (int t = 0; t < end; t++) {
            double x = map.px(r.x(t)), y = map.py(r.y(t));
            if (t == 0) map.g.moveTo(x, y);
            else map.g.lineTo(x, y);
        }
        map.g.stroke();
        if (end > 0) map.dot(r.x(end - 1), r.y(end - 1), 5.5, r.method().color, "#ffffff");
    }

    private void legend() {
        Dom.clear(legend);
        for (Racer r : race.racers()) {
            HTMLElement li = Dom.add(legend, "li");
            HTMLElement sw = Dom.add(li, "span.swatch");
            sw.setAttribute("data-color", r.method().key);
            Dom.add(li, "strong", r.method().label);
            int t = r.size() - 1;
            Dom.add(li, "span", r.diverged() ? " diverged at step " + r.divergedAt() + " (learning rate "
                    + Fmt.sig(r.setting.lr(), 2) + " is too large here)" : " f = " + Fmt.sig(r.loss(t), 3)
                    + (Double.isNaN(r.distance(t)) ? "" : ", " + Fmt.sig(r.distance(t), 2) + " from a minimum"));
        }
        if (race.racers().isEmpty()) Dom.add(legend, "li", "No racer is switched on: tick one in the panel.");
        String state = race.done() ? "Finished after " + race.steps() + " steps." : "Step " + race.steps() + " of "
                + race.maxSteps + ".";
        Dom.add(legend, "li.race-status", state + (race.stochastic() ? " Stochastic gradients (seed "
                + ctx.params().integer("seed") + ")." : ""));
    }

    /** A per-step series of every racer on a log axis: loss above the floor, or distance to a minimum. */
    private void series(Plot p, boolean isLoss) {
        int n = race.steps() + 1;
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (Racer r : race.racers()) {
            int end = r.diverged() ? r.divergedAt() : r.size();
            for (int t = 0; t < end; t++) {
                double v = value(r, t, isLoss);
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        p.begin();
        if (!(hi > 0)) {
            p.label(isLoss ? "No loss to show yet." : "No known minimum on this surface.", p.width / 2,
                    p.height / 2, Plot.css("--muted"), "center");
            return;
        }
        lo = Math.pow(10, Math.floor(Math.log10(Math.max(lo, hi * 1e-12))));
        hi = Math.pow(10, Math.ceil(Math.log10(hi)));
        if (hi <= lo) hi = lo * 10;
        p.window(0, Math.max(n - 1, 1), lo, hi);
        p.axes("step", isLoss ? "f \u2212 f*" : "distance");
        for (Racer r : race.racers()) {
            int end = r.diverged() ? r.divergedAt() : r.size();
            p.g.setStrokeStyle(r.method().color);
            p.g.setLineWidth(2);
            p.g.beginPath();
            boolean pen = false;
            int stride = Math.max(1, end / 600);
            for (int t = 0; t < end; t += stride) {
                double v = Math.max(value(r, t, isLoss), lo);
                if (!Double.isFinite(v)) continue;
                if (pen) p.g.lineTo(p.px(t), p.py(v));
                else p.g.moveTo(p.px(t), p.py(v));
                pen = true;
            }
            p.g.stroke();
        }
    }

    private double value(Racer r, int t, boolean isLoss) {
        return isLoss ? r.loss(t) - surface.floor() : r.distance(t);
    }

    /** The local models at the probe point, and Adam's rescaled bowl beside them. */
    private void renderLocal() {
        if (probe == null) return;
        if (model == null) {
            model = new LocalModel(backend, surface, probe[0], probe[1], OptimizersSpec.racers(ctx.params()));
        }
        LocalView.draw(local, localText, model, surface, race, ctx.params());
    }

    List<Racer> racers() {
        return race.racers();
    }
}
