package descent.labs.optimizers;

import descent.labs.Knob;
import descent.labs.LabSpec;
import descent.labs.Params;
import descent.labs.Preset;
import java.util.ArrayList;
import java.util.List;

/** The lab's knobs, sections and guided experiments: one table, which the shell turns into controls and the URL. */
public final class OptimizersSpec {
    private OptimizersSpec() {
    }

    public static final List<String> SECTIONS = List.of("races", "momentum", "implicit", "norms");
    public static final List<String> SECTION_TITLES = List.of("Races", "Momentum theory", "Implicit bias",
            "Norms");
    /** Racers on by default: the three every course compares first. */
    static final List<Method> DEFAULT_ON = List.of(Method.GD, Method.MOMENTUM, Method.ADAM);

    public static final LabSpec SPEC = new LabSpec("optimizers", "Optimizers and their geometry",
            "Weeks 1\u20133 \u00b7 SGD, momentum, Adam, implicit regularization, norms",
            "Race optimizers across loss surfaces, see why momentum works, which solution each optimizer picks, and "
                    + "what \u201csteepest\u201d means under each norm.", knobs(), presets());

    static List<Knob> knobs() {
        List<Knob> k = new ArrayList<>();
        k.add(Knob.choice("section", "Section", "races", SECTIONS, SECTION_TITLES).in("section").live());
        k.add(Knob.choice("surface", "Surface", "quadratic", Surfaces.IDS, Surfaces.TITLES).in("surface"));
        k.add(Knob.text("fn", "Your function f(x, y)", Surfaces.DEFAULT_CUSTOM, Expr.MAX_LENGTH).in("surface")
                .withHelp("Used when the surface is \u201cYour function\u201d. + \u2212 \u00d7 \u00f7 ^, sin cos exp "
                        + "log sqrt abs tanh, pi, e."));
        k.add(Knob.number("kappa", "Condition number \u03ba", 10, 1, 1000, true).in("surface")
                .withHelp("Ratio of the quadratic's steepest to shallowest curvature."));
        k.add(Knob.number("angle", "Rotation (degrees)", 30, 0, 180, false).in("surface"));
        k.add(Knob.number("x0", "Start x", -2.6, -5, 5, false).in("surface").withHelp("Or drag the start point."));
        k.add(Knob.number("y0", "Start y", 1.7, -5, 5, false).in("surface"));
        k.add(Knob.integer("steps", "Race length (steps)", 300, 10, 5000).in("surface"));
        k.add(Knob.number("noise", "Gradient noise \u03c3", 0, 0, 20, false).in("noise")
                .withHelp("Adds \u03c3\u00b7N(0, 1) to each gradient coordinate."));
        k.add(Knob.integer("batch", "Mini-batch size (of 64)", 64, 1, 64).in("noise")
                .withHelp("Below 64 the gradient is the mean over a random batch of 64 examples: SGD for real."));
        for (Method m : Method.values()) {
            String g = m.label;
            k.add(Knob.bool(m.key, "Race " + m.label, DEFAULT_ON.contains(m)).in(g));
            k.add(Knob.number(m.key + "_lr", "Learning rate", m.defaultLr, 1e-5, 10, true).in(g));
            if (m.hasBeta1()) {
                String label = m == Method.RMSPROP ? "\u03c1 (square decay)" : m == Method.ADAM || m == Method.LION
                        ? "\u03b2\u2081" : "Momentum \u03b2";
                k.add(Knob.number(m.key + "_b1", label, m.defaultBeta1, 0, 0.999, false).in(g));
            }
            if (m.hasBeta2()) k.add(Knob.number(m.key + "_b2", "\u03b2\u2082", m.defaultBeta2, 0, 0.9999, false).in(g));
        }
        k.add(Knob.number("m_kappa", "Condition number \u03ba", 100, 1, 10000, true).in("momentum theory"));
        k.add(Knob.integer("m_dims", "Eigen-directions", 6, 2, 12).in("momentum theory"));
        k.add(Knob.number("m_alpha", "Step size \u03b1", 1, 0.001, 4, true).in("momentum theory"));
        k.add(Knob.number("m_beta", "Momentum \u03b2", 0.5, 0, 0.999, false).in("momentum theory"));
        k.add(Knob.choice("i_problem", "Problem", "ls2", List.of("ls2", "lsn", "margin"), List.of(
                "Least squares, 2-D", "Least squares, many dimensions", "Separable logistic regression"))
                .in("implicit bias"));
        k.add(Knob.number("i_angle", "Equation's normal (degrees)", 20, 0, 90, false).in("implicit bias"));
        k.add(Knob.number("i_x0", "Start x\u2081", 0, -2, 2, false).in("implicit bias"));
        k.add(Knob.number("i_y0", "Start x\u2082", 0, -2, 2, false).in("implicit bias"));
        k.add(Knob.integer("i_m", "Equations M", 5, 1, 20).in("implicit bias"));
        k.add(Knob.integer("i_n", "Unknowns N", 20, 2, 60).in("implicit bias"));
        k.add(Knob.number("i_init", "Initial scale", 0, 0, 2, false).in("implicit bias")
                .withHelp("0 starts at the origin; more starts at a random point this far out."));
        k.add(Knob.number("g_x", "Gradient g\u2081", 2, -3, 3, false).in("norms"));
        k.add(Knob.number("g_y", "Gradient g\u2082", 0.8, -3, 3, false).in("norms"));
        k.add(Knob.text("w", "Weight W (a b c d)", "1.6 0.6 -0.3 0.8", 80).in("norms")
                .withHelp("Four numbers, row by row; drag the arrow tips in the figure."));
        k.add(Knob.integer("d_in", "Layer d_in", 256, 1, 1024).in("norms"));
        k.add(Knob.integer("d_out", "Layer d_out", 64, 1, 1024).in("norms"));
        k.add(Knob.seed());
        return k;
    }

    static List<Preset> presets() {
        return List.of(
                new Preset("Ill-conditioned bowl", "GD zig-zags across the narrow direction; momentum and Adam cut "
                        + "along it.", "section=races&surface=quadratic&kappa=50&angle=30&gd_lr=0.035&mom_lr=0.02"),
                new Preset("Rosenbrock's banana", "Everyone finds the valley fast; watch who makes progress along its "
                        + "flat floor.", "section=races&surface=rosenbrock&x0=-1.2&y0=2.2&steps=2000&gd_lr=0.001"
                        + "&mom_lr=0.0005&adam_lr=0.03"),
                new Preset("Escape the saddle", "Started on the ridge, GD crawls; noise or momentum tip it off.",
                        "section=races&surface=saddle&x0=-1.9&y0=0.001&gd_lr=0.1&mom_lr=0.05&noise=0.05"),
                new Preset("Noisy SGD", "Small batches make the path jitter; the noise never shrinks at a fixed step.",
                        "section=races&surface=himmelblau&x0=-0.3&y0=-0.9&batch=4&gd_lr=0.01&mom_lr=0.002"
                        + "&adam_lr=0.1"),
                new Preset("Critical damping", "At Polyak's \u03b1 and \u03b2 every eigen-direction shrinks at the "
                        + "same, best rate.", "section=momentum&m_kappa=100&m_alpha=3.3058&m_beta=0.6694"),
                new Preset("Too much momentum", "With \u03b2 near 1 the error spirals: the rate is \u221a\u03b2 for "
                        + "every direction.", "section=momentum&m_beta=0.97"),
                new Preset("Minimum-norm solution", "GD from zero lands on the point of the line nearest the origin; "
                        + "sign descent lands on the diagonal.", "section=implicit&i_problem=ls2"),
                new Preset("Max-margin, slowly", "GD's direction crawls toward the widest \u2113\u2082 margin; sign "
                        + "descent heads for the \u2113\u221e one.", "section=implicit&i_problem=margin"),
                new Preset("Muon's direction", "The spectral-norm steepest step sets every singular value to 1.",
                        "section=norms&w=1.6%200.6%20-0.3%200.8"));
    }

    /** The racers switched on, with their settings. */
    public static List<Method.Setting> racers(Params p) {
        List<Method.Setting> out = new ArrayList<>();
        for (Method m : Method.values()) {
            if (!p.bool(m.key)) continue;
            out.add(new Method.Setting(m, p.num(m.key + "_lr"), m.hasBeta1() ? p.num(m.key + "_b1") : Double.NaN,
                    m.hasBeta2() ? p.num(m.key + "_b2") : Double.NaN));
        }
        return out;
    }

    /** Which section a knob belongs to, so the panel shows only the current section's knobs. */
    public static String sectionOf(String knob) {
        if (knob.equals("section") || knob.equals("seed")) return "all";
        if (knob.startsWith("m_")) return "momentum";
        if (knob.startsWith("i_")) return "implicit";
        if (knob.startsWith("g_") || knob.equals("w") || knob.startsWith("d_")) return "norms";
        return "races";
    }

    /** Parses the 2×2 weight text "a b c d"; null when it is not four finite numbers of sane size. */
    public static double[] parseMatrix(String text) {
        String[] parts = text.trim().split("[\\s,;]+");
        if (parts.length != 4) return null;
        double[] w = new double[4];
        for (int i = 0; i < 4; i++) {
            double v = descent.labs.HashState.parseNumber(parts[i].replace('\u2212', '-'));
            if (Double.isNaN(v) || Math.abs(v) > 100) return null;
            w[i] = v;
        }
        return w;
    }
}
