package descent.labs.attention;

import descent.nn.Embedding;
import descent.nn.LayerNorm;
import descent.nn.Linear;
import descent.nn.Module;
import descent.nn.Parametrization;
import descent.nn.Role;
import descent.nn.Rotary;
import descent.nn.TransformerBlock;
import descent.tensor.Backend;
import descent.tensor.DetMath;
import descent.tensor.Rng;
import descent.tensor.Tensor;

/**
 * A decoder-only transformer in the GPT-2 layout: token embedding plus a position signal, a stack of pre-norm blocks
 * with causal attention, a final layer norm and an unembedding to next-token logits.
 * <pre>
 *   h_0 = W_E[x] (+ P)              (B, T, C)   P learned or sinusoidal; rotary positions act inside attention
 *   h_l = block_l(h_{l-1})          (B, T, C)
 *   logits = norm(h_L) W_U + b_U    (B T, V)
 * </pre>
 * The unembedding is its own matrix (not tied to W_E) so the OV circuit W_E W_V W_O W_U reads as a map between two
 * different token spaces, as in Elhage et al. 2021.
 */
public final class Transformer extends Module {
    public enum Positions { LEARNED, SINUSOIDAL, ROTARY }

    public final int vocab, context, width, heads;
    public final Positions positions;
    public final Embedding tokens;           // W_E (V, C)
    public final Embedding learnedPositions; // (T, C), only for LEARNED
    public final TransformerBlock[] blocks;
    public final LayerNorm finalNorm;
    public final Linear unembed;             // W_U (C, V)
    private final Tensor sinusoid;           // (T, C), only for SINUSOIDAL; a constant
    private final Rotary rotary;

    public Transformer(Backend be, long seed, int vocab, int context, int layers, int heads, int width,
                       Positions positions) {
        super(be, "");
        this.vocab = vocab;
        this.context = context;
        this.width = width;
        this.heads = heads;
        this.positions = positions;
        Rng rng = new Rng(seed);
        Parametrization pz = Parametrization.standard();
        // GPT-2 initialises embeddings with std 0.02; at our small widths a larger 1/sqrt(C)-ish scale trains faster
        // and keeps the embedding and the position signal on the same footing.
        double embedStd = 1 / Math.sqrt(width);
        tokens = child(new Embedding(be, rng.fork(), "tok", vocab, width, embedStd * 4));
        learnedPositions = positions == Positions.LEARNED
                ? child(new Embedding(be, rng.fork(), "pos", context, width, embedStd * 4)) : null;
        sinusoid = positions == Positions.SINUSOIDAL
                ? Tensor.of(be, sinusoidTable(context, width), context, width).persistent().named("sinusoid") : null;
        rotary = positions == Positions.ROTARY ? new Rotary(be, width / heads, context) : null;
        blocks = new TransformerBlock[layers];
        for (int l = 0; l < layers; l++) {
            blocks[l] = child(new TransformerBlock(be, rng.fork(), "block" + l, width, heads, pz, rotary));
        }
        finalNorm = child(new LayerNorm(be, "norm", width));
        unembed = child(new Linear(be, rng.fork(), "unembed", width, vocab, Role.OUTPUT, true, pz, 1));
    }

    /** Token ids (B, T) with T at most the context, to next-token logits (B T, V). */
    @Override
    public Tensor forward(Tensor ids) {
        int b = ids.dim(0), t = ids.dim(1);
        if (t > context) throw new IllegalArgumentException(t + " tokens exceed the context of " + context);
        Tensor h = tokens.forward(ids); // (B, T, C)
        if (learnedPositions != null) {
            Tensor p = learnedPositions.weight.value;
            h = h.add(t == context ? p : p.slice(0, 0, t));
        } else if (sinusoid != null) {
            h = h.add(t == context ? sinusoid : sinusoid.slice(0, 0, t));
        }
        for (TransformerBlock block : blocks) h = block.forward(h);
        return unembed.forward(finalNorm.forward(h)).reshape(b * t, vocab);
    }

    /**
     * The sinusoidal table of Vaswani et al. 2017, section 3.5: P[t, 2i] = sin(t / 10000^(2i/C)),
     * P[t, 2i+1] = cos(same). Computed with DetMath so the JVM and the browser agree bit for bit.
     */
    public static float[] sinusoidTable(int context, int width) {
        float[] p = new float[context * width]; // (T, C)
        for (int t = 0; t < context; t++) {
            for (int i = 0; 2 * i < width; i++) {
                double angle = t * Rotary.frequency(i, width);
                p[t * width + 2 * i] = (float) DetMath.sin(angle);
                if (2 * i + 1 < width) p[t * width + 2 * i + 1] = (float) DetMath.cos(angle);
            }
        }
        return p;
    }

    /** The position vectors added to the residual stream (T, C) on the host, or null for rotary positions. */
    public float[] positionVectors() {
        if (learnedPositions != null) return learnedPositions.weight.value.toHost();
        if (sinusoid != null) return sinusoid.toHost();
        return null;
    }

    /** Returns every buffer the model holds to its backend (a GPU does not collect garbage). */
    public void dispose() {
        for (descent.nn.Parameter p : parameters()) p.value.release();
        if (sinusoid != null) sinusoid.release();
        if (rotary != null) rotary.release();
    }

    public int layers() {
        return blocks.length;
    }
}
