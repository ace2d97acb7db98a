package descent.nn;

import descent.tensor.Backend;
import descent.tensor.Reductions;
import descent.tensor.Rng;
import descent.tensor.Tensor;

/**
 * Multi-head causal self-attention (Vaswani et al. 2017), composed from backend ops so every intermediate, notably
 * the attention weights, can be shown:
 * <pre>
 *   q, k, v = split(x Wqkv)                      (B, T, C) -> 3 x (B, H, T, C/H)
 *   q, k = rope(q), rope(k)                      only with {@link Rotary} positions
 *   A = causalSoftmax(q k^T / sqrt(C/H))         (B, H, T, T), row t is zero after column t
 *   y = merge(A v) Wo                            (B, T, C)
 * </pre>
 */
public final class CausalSelfAttention extends Module {
    public final int d, heads;
    public final Linear qkv, out;
    /** Rotates queries and keys by position (RoPE), or null when positions enter through the residual stream. */
    public final Rotary rotary;
    private Tensor lastWeights;

    public CausalSelfAttention(Backend be, Rng rng, String name, int d, int heads, Parametrization pz) {
        this(be, rng, name, d, heads, pz, null);
    }

    public CausalSelfAttention(Backend be, Rng rng, String name, int d, int heads, Parametrization pz, Rotary rotary) {
        super(be, name);
        if (rotary != null && rotary.headDim != d / heads) {
            throw new IllegalArgumentException("rotary table is for head width " + rotary.headDim + ", not " + d / heads);
        }
        this.rotary = rotary;
        if (d % heads != 0) throw new IllegalArgumentException("width " + d + " is not divisible by " + heads + " heads");
        this.d = d;
        this.heads = heads;
        qkv = child(new Linear(be, rng, join(name, "qkv"), d, 3 * d, Role.HIDDEN, true, pz, 1));
        out = child(new Linear(be, rng, join(name, "out"), d, d, Role.HIDDEN, true, pz, 1));
    }

    /** x (B, T, C) to (B, T, C). */
    @Override
    public Tensor forward(Tensor x) {
        int b = x.dim(0), t = x.dim(1), dh = d / heads;
        Tensor all = qkv.forward(x).reshape(b, t, 3, heads, dh).permute(2, 0, 3, 1, 4); // (3, B, H, T, Dh)
        Tensor q = all.slice(0, 0, 1).reshape(b, heads, t, dh);
        Tensor k = all.slice(0, 1, 2).reshape(b, heads, t, dh);
        Tensor v = all.slice(0, 2, 3).reshape(b, heads, t, dh);
        if (rotary != null) {
            q = rotary.apply(q);
            k = rotary.apply(k);
        }
        Tensor[] r = attend(q, k, v);
        lastWeights = r[1];
        Tensor merged = r[0].permute(0, 2, 1, 3).reshape(b, t, d); // (B, T, H, Dh) -> (B, T, C)
        return out.forward(merged);
    }

    /** Scaled dot-product attention with a causal mask: returns {output (..., T, Dh), weights (..., T, T)}. */
    public static Tensor[] attend(Tensor q, Tensor k, Tensor v) {
        float scale = (float) (1 / Math.sqrt(q.dim(-1)));
        Tensor weights = Reductions.causalSoftmax(q.matmul(k.transpose()).mul(scale));
        return new Tensor[] {weights.matmul(v), weights};
    }

    /** The attention weights (B, H, T, T) of the last forward pass; valid until its step scope closes. */
    public Tensor lastWeights() {
        return lastWeights;
    }
}
