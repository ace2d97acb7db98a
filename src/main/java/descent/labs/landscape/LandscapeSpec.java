package descent.labs.landscape;

import descent.labs.Knob;
import descent.labs.LabSpec;
import descent.labs.Preset;
import java.util.List;

/** The landscape lab's identity, knobs and guided experiments (pure: the experiment and tests read it too). */
public final class LandscapeSpec {
    private LandscapeSpec() {
    }

    static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "adam");
    static final List<String> OPTIMIZER_LABELS = List.of("SGD", "Momentum (\u03b2 = 0.9)", "Adam");
    static final List<String> BATCHES = List.of("8", "16", "32", "64", "128", "full");

    public static final LabSpec SPEC = new LabSpec("landscape", "Loss landscapes", "Weeks 1\u20133 \u00b7 loss "
            + "landscapes and sharpness",
            "Slices and surfaces of the loss around the network you are training, the path it took, and its "
            + "sharpness against 2/\u03b7.",
            List.of(
                Knob.choice("data", "Dataset", "spiral", List.of("spiral", "circles", "xor", "moons", "shapes"),
                        List.of("Spiral", "Circles", "XOR", "Moons", "Shapes (images, CNN)")).in("network")
                        .withHelp("2-D points train an MLP; the 16 \u00d7 16 shape images train a small CNN."),
                Knob.integer("points", "Training points", 512, 64, 2048).in("network")
                        .withHelp("The landscape is the loss on all of them; a test set of half as many is kept apart."),
                Knob.integer("width", "Width", 32, 4, 96).in("network")
                        .withHelp("Units per hidden layer (the CNN uses width/4 and width/2 channels)."),
                Knob.integer("depth", "Hidden layers", 2, 1, 4).in("network"),
                Knob.choice("act", "Activation", "relu", List.of("relu", "tanh"), List.of("ReLU", "tanh"))
                        .in("network"),
                Knob.choice("opt", "Optimizer", "sgd", OPTIMIZERS, OPTIMIZER_LABELS).in("training"),
                Knob.number("lr", "Learning rate \u03b7", 0.5, 0.0001, 4, true).in("training"),
                Knob.choice("batch", "Batch size", "32", BATCHES).in("training")
                        .withHelp("\u201cfull\u201d is gradient descent on the whole training set."),
                Knob.integer("warmup", "Warm-up steps", 0, 0, 2000).in("training")
                        .withHelp("The learning rate grows linearly from \u03b7/warm-up to \u03b7 over these steps."),
                Knob.integer("steps", "Train for (steps)", 1500, 20, 20000).in("training"),
                Knob.seed(),
                Knob.choice("norm", "Direction scaling", "filter", List.of("filter", "layer", "none"),
                        List.of("Per filter (Li et al.)", "Per layer", "None (raw Gaussian)")).in("landscape").live()
                        .withHelp("Per filter: each direction's filter has the norm of the weights' filter, so "
                                + "pictures of different networks compare."),
                Knob.number("range", "Range \u00b1", 1, 0.05, 5, true).in("landscape").live()
                        .withHelp("How far the slice reaches along each direction, in units of the weights' scale."),
                Knob.choice("res", "Resolution", "65", List.of("17", "33", "65", "129"),
                        List.of("17 \u00d7 17", "33 \u00d7 33", "65 \u00d7 65", "129 \u00d7 129")).in("landscape")
                        .live(),
                Knob.integer("dseed", "Direction seed", 1, 0, 999_999).in("landscape").live()
                        .withHelp("Picks the two random directions; the same seed gives the same slice."),
                Knob.bool("logscale", "Log colour scale", true).in("landscape").live(),
                Knob.choice("from", "Interpolate from", "0", List.of("0", "25", "50", "75"),
                        List.of("initial weights", "25% of training", "50% of training", "75% of training"))
                        .in("landscape").live(),
                Knob.integer("every", "Sharpness every (steps)", 20, 0, 500).in("sharpness")
                        .withHelp("0 turns the measurement off. Each one costs a few Hessian-vector products."),
                Knob.integer("eigs", "Top eigenvalues", 1, 1, 3).in("sharpness"),
                Knob.bool("compare", "Train a second run", false).in("compare")
                        .withHelp("Run B starts from the same weights and sees the same data; only these differ."),
                Knob.choice("b_opt", "B: optimizer", "sgd", OPTIMIZERS, OPTIMIZER_LABELS).in("compare"),
                Knob.number("b_lr", "B: learning rate \u03b7", 0.5, 0.0001, 4, true).in("compare"),
                Knob.choice("b_batch", "B: batch size", "full", BATCHES).in("compare"),
                Knob.integer("b_warmup", "B: warm-up steps", 0, 0, 2000).in("compare")),
            List.of(
                new Preset("Edge of stability", "full-batch gradient descent: the sharpness climbs until it meets "
                        + "2/\u03b7, then hovers there while the loss keeps falling, unevenly.",
                        "batch=full&lr=1&steps=2500&every=10"),
                new Preset("Small vs large batch", "same start and learning rate; compare the final sharpness and "
                        + "how wide the two valleys are in the slices.",
                        "batch=16&compare=1&b_batch=full&steps=2000"),
                new Preset("SGD vs Adam", "Adam ignores 2/\u03b7 and often ends sharper; the paths part early.",
                        "lr=0.5&compare=1&b_opt=adam&b_lr=0.01&b_batch=32"),
                new Preset("Warm-up", "a large \u03b7 with and without warm-up: warm-up lets the sharpness fall "
                        + "before the full rate arrives.",
                        "lr=2.5&batch=full&compare=1&b_batch=full&b_lr=2.5&b_warmup=300&every=10"),
                new Preset("Why normalise filters", "raw Gaussian directions: the slice depends on the weights' "
                        + "scale, not on the minimum. Switch back to per filter to compare.",
                        "norm=none&range=0.2"),
                new Preset("The path taken", "momentum overshoots and curls: follow the route on the PCA plane.",
                        "opt=momentum&lr=0.1&batch=full&steps=600")));
}
