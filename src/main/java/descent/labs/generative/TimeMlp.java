package descent.labs.generative;

import descent.nn.Activation;
import descent.nn.Mlp;
import descent.nn.Parameter;
import descent.tensor.Backend;
import descent.tensor.DetMath;
import descent.tensor.Layout;
import descent.tensor.Rng;
import descent.tensor.Tensor;
import java.util.List;

/**
 * A network of a point and a time, f(x, t): the noise predictor ε_θ(x_t, t) of diffusion and the velocity v_θ(x_t, t)
 * of flow matching on 2-D data. An MLP reads x next to sinusoidal features of t (the positional encoding of Vaswani
 * et al. 2017 applied to time, as in Ho et al. 2020), so one network can behave differently at every noise level.
 */
public final class TimeMlp {
    /** Frequencies of the time features: sin and cos of π 2^k t for k < FREQS, plus t itself. */
    public static final int FREQS = 6;
    public static final int FEATURES = 2 * FREQS + 1;

    public final int dim;
    private final Mlp mlp;
    private final Backend be;

    public TimeMlp(Backend be, Rng rng, int dim, int width, int hiddenLayers) {
        this.be = be;
        this.dim = dim;
        int[] sizes = new int[hiddenLayers + 2];
        sizes[0] = dim + FEATURES;
        for (int i = 1; i <= hiddenLayers; i++) sizes[i] = width;
        sizes[hiddenLayers + 1] = dim;
        // SiLU: smooth, so the learned vector field is smooth too (ReLU fields show kinks along hyperplanes)
        mlp = new Mlp(be, rng, new Mlp.Config().sizes(sizes).activation(Activation.SILU));
    }

    /** The time features of every row: (N, FEATURES) for times t_i in [0, 1]. */
    public static float[] timeFeatures(float[] t) {
        float[] f = new float[t.length * FEATURES];
        for (int i = 0; i < t.length; i++) {
            int o = i * FEATURES;
            double w = DetMath.PI;
            for (int k = 0; k < FREQS; k++, w *= 2) {
                f[o + 2 * k] = (float) DetMath.sin(w * t[i]);
                f[o + 2 * k + 1] = (float) DetMath.cos(w * t[i]);
            }
            f[o + 2 * FREQS] = t[i];
        }
        return f;
    }

    /** The same time for all n rows. */
    public static float[] constant(int n, double t) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, (float) t);
        return a;
    }

    /** x (N, D) and times t (N) in [0, 1] to (N, D). */
    public Tensor forward(Tensor x, float[] t) {
        Tensor feats = Tensor.of(be, timeFeatures(t), t.length, FEATURES);
        return mlp.forward(Layout.concat(1, x, feats));
    }

    public List<Parameter> parameters() {
        return mlp.parameters();
    }

    public int parameterCount() {
        return mlp.parameterCount();
    }
}
