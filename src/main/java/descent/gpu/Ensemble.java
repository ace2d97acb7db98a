package descent.gpu;

import descent.nn.Parameter;
import descent.nn.Role;
import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * E small MLPs of one shape, trained or evaluated together: every parameter carries a leading ensemble axis, so a
 * layer of all E models is one batched matmul (one dispatch, batch = E), one broadcast bias add and one activation,
 * and an optimizer updates each (E, ...) parameter tensor in one fused dispatch. The landscape and muP labs evaluate
 * hundreds of networks this way; the per-model losses are summed (not averaged), so each model receives exactly the
 * gradient it would get alone.
 *
 * <pre>
 *   x (E, N, D0) -> h_l = act(h_{l-1} W_l + b_l), W_l (E, D_{l-1}, D_l), b_l (E, 1, D_l) -> logits (E, N, K)
 * </pre>
 */
public final class Ensemble {
    public final int members;
    public final int[] sizes;
    public final List<Parameter> parameters = new ArrayList<>();
    private final Tensor[] weights;
    private final Tensor[] biases;

    /** Member e's layer l starts as {@code init[e]}'s draws: N(0, 2 / fanIn), biases zero (Kaiming for ReLU). */
    public Ensemble(Backend be, long[] seeds, int... sizes) {
        this(be, seeds.length, seeds, sizes);
    }

    /**
     * Members whose weights start at zero, for a caller that sets them on the device itself: drawing and uploading E
     * copies of a wide net on the host (10 M floats for 18 members 512 wide) would stall the page for a second.
     */
    public static Ensemble unset(Backend be, int members, int... sizes) {
        return new Ensemble(be, members, null, sizes);
    }

    private Ensemble(Backend be, int members, long[] seeds, int[] sizes) {
        this.members = members;
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        weights = new Tensor[layers];
        biases = new Tensor[layers];
        Rng[] rngs = new Rng[members];
        for (int e = 0; seeds != null && e < members; e++) {
            rngs[e] = new Rng(seeds[e]);
        }
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            if (seeds == null) {
                weights[l] = Tensor.zeros(be, members, in, out).requireGrad().persistent();
            } else {
                float[] w = new float[members * in * out];
                for (int e = 0; e < members; e++) {
                    System.arraycopy(rngs[e].normals(in * out, Math.sqrt(2.0 / in)), 0, w, e * in * out, in * out);
                }
                weights[l] = Tensor.of(be, w, members, in, out).requireGrad().persistent();
            }
            biases[l] = Tensor.zeros(be, members, 1, out).requireGrad().persistent();
            parameters.add(new Parameter("w" + l, l == 0 ? Role.INPUT : l == layers - 1 ? Role.OUTPUT : Role.HIDDEN,
                    weights[l], in, out, 1f));
            parameters.add(new Parameter("b" + l, Role.BIAS, biases[l], 1, out, 1f));
        }
    }

    /** Logits (E, N, K) of every member for its inputs x (E, N, D0) (or one shared x broadcast by the caller). */
    public Tensor forward(Tensor x) {
        Tensor h = x;
        for (int l = 0; l < weights.length; l++) {
            h = h.matmul(weights[l]).add(biases[l]);
            if (l < weights.length - 1) {
                h = h.relu();
            }
        }
        return h;
    }

    /**
     * Per-member mean cross-entropy (E) against one-hot targets (E, N, K): -sum(onehot * logSoftmax) / N per member.
     * Sum it for training: member e's gradient is then exactly its own.
     */
    public Tensor losses(Tensor logits, Tensor oneHot) {
        int n = logits.dim(1);
        return logits.logSoftmax(-1).mul(oneHot).sum(-1, false).sum(-1, false).mul(-1f / n);
    }

    /** One-hot targets (E, N, K) from labels (E * N). */
    public static Tensor oneHot(Backend be, int[] labels, int members, int n, int classes) {
        float[] v = new float[members * n * classes];
        for (int i = 0; i < labels.length; i++) {
            v[i * classes + labels[i]] = 1f;
        }
        return Tensor.of(be, v, members, n, classes);
    }

    /** Member e's weights of layer l as a host array (in, out). */
    public float[] memberWeights(int l, int e) {
        float[] all = weights[l].toHost();
        int block = sizes[l] * sizes[l + 1];
        float[] out = new float[block];
        System.arraycopy(all, e * block, out, 0, block);
        return out;
    }
}
