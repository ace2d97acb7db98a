package descent.labs.landscape;

import descent.data.Dataset;
import descent.data.Points2D;
import descent.data.TinyImages;
import descent.nn.Activation;
import descent.nn.Conv2d;
import descent.nn.Linear;
import descent.nn.Mlp;
import descent.nn.Module;
import descent.nn.Parametrization;
import descent.nn.Role;
import descent.tensor.Backend;
import descent.tensor.Images;
import descent.tensor.Losses;
import descent.tensor.Rng;
import descent.tensor.Tensor;

/**
 * The network under study and the data it learns from, described once so that the trained model and every probe
 * that evaluates the landscape are built the same way: an MLP on 2-D points, or a small CNN on 16 x 16 shapes.
 *
 * @param data   "spiral", "circles", "xor", "moons" (2-D points) or "shapes" (tiny images)
 * @param points training examples; a test set of half as many is drawn from the same distribution
 */
public record Network(String data, int points, int width, int depth, Activation activation, long seed) {
    /** Image side for the shapes data. */
    static final int SIDE = 16;

    public boolean images() {
        return data.equals("shapes");
    }

    /** [train, test], seeded: the same points on every platform. */
    public Dataset[] datasets() {
        int n = points + points / 2;
        Dataset all;
        if (images()) {
            all = TinyImages.shapes(n, SIDE, 0.05, seed);
        } else {
            Points2D.Kind kind = Points2D.Kind.valueOf(data.toUpperCase());
            all = Points2D.classification(kind, n, 2, kind == Points2D.Kind.SPIRAL ? 0.03 : 0.08, seed);
        }
        return all.split(1.0 / 3, seed + 1);
    }

    public int classes() {
        return images() ? TinyImages.SHAPES.length : 2;
    }

    /** A fresh model with initial weights drawn from {@code seed}. */
    public Module build(Backend be, long modelSeed) {
        Rng rng = new Rng(modelSeed);
        if (images()) return new SmallCnn(be, rng, width, classes(), activation);
        int[] sizes = new int[depth + 2];
        sizes[0] = 2;
        for (int i = 1; i <= depth; i++) sizes[i] = width;
        sizes[depth + 1] = classes();
        return new Mlp(be, rng, new Mlp.Config().sizes(sizes).activation(activation));
    }

    /** The training objective: mean cross-entropy of the model's logits on (x, labels). */
    public static Tensor loss(Module model, Tensor x, Tensor labels) {
        return Losses.crossEntropy(model.forward(x), labels);
    }

    /** A one-line description, e.g. "MLP 2-32-32-2, ReLU, 1218 parameters". */
    public String describe(int parameters) {
        String act = activation == Activation.RELU ? "ReLU" : "tanh";
        if (images()) {
            return "CNN conv" + (width / 4) + "-conv" + (width / 2) + "-linear, " + act + ", " + parameters
                    + " parameters";
        }
        StringBuilder sb = new StringBuilder("MLP 2");
        for (int i = 0; i < depth; i++) sb.append('-').append(width);
        return sb.append('-').append(classes()).append(", ").append(act).append(", ").append(parameters)
                .append(" parameters").toString();
    }

    /**
     * Two 3 x 3 convolutions with 2 x 2 max pooling, then a linear read-out: (N, 256) pixels to (N, K) logits. The
     * width knob sets the channels: width / 4 then width / 2 (8 and 16 for the default 32).
     */
    static final class SmallCnn extends Module {
        private final Conv2d conv1, conv2;
        private final Linear head;
        private final Activation act;

        SmallCnn(Backend be, Rng rng, int width, int classes, Activation act) {
            super(be, "");
            this.act = act;
            int c1 = Math.max(2, width / 4), c2 = Math.max(2, width / 2);
            Parametrization pz = Parametrization.standard();
            conv1 = child(new Conv2d(be, rng, "conv1", 1, c1, 3, 1, 1, true, Role.INPUT, pz, act.gain));
            conv2 = child(new Conv2d(be, rng, "conv2", c1, c2, 3, 1, 1, true, Role.HIDDEN, pz, act.gain));
            head = child(new Linear(be, rng, "head", c2 * (SIDE / 4) * (SIDE / 4), classes, Role.OUTPUT, true, pz,
                    1));
        }

        @Override
        public Tensor forward(Tensor x) {
            int n = x.dim(0);
            Tensor h = x.reshape(n, 1, SIDE, SIDE);                          // (N, 1, 16, 16)
            h = Images.maxPool2d(act.apply(conv1.forward(h)), 2, 2);         // (N, C1, 8, 8)
            h = Images.maxPool2d(act.apply(conv2.forward(h)), 2, 2);         // (N, C2, 4, 4)
            return head.forward(h.reshape(n, -1));                           // (N, K)
        }
    }
}
