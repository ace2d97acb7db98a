package descent.nn;

import descent.tensor.Backend;
import descent.tensor.DetMath;
import descent.tensor.Tensor;

/**
 * Rotary position embedding (Su et al. 2021, RoFormer), in the "rotate half" layout of GPT-NeoX: channel i of a head
 * is paired with channel i + Dh/2 and the pair is rotated by the angle t theta_i at position t, with
 * theta_i = base^(-2i / Dh). Rotating queries and keys alike makes q_s . k_t depend on s - t only, so attention sees
 * relative offsets and nothing is added to the residual stream.
 * <pre>
 *   rope(x)_t = x_t * cos(t theta) + rotateHalf(x_t) * sin(t theta),   rotateHalf([x1, x2]) = [-x2, x1]
 * </pre>
 * The tables are constants (no gradient); rotateHalf is a product with a fixed signed permutation, so the whole map
 * is built from backend ops and differentiates like any other.
 */
public final class Rotary {
    public static final double BASE = 10000;

    public final int headDim, context;
    private final Tensor cos, sin;   // (T, Dh)
    private final Tensor rotateHalf; // (Dh, Dh): x R = [-x2, x1]

    public Rotary(Backend be, int headDim, int context) {
        if (headDim % 2 != 0) throw new IllegalArgumentException("rotary positions need an even head width, got " + headDim);
        this.headDim = headDim;
        this.context = context;
        int half = headDim / 2;
        float[] c = new float[context * headDim], s = new float[context * headDim];
        for (int t = 0; t < context; t++) {
            for (int i = 0; i < half; i++) {
                double angle = t * frequency(i, headDim);
                c[t * headDim + i] = c[t * headDim + i + half] = (float) DetMath.cos(angle);
                s[t * headDim + i] = s[t * headDim + i + half] = (float) DetMath.sin(angle);
            }
        }
        float[] r = new float[headDim * headDim];
        for (int i = 0; i < half; i++) {
            r[(i + half) * headDim + i] = -1f; // output channel i reads -x2
            r[i * headDim + i + half] = 1f;    // output channel i + half reads x1
        }
        cos = Tensor.of(be, c, context, headDim).persistent().named("rope.cos");
        sin = Tensor.of(be, s, context, headDim).persistent().named("rope.sin");
        rotateHalf = Tensor.of(be, r, headDim, headDim).persistent().named("rope.rotate");
    }

    /** theta_i = base^(-2i / Dh), by DetMath so the table is identical on the JVM and in the browser. */
    public static double frequency(int i, int headDim) {
        return DetMath.exp(-2.0 * i / headDim * DetMath.log(BASE));
    }

    /** Returns the tables' storage (when the model that uses them is discarded). */
    public void release() {
        cos.release();
        sin.release();
        rotateHalf.release();
    }

    /** Rotates x (..., T, Dh) position by position; T may be shorter than the context. */
    public Tensor apply(Tensor x) {
        int t = x.dim(-2);
        if (t > context) throw new IllegalArgumentException(t + " positions exceed the rotary context " + context);
        Tensor c = t == context ? cos : cos.slice(0, 0, t);
        Tensor s = t == context ? sin : sin.slice(0, 0, t);
        return x.mul(c).add(x.matmul(rotateHalf).mul(s));
    }
}
