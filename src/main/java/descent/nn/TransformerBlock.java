package descent.nn;

import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Tensor;

/**
 * A pre-norm transformer block (as in GPT-2): x + attn(norm(x)), then + mlp(norm(x)) with a 4x GELU MLP. Normalising
 * the branch inputs, not the residual stream, keeps the identity path clean, which is what lets deep stacks train.
 */
public final class TransformerBlock extends Module {
    public final LayerNorm norm1, norm2;
    public final CausalSelfAttention attention;
    public final Linear up, down;

    public TransformerBlock(Backend be, Rng rng, String name, int d, int heads, Parametrization pz) {
        this(be, rng, name, d, heads, pz, null);
    }

    /** With {@code rotary} non-null the attention rotates queries and keys by position (see {@link Rotary}). */
    public TransformerBlock(Backend be, Rng rng, String name, int d, int heads, Parametrization pz, Rotary rotary) {
        super(be, name);
        norm1 = child(new LayerNorm(be, join(name, "norm1"), d));
        attention = child(new CausalSelfAttention(be, rng, join(name, "attn"), d, heads, pz, rotary));
        norm2 = child(new LayerNorm(be, join(name, "norm2"), d));
        up = child(new Linear(be, rng, join(name, "up"), d, 4 * d, Role.HIDDEN, true, pz, Activation.GELU.gain));
        down = child(new Linear(be, rng, join(name, "down"), 4 * d, d, Role.HIDDEN, true, pz, 1));
    }

    /** x (B, T, C) to (B, T, C). */
    @Override
    public Tensor forward(Tensor x) {
        Tensor h = x.add(attention.forward(norm1.forward(x)));
        return h.add(down.forward(up.forward(norm2.forward(h)).gelu()));
    }
}
