package descent.labs.generative;

import descent.ui.Dom;
import descent.ui.Figure;
import descent.ui.Fmt;
import descent.ui.MathML;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;

/**
 * "What one step computes": the update rule of the sampler in use, once in symbols and once with the numbers of the
 * step on screen, and what it did to the particles. It is the same arithmetic the sampler runs, read from it.
 */
final class StepAnatomy {
    private final Figure fig;
    private final HTMLElement symbolic, numeric, facts;
    private String shownKey = "";

    StepAnatomy(HTMLElement parent) {
        fig = new Figure(parent, "step", "What one step computes");
        HTMLElement box = Dom.add(fig.body(), "div.anatomy");
        symbolic = Dom.add(box, "div.formula");
        numeric = Dom.add(box, "div.formula.numbers");
        facts = Dom.add(box, "dl.facts");
        fig.caption("The step that led to the particles the sampler shows (at the start: the first step to come). "
                + "Move the scrubber to read any step.");
    }

    HTMLElement root() {
        return fig.root();
    }

    /** Shows step {@code shown} of sampler s (the step that led to frame {@code shown}). */
    void show(StepSampler s, int shown) {
        int i = Math.max(0, Math.min(s.steps - 1, shown - 1));
        String key = System.identityHashCode(s) + ":" + i + ":" + s.done();
        if (key.equals(shownKey)) return;
        shownKey = key;
        Dom.clear(facts);
        if (s instanceof DiffusionSampler d) diffusion(d, i);
        else if (s instanceof FlowSampler f) flow(f, i);
        int k = s.frameAt(Math.min(s.done(), i + 1));
        float[] pos = s.frame(k), est = s.estimate(k);
        fact("particles", s.n + " in " + s.dim + "-D");
        fact("spread of particles (std)", Fmt.sig(std(pos), 3));
        if (est != null) fact("mean distance to the guess", Fmt.sig(meanDistance(pos, est, s.dim), 3));
    }

    private void diffusion(DiffusionSampler d, int i) {
        double[] c = d.coefficients(i);
        String s = Integer.toString((int) c[1]);
        boolean ddpm = d.method() == DiffusionSampler.Method.DDPM;
        Element sym = MathML.row(x("s"), MathML.op("="), MathML.sub(MathML.id("c"), MathML.num("1")), x0(),
                MathML.op("+"));
        sym.appendChild(MathML.row(MathML.sub(MathML.id("c"), MathML.num("2")), ddpm ? x("t") : epsHat()));
        sym.appendChild(MathML.op("+"));
        sym.appendChild(MathML.row(MathML.id("\u03c3"), MathML.id("z")));
        MathML.show(symbolic, MathML.math(true, sym));
        Element num = MathML.row(x(s), MathML.op("="));
        MathML.addTerm(num, c[4], x0(), true);
        MathML.addTerm(num, c[5], ddpm ? x(Integer.toString((int) c[0])) : epsHat(), false);
        if (c[6] > 0) MathML.addTerm(num, c[6], MathML.id("z"), false);
        MathML.show(numeric, MathML.math(true, num));
        fact("step", (i + 1) + " of " + d.steps + ": from t = " + (int) c[0] + " to t = " + s);
        fact("sampler", ddpm ? "DDPM: posterior mean of q(x_s | x_t, x\u0302\u2080) plus noise" : "DDIM: move along \u03b5\u0302, "
                        + (c[6] > 0 ? "plus some fresh noise" : "no fresh noise (deterministic)"));
        fact("\u1fb1 at t and s", Fmt.sig(c[2], 3) + " \u2192 " + Fmt.sig(c[3], 3));
        fact("noise added \u03c3", Fmt.sig(c[6], 3));
    }

    private void flow(FlowSampler f, int i) {
        double t = f.time(i), h = 1.0 / f.steps;
        boolean heun = f.solver() == FlowSampler.Solver.HEUN;
        String tn = Fmt.sig(t, 3), tn1 = Fmt.sig(t + h, 3);
        Element sym = MathML.row(xt("t+h"), MathML.op("="), xt("t"), MathML.op("+"));
        if (heun) {
            sym.appendChild(MathML.frac(MathML.id("h"), MathML.num("2")));
            sym.appendChild(MathML.row(MathML.op("("), v("t", xt("t")), MathML.op("+"), v("t+h", MathML.id("x\u2032")),
                    MathML.op(")")));
        } else {
            sym.appendChild(MathML.row(MathML.id("h"), v("t", xt("t"))));
        }
        MathML.show(symbolic, MathML.math(true, sym));
        Element num = MathML.row(xt(tn1), MathML.op("="), xt(tn), MathML.op("+"));
        if (heun) {
            num.appendChild(MathML.num(h / 2));
            num.appendChild(MathML.row(MathML.op("("), v(tn, xt(tn)), MathML.op("+"), v(tn1, MathML.id("x\u2032")),
                    MathML.op(")")));
        } else {
            num.appendChild(MathML.row(MathML.num(h), v(tn, xt(tn))));
        }
        MathML.show(numeric, MathML.math(true, num));
        fact("step", (i + 1) + " of " + f.steps + ": from t = " + tn + " to t = " + tn1);
        fact("solver", heun ? "Heun: an Euler step to x\u2032, then the average of the two velocities"
                : "Euler: follow the velocity where you stand");
        fact("network evaluations per step", Integer.toString(f.evaluationsPerStep()));
    }

    private static Element x(String index) {
        return MathML.sub(MathML.id("x"), MathML.id(index));
    }

    private static Element xt(String index) {
        return MathML.sub(MathML.id("x"), MathML.id(index));
    }

    private static Element x0() {
        return MathML.sub(MathML.el("mover", MathML.id("x"), MathML.op("^")), MathML.num("0"));
    }

    private static Element epsHat() {
        return MathML.el("mover", MathML.id("\u03b5"), MathML.op("^"));
    }

    private static Element v(String t, Element at) {
        return MathML.row(MathML.id("v"), MathML.op("("), at, MathML.op(","), MathML.id(t), MathML.op(")"));
    }

    private void fact(String name, String value) {
        Dom.add(facts, "dt", name);
        Dom.add(facts, "dd", value);
    }

    static double std(float[] p) {
        double m = 0, s = 0;
        for (float v : p) m += v;
        m /= p.length;
        for (float v : p) s += (v - m) * (v - m);
        return Math.sqrt(s / p.length);
    }

    static double meanDistance(float[] a, float[] b, int dim) {
        int n = a.length / dim;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = 0;
            for (int k = 0; k < dim; k++) d += (a[i * dim + k] - b[i * dim + k]) * (a[i * dim + k] - b[i * dim + k]);
            sum += Math.sqrt(d);
        }
        return sum / n;
    }
}
