package descent.labs.mupmuon;

import descent.labs.Knob;
import descent.labs.LabSpec;
import descent.labs.Params;
import descent.labs.Preset;
import java.util.ArrayList;
import java.util.List;

/** The lab's knobs, sections and guided experiments: one table the shell turns into controls and the URL. */
public final class MupMuonSpec {
    private MupMuonSpec() {
    }

    public static final List<String> SECTIONS = List.of("race", "ns", "sweep", "coord");
    public static final List<String> SECTION_TITLES = List.of("Muon race", "Newton\u2013Schulz", "muP width sweep",
            "Coordinate check");
    public static final List<String> NS_COEFS = List.of("cubic", "quintic", "custom", "schedule");
    /** Width ranges for the sweep (powers of two between the ends). */
    public static final List<String> SWEEP_WIDTHS = List.of("32-512", "16-256", "32-1024", "64-2048");
    public static final List<String> COORD_WIDTHS = List.of("64-1024", "64-4096", "32-512");

    public static final LabSpec SPEC = new LabSpec("mup-muon", "muP, Muon and Newton\u2013Schulz",
            "Weeks 3\u20134 \u00b7 muP, Muon, Newton\u2013Schulz, RMS norms",
            "Orthogonalise a matrix step by step, race Muon against Adam, and watch muP keep the best learning rate "
                    + "put as networks widen.", knobs(), presets());

    static List<Knob> knobs() {
        List<Knob> k = new ArrayList<>();
        k.add(Knob.choice("section", "Section", "race", SECTIONS, SECTION_TITLES).in("section").live());
        // the race
        k.add(Knob.integer("r_hidden", "Hidden width", 64, 8, 256).in("model")
                .withHelp("Width of the three hidden layers of 256 \u2192 w \u2192 w \u2192 w \u2192 10."));
        k.add(Knob.integer("r_batch", "Batch size", 32, 4, 256).in("model"));
        k.add(Knob.number("r_muon_lr", "Muon learning rate", 0.02, 1e-4, 1, true).in("learning rates").live()
                .withHelp("For the hidden matrices; Muon's other parameters use AdamW's rate."));
        k.add(Knob.number("r_adam_lr", "AdamW learning rate", 3e-3, 1e-5, 0.1, true).in("learning rates").live());
        k.add(Knob.number("r_sgd_lr", "SGD learning rate", 0.05, 1e-4, 2, true).in("learning rates").live()
                .withHelp("Heavy-ball momentum 0.9."));
        k.add(Knob.number("r_sign_lr", "Sign descent rate", 1e-3, 1e-6, 0.01, true).in("learning rates").live());
        k.add(Knob.choice("r_layer", "Layer to inspect", "1", List.of("0", "1", "2", "3"),
                List.of("Input (256 \u2192 w)", "Hidden 1 (w \u2192 w)", "Hidden 2 (w \u2192 w)",
                        "Output (w \u2192 10)")).in("model").live());
        // Newton-Schulz
        k.add(Knob.choice("ns_input", "Input matrix", "spectrum", List.of("spectrum", "gaussian", "momentum"),
                List.of("Chosen spectrum", "Random Gaussian", "Live momentum (race)")).in("input")
                .withHelp("The momentum is the Muon racer's, the matrix its Newton\u2013Schulz really sees."));
        k.add(Knob.integer("ns_rows", "Rows", 64, 2, 256).in("input"));
        k.add(Knob.integer("ns_cols", "Columns", 64, 2, 256).in("input"));
        k.add(Knob.number("ns_smin", "Smallest singular value", 1e-3, 1e-5, 1, true).in("input")
                .withHelp("Relative to the largest: 1 / condition number. Values are spaced evenly in log."));
        k.add(Knob.choice("ns_layer", "Momentum of layer", "1", List.of("1", "2"),
                List.of("Hidden 1", "Hidden 2")).in("input"));
        k.add(Knob.choice("ns_coef", "Coefficients", "quintic", NS_COEFS, List.of("Cubic (1.5, \u22120.5)",
                "Quintic (Muon's)", "Your (a, b, c)", "Your schedule")).in("iteration"));
        k.add(Knob.text("ns_abc", "Your (a, b, c)", "2, -1.5, 0.5", 80).in("iteration")
                .withHelp("Three numbers: p(\u03c3) = a\u03c3 + b\u03c3\u00b3 + c\u03c3\u2075."));
        k.add(Knob.text("ns_schedule", "Your schedule", NsSchedule.POLAR_EXPRESS, 600).in("iteration")
                .withHelp("One a, b, c per step, separated by semicolons; the last repeats. Default: Polar "
                        + "Express (Amsel et al. 2025)."));
        k.add(Knob.integer("ns_steps", "Steps", 5, 1, 10).in("iteration"));
        // the width sweep
        k.add(Knob.choice("s_widths", "Widths", "32-512", SWEEP_WIDTHS, List.of("32 to 512", "16 to 256 (quick)",
                "32 to 1024 (slow)", "64 to 2048 (very slow)")).in("sweep"));
        k.add(Knob.choice("s_opt", "Optimizer", "adam", List.of("adam", "sgd"),
                List.of("Adam", "SGD + momentum")).in("sweep"));
        k.add(Knob.integer("s_lrs", "Learning rates", 9, 3, 15).in("sweep"));
        k.add(Knob.number("s_lr_lo", "Smallest rate", Math.pow(2, -10), 1e-6, 10, true).in("sweep"));
        k.add(Knob.number("s_lr_hi", "Largest rate", Math.pow(2, -2), 1e-6, 10, true).in("sweep"));
        // 40 steps of 16 already show the whole effect (over three seeds standard's best rate falls 5 to 12x from
        // width 32 to 512 while muP's stays within 1.8x; WidthSweepTest) and keep the default sweep under 80 s on a
        // software adapter. Longer runs lower every curve and show it too (200 steps of 32: 5.8x against 1.4x).
        k.add(Knob.integer("s_steps", "Steps per run", 40, 10, 2000).in("sweep"));
        k.add(Knob.integer("s_batch", "Batch size", 16, 4, 256).in("sweep"));
        k.add(Knob.choice("s_base", "muP base width", "32", List.of("16", "32", "64", "128"),
                List.of("16", "32", "64", "128")).in("sweep")
                .withHelp("The width at which muP and standard coincide."));
        // the coordinate check
        k.add(Knob.choice("c_widths", "Widths", "64-1024", COORD_WIDTHS, List.of("64 to 1024",
                "64 to 4096 (slow)", "32 to 512")).in("coordinate check"));
        k.add(Knob.number("c_lr", "Learning rate", 0.01, 1e-5, 1, true).in("coordinate check"));
        k.add(Knob.integer("c_steps", "Steps", 5, 1, 20).in("coordinate check"));
        k.add(Knob.choice("c_opt", "Optimizer", "adam", List.of("adam", "sgd"), List.of("Adam", "SGD"))
                .in("coordinate check"));
        k.add(Knob.bool("c_norm", "RMSNorm before each ReLU", false).in("coordinate check")
                .withHelp("Normalises each hidden vector to RMS 1 (times a learned gain)."));
        k.add(Knob.choice("c_layer", "Layer", "3", List.of("1", "2", "3", "4"),
                List.of("Hidden 1", "Hidden 2", "Hidden 3", "Logits")).in("coordinate check").live());
        k.add(Knob.seed());
        return k;
    }

    static List<Preset> presets() {
        return List.of(
                new Preset("Flat spectra", "Muon's update has every singular value near one; Adam's and SGD's fall "
                        + "off a cliff.", "section=race&r_layer=1"),
                new Preset("Quintic, five steps", "Small singular values shoot up, then everything wobbles in a band "
                        + "around 1 instead of settling.", "section=ns&ns_coef=quintic&ns_steps=5&ns_smin=0.001"),
                new Preset("Cubic converges", "The classic cubic creeps up from small values, then locks onto 1 "
                        + "quadratically.", "section=ns&ns_coef=cubic&ns_steps=10&ns_smin=0.1"),
                new Preset("Polar Express", "A new polynomial each step: aggressive first, converging last.",
                        "section=ns&ns_coef=schedule&ns_steps=7&ns_smin=0.001"),
                new Preset("Real momentum", "The momentum Muon orthogonalises is nearly low-rank: most singular "
                        + "values start tiny.", "section=ns&ns_input=momentum&ns_steps=5"),
                new Preset("muP transfers", "Standard curves slide left as width grows; muP's best rate stays put.",
                        "section=sweep"),
                new Preset("SGD sweep", "With SGD and momentum standard's best rate drifts less (about "
                        + "2\u00d7 from 32 to 512); muP's still stays put.",
                        "section=sweep&s_opt=sgd&s_lr_lo=0.002&s_lr_hi=8"),
                new Preset("Coordinates blow up", "Standard activations grow with width after a few steps; muP's "
                        + "stay flat.", "section=coord&c_layer=4"),
                new Preset("RMSNorm rescues hidden layers", "Normalised hidden vectors stay at RMS 1 in both; the "
                        + "logits still blow up under standard.", "section=coord&c_norm=1&c_layer=4"));
    }

    public static int[] widths(String range) {
        String[] ends = range.split("-");
        int lo = Integer.parseInt(ends[0]), hi = Integer.parseInt(ends[1]);
        List<Integer> out = new ArrayList<>();
        for (int w = lo; w <= hi; w *= 2) out.add(w);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Which section a knob belongs to, so the panel shows only the current section's knobs. */
    public static String sectionOf(String knob) {
        if (knob.equals("section") || knob.equals("seed")) return "all";
        if (knob.startsWith("ns_")) return "ns";
        if (knob.startsWith("s_")) return "sweep";
        if (knob.startsWith("c_")) return "coord";
        return "race";
    }

    /**
     * Whether the panel shows a knob in this section with these settings: the other sections' knobs are hidden, and
     * so are the Newton\u2013Schulz inputs the chosen input or coefficients ignore.
     */
    public static boolean applies(String knob, String section, Params p) {
        String s = sectionOf(knob);
        if (!s.equals("all") && !s.equals(section)) return false;
        String input = p.choice("ns_input");
        return switch (knob) {
            case "ns_rows", "ns_cols" -> !input.equals("momentum");
            case "ns_smin" -> input.equals("spectrum");
            case "ns_layer" -> input.equals("momentum");
            case "ns_abc" -> p.choice("ns_coef").equals("custom");
            case "ns_schedule" -> p.choice("ns_coef").equals("schedule");
            default -> true;
        };
    }

    /** Whether a section must rebuild: any of its non-live knobs, or the seed, differs (or there was no build). */
    public static boolean changed(Params before, Params now, String section) {
        if (before == null) return true;
        for (Knob k : SPEC.knobs()) {
            if (k.live || !(sectionOf(k.name).equals(section) || k.name.equals("seed"))) continue;
            if (!before.get(k.name).equals(now.get(k.name))) return true;
        }
        return false;
    }

    public static WidthSweepExperiment.Config sweepConfig(Params p) {
        double lo = Math.min(p.num("s_lr_lo"), p.num("s_lr_hi")), hi = Math.max(p.num("s_lr_lo"), p.num("s_lr_hi"));
        return new WidthSweepExperiment.Config(widths(p.choice("s_widths")),
                WidthSweepExperiment.logGrid(lo, hi, p.integer("s_lrs")), p.choice("s_opt").equals("adam"),
                p.integer("s_steps"), p.integer("s_batch"), Integer.parseInt(p.choice("s_base")), 8192,
                p.integer("seed"));
    }

    public static CoordCheckExperiment.Config coordConfig(Params p) {
        return new CoordCheckExperiment.Config(widths(p.choice("c_widths")), p.num("c_lr"), p.integer("c_steps"),
                p.bool("c_norm"), p.choice("c_opt").equals("adam"), 64, 32, p.integer("seed"));
    }

    public static MuonRaceExperiment.Config raceConfig(Params p) {
        return new MuonRaceExperiment.Config(p.integer("r_hidden"), p.integer("r_batch"), p.num("r_muon_lr"),
                p.num("r_adam_lr"), p.num("r_sgd_lr"), p.num("r_sign_lr"), 10, p.integer("seed"));
    }
}
