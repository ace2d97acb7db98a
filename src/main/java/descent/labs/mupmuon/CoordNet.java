package descent.labs.mupmuon;

import descent.nn.Linear;
import descent.nn.Module;
import descent.nn.Parametrization;
import descent.nn.RmsNorm;
import descent.nn.Role;
import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Tensor;

/**
 * The coordinate check's network, shaped like the sweep's: D → w → w → w → K with ReLU, and optionally an RMSNorm
 * before each ReLU. Its {@link #activations} are what the check measures: the three hidden layers' outputs and the
 * logits.
 */
final class CoordNet extends Module {
    static final int LAYERS = 4;
    final Linear[] layers = new Linear[LAYERS];
    private final RmsNorm[] norms;

    CoordNet(Backend be, Rng rng, int inputs, int width, int classes, Parametrization pz, boolean norm) {
        super(be, "");
        int[] sizes = {inputs, width, width, width, classes};
        Role[] roles = {Role.INPUT, Role.HIDDEN, Role.HIDDEN, Role.OUTPUT};
        for (int l = 0; l < LAYERS; l++) {
            // ReLU's gain for layers that feed a ReLU; the output layer feeds the loss
            layers[l] = child(new Linear(be, rng, "layer" + l, sizes[l], sizes[l + 1], roles[l], true, pz,
                    l == LAYERS - 1 ? 1 : Math.sqrt(2)));
        }
        if (norm) {
            norms = new RmsNorm[LAYERS - 1];
            for (int l = 0; l < LAYERS - 1; l++) norms[l] = child(new RmsNorm(be, "norm" + l, width));
        } else {
            norms = null;
        }
    }

    @Override
    public Tensor forward(Tensor x) {
        return activations(x)[LAYERS - 1];
    }

    /**
     * What each layer computes: its linear output z = h W + b (entries 0..3, the last being the logits) and what it
     * hands on, h = ReLU(RMSNorm(z)) or ReLU(z) (entries 4..6).
     */
    Tensor[] activations(Tensor x) {
        Tensor[] out = new Tensor[2 * LAYERS - 1];
        Tensor h = x;
        for (int l = 0; l < LAYERS; l++) {
            h = layers[l].forward(h);
            out[l] = h;
            if (l < LAYERS - 1) {
                if (norms != null) h = norms[l].forward(h);
                h = h.relu();
                out[LAYERS + l] = h;
            }
        }
        return out;
    }
}
