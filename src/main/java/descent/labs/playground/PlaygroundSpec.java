package descent.labs.playground;

import descent.labs.Knob;
import descent.labs.LabSpec;
import descent.labs.Preset;
import java.util.ArrayList;
import java.util.List;

/** The playground's knobs (the URL vocabulary) and its guided experiments, declared once. */
public final class PlaygroundSpec {
    private PlaygroundSpec() {
    }

    public static final List<String> DATASETS = List.of("circles", "xor", "gaussians", "spiral", "moons",
            "checkerboard", "rings", "plane", "multigauss", "custom");
    static final List<String> DATASET_LABELS = List.of("Circles", "XOR", "Gaussians", "Spiral", "Moons",
            "Checkerboard", "Rings", "Plane (regression)", "Multi-Gaussian (regression)", "Your own points");
    public static final List<String> ACTIVATIONS = List.of("relu", "leaky_relu", "tanh", "sigmoid", "gelu",
            "linear");
    static final List<String> ACTIVATION_LABELS = List.of("ReLU", "Leaky ReLU", "tanh", "Sigmoid", "GELU",
            "Linear");
    public static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop",
            "adagrad", "lion", "sign", "muon");
    static final List<String> OPTIMIZER_LABELS = List.of("SGD", "SGD + momentum", "Nesterov", "Adam", "AdamW",
            "RMSProp", "AdaGrad", "Lion", "Sign descent", "Muon");
    public static final List<String> SCHEDULES = List.of("constant", "step", "cosine", "warmup");
    static final List<String> SCHEDULE_LABELS = List.of("Constant", "Halve every N steps", "Cosine decay over N",
            "Warm-up, then cosine");

    /** Custom points travel in the URL; this bounds them (6 characters per point, see {@link PointCodec}). */
    public static final int MAX_CUSTOM_POINTS = 1000;

    public static final LabSpec SPEC = new LabSpec("playground", "Neural network playground",
            "Week 1 \u00b7 SGD, MLPs, backprop, local linearity",
            "Train a small network on 2-D data and watch every neuron, region and gradient.", knobs(), presets());

    private static List<Knob> knobs() {
        List<Knob> k = new ArrayList<>();
        k.add(Knob.choice("data", "Dataset", "circles", DATASETS, DATASET_LABELS).in("data")
                .withHelp("Which points to learn; regression sets ask for a value instead of a class."));
        k.add(Knob.integer("classes", "Classes", 2, 2, 6).in("data")
                .withHelp("For gaussians, spiral, checkerboard and rings: 2 is binary, more is softmax multiclass."));
        k.add(Knob.integer("n", "Points", 400, 40, 2000).in("data"));
        k.add(Knob.number("noise", "Noise", 0, 0, 0.5, false).in("data")
                .withHelp("Standard deviation of the jitter added to every point, in units of the plane."));
        k.add(Knob.number("test", "Test share", 0.5, 0.1, 0.9, false).in("data")
                .withHelp("Fraction of points held out to measure generalisation."));
        k.add(Knob.integer("batch", "Batch size", 10, 1, 100).in("data").live());
        k.add(Knob.integer("dseed", "Data seed", 1, 0, 999_999).in("data")
                .withHelp("\u201cRegenerate\u201d draws new points by changing this."));
        k.add(Knob.text("pts", "Custom points", "", PointCodec.maxChars(MAX_CUSTOM_POINTS)).in("data").live().internal()
                .withHelp("Your drawn or imported points, packed for the link."));
        for (Features f : Features.values()) {
            k.add(Knob.bool(f.knob, f.label, f == Features.X1 || f == Features.X2).in("features"));
        }
        k.add(Knob.text("hidden", "Hidden layers", "4,2", 40).in("network")
                .withHelp("Neurons per hidden layer, e.g. 8,8,4 (at most 8 layers of 64); empty for none."));
        k.add(Knob.choice("act", "Activation", "tanh", ACTIVATIONS, ACTIVATION_LABELS).in("network"));
        k.add(Knob.bool("residual", "Residual connections", false).in("network")
                .withHelp("Hidden layers whose input and output widths match add their input: h + f(h)."));
        k.add(Knob.number("dropout", "Dropout", 0, 0, 0.9, false).in("network").live()
                .withHelp("Probability of zeroing each hidden activation during training (never when drawing)."));
        k.add(Knob.choice("opt", "Optimizer", "sgd", OPTIMIZERS, OPTIMIZER_LABELS).in("training"));
        k.add(Knob.number("lr", "Learning rate", 0.03, 1e-5, 10, true).in("training").live());
        k.add(Knob.number("beta1", "Momentum / \u03b2\u2081", 0.9, 0, 0.999, false).in("training").live()
                .withHelp("Momentum for SGD+momentum, Nesterov and Muon; \u03b2\u2081 for Adam, AdamW and Lion."));
        k.add(Knob.number("beta2", "\u03b2\u2082 / \u03c1", 0.999, 0.5, 0.9999, false).in("training").live()
                .withHelp("\u03b2\u2082 for Adam, AdamW and Lion; \u03c1 for RMSProp."));
        k.add(Knob.number("wd", "Weight decay", 0, 0, 0.5, false).in("training").live()
                .withHelp("The optimizer's own decay (decoupled in AdamW), separate from the L1/L2 penalty."));
        k.add(Knob.choice("sched", "Learning-rate schedule", "constant", SCHEDULES, SCHEDULE_LABELS).in("training"));
        k.add(Knob.integer("decay", "Schedule length N", 1000, 10, 100_000).in("training"));
        k.add(Knob.seed());
        k.add(Knob.choice("reg", "Regularization", "none", List.of("none", "l1", "l2"), List.of("None", "L1", "L2"))
                .in("regularization").live());
        k.add(Knob.number("reg_rate", "Regularization rate", 0.001, 1e-5, 1, true).in("regularization").live());
        k.add(Knob.bool("show_test", "Show test data", false).in("view").live());
        k.add(Knob.bool("discrete", "Discretize output", false).in("view").live());
        k.add(Knob.bool("regions", "Colour linear regions", false).in("view").live()
                .withHelp("Colour the plane by which ReLUs are on: each colour is one piece where the net is linear."));
        return k;
    }

    private static List<Preset> presets() {
        return List.of(
                new Preset("A linear model fails on XOR", "With no hidden layer the boundary is a straight line: "
                        + "about half the points stay wrong however long it trains.", "data=xor&hidden=&lr=0.1"),
                new Preset("Adding x\u2081x\u2082 fixes it", "One product feature makes XOR linearly separable: "
                        + "the same linear model now drives the loss toward zero.",
                        "data=xor&hidden=&x1x2=1&lr=0.1"),
                new Preset("Too large a learning rate diverges", "On a squared-error loss each step overshoots the "
                        + "valley by more than it gains: the loss grows geometrically and training stops with a "
                        + "message. Try lr = 0.3 for contrast.", "data=plane&lr=3"),
                new Preset("Depth multiplies linear regions", "Each ReLU layer folds the plane again: watch the "
                        + "region count grow with depth, then compare one wide layer.",
                        "data=spiral&hidden=12,12,12&act=relu&opt=adam&lr=0.01&regions=1"),
                new Preset("Dropout smooths an overfit boundary", "Few noisy points and a big net: without dropout "
                        + "the boundary chases every point; with it, it stays smooth. Toggle dropout to compare.",
                        "data=circles&n=80&noise=0.3&hidden=48,48&act=relu&opt=adam&lr=0.01&dropout=0.5"
                                + "&show_test=1"),
                new Preset("Backprop, step by step", "Open \u201cStep through backprop\u201d under the network "
                        + "to follow one example forward, to the loss, backward and into the update.",
                        "data=xor&hidden=3&act=tanh&lr=0.3&batch=4"));
    }
}
