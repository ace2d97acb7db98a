package descent.nn;

import descent.tensor.Backend;
import descent.tensor.Elementwise;
import descent.tensor.Rng;
import descent.tensor.Tensor;

/**
 * A multilayer perceptron of any depth and width: Linear, activation, optional dropout, repeated; the last layer is
 * linear. With {@code residual}, hidden layers whose input and output widths match add their input (x + f(x)), the
 * ResNet idea in its simplest form.
 */
public final class Mlp extends Module {
    public final Linear[] layers;
    private final Activation activation;
    private final boolean residual;
    private final float dropout;
    private final Rng dropoutSeeds;

    public static final class Config {
        public int[] sizes = {2, 16, 16, 2};
        public Activation activation = Activation.RELU;
        public boolean residual;
        public float dropout;
        public Parametrization parametrization = Parametrization.standard();

        public Config sizes(int... s) { sizes = s; return this; }
        public Config activation(Activation a) { activation = a; return this; }
        public Config residual(boolean r) { residual = r; return this; }
        public Config dropout(float p) { dropout = p; return this; }
        public Config parametrization(Parametrization p) { parametrization = p; return this; }
    }

    public Mlp(Backend be, Rng rng, Config c) {
        super(be, "");
        if (c.sizes.length < 2) throw new IllegalArgumentException("an MLP needs at least input and output sizes");
        this.activation = c.activation;
        this.residual = c.residual;
        this.dropout = c.dropout;
        this.dropoutSeeds = rng.fork();
        int n = c.sizes.length - 1;
        layers = new Linear[n];
        for (int i = 0; i < n; i++) {
            Role role = i == 0 ? Role.INPUT : i == n - 1 ? Role.OUTPUT : Role.HIDDEN;
            // the output layer feeds a loss, not an activation, so it gets gain 1
            double gain = i == n - 1 ? 1 : activation.gain;
            layers[i] = child(new Linear(be, rng, "layer" + i, c.sizes[i], c.sizes[i + 1], role, true,
                    c.parametrization, gain));
        }
    }

    public Mlp(Backend be, Rng rng, int... sizes) {
        this(be, rng, new Config().sizes(sizes));
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor h = x;
        for (int i = 0; i < layers.length; i++) {
            Tensor z = layers[i].forward(h);
            if (i == layers.length - 1) return z;
            z = activation.apply(z);
            if (dropout > 0 && isTraining()) z = Elementwise.dropout(z, dropout, dropoutSeeds.nextLong());
            h = residual && layers[i].in == layers[i].out ? h.add(z) : z;
        }
        return h;
    }

    /** Hidden activations after each layer's nonlinearity (for visualising what each layer computes). */
    public Tensor[] activations(Tensor x) {
        Tensor[] out = new Tensor[layers.length];
        Tensor h = x;
        for (int i = 0; i < layers.length; i++) {
            Tensor z = layers[i].forward(h);
            if (i < layers.length - 1) {
                z = activation.apply(z);
                h = residual && layers[i].in == layers[i].out ? h.add(z) : z;
                out[i] = h;
            } else {
                out[i] = z;
            }
        }
        return out;
    }
}
