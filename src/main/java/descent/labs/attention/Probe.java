package descent.labs.attention;

import descent.tensor.Autograd;
import descent.tensor.Scope;
import descent.tensor.Tensor;

/**
 * One forward pass over one sequence, read back for the views: every head's attention weights and the next-token
 * distribution at every position. Runs without gradients and leaves nothing behind.
 */
public final class Probe {
    public final int[] tokens;
    public final int t, layers, heads, vocab;
    /** attention[l][h] is the (T, T) map of head h in layer l: row = query position, column = key position. */
    public final float[][][] attention;
    /** Next-token probabilities (T, V): row j is the model's distribution for token j + 1. */
    public final float[] probs;

    private Probe(int[] tokens, float[][][] attention, float[] probs, int vocab) {
        this.tokens = tokens;
        this.t = tokens.length;
        this.attention = attention;
        this.layers = attention.length;
        this.heads = attention.length == 0 ? 0 : attention[0].length;
        this.probs = probs;
        this.vocab = vocab;
    }

    /** Runs the model on tokens (at most its context; longer inputs keep their last tokens). */
    public static Probe run(Transformer model, int[] tokens) {
        if (tokens.length > model.context) {
            tokens = java.util.Arrays.copyOfRange(tokens, tokens.length - model.context, tokens.length);
        }
        int t = tokens.length, h = model.heads;
        float[][][] maps = new float[model.layers()][h][];
        float[] probs;
        int v = model.vocab, layers = model.layers();
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            Tensor logits = model.forward(Tensor.indices(model.tokens.weight.value.backend, tokens, 1, t)); // (T, V)
            // one read for everything: on a GPU every read waits for the device
            Tensor[] parts = new Tensor[layers + 1];
            parts[0] = logits.softmax(-1).reshape(t * v);
            for (int l = 0; l < layers; l++) parts[l + 1] = model.blocks[l].attention.lastWeights().reshape(h * t * t);
            float[] all = descent.tensor.Layout.concat(0, parts).toHost();
            probs = java.util.Arrays.copyOfRange(all, 0, t * v);
            for (int l = 0; l < layers; l++) {
                int base = t * v + l * h * t * t; // (1, H, T, T) of layer l
                for (int head = 0; head < h; head++) {
                    maps[l][head] = java.util.Arrays.copyOfRange(all, base + head * t * t, base + (head + 1) * t * t);
                }
            }
        }
        return new Probe(tokens, maps, probs, model.vocab);
    }

    /** Weight that query q of head (l, h) puts on key k. */
    public float weight(int l, int h, int q, int k) {
        return attention[l][h][q * t + k];
    }

    /**
     * Mean entropy (in bits) of a head's attention rows, each row over the q + 1 keys it may see. Low: the head
     * looks at one place; log2(q + 1): it spreads evenly (averages).
     */
    public double entropy(int l, int h) {
        double sum = 0;
        for (int q = 0; q < t; q++) sum += rowEntropy(l, h, q);
        return sum / t;
    }

    public double rowEntropy(int l, int h, int q) {
        double e = 0;
        for (int k = 0; k <= q; k++) {
            double w = weight(l, h, q, k);
            if (w > 0) e -= w * Math.log(w);
        }
        return e / Math.log(2);
    }

    /** The most likely next token after position j, and its probability. */
    public int predicted(int j) {
        int best = 0;
        for (int v = 1; v < vocab; v++) if (probs[j * vocab + v] > probs[j * vocab + best]) best = v;
        return best;
    }

    public float prob(int j, int token) {
        return probs[j * vocab + token];
    }

    /** The next-token distribution after position j, as a fresh array (V). */
    public float[] distribution(int j) {
        return java.util.Arrays.copyOfRange(probs, j * vocab, (j + 1) * vocab);
    }
}
