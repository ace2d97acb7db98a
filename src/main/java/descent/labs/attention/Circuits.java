package descent.labs.attention;

import descent.nn.CausalSelfAttention;
import descent.nn.Rotary;
import descent.nn.TransformerBlock;

/**
 * The circuits of "A Mathematical Framework for Transformer Circuits" (Elhage et al. 2021) for the first layer, as
 * token x token matrices computed on the host from the weights:
 * <pre>
 *   QK_h[i, j] = (e_i W_Q^h + b_Q)(e_j W_K^h + b_K)^T / sqrt(Dh)   how much query token i wants key token j
 *   OV_h[i, j] = (e_i W_V^h + b_V) W_O^h (g * W_U)[:, j]           what attending to token i adds to logit j
 * </pre>
 * with e_i the first block's layer norm applied to token i's embedding (positions left out: the circuits describe
 * tokens). The OV rows are centred, since softmax ignores a constant added to all logits. Exact for a one-layer
 * model up to the final norm's scale; for deeper models it is layer 1's direct path only.
 */
public final class Circuits {
    private Circuits() {
    }

    /** The first block's normalised token embeddings (V, C). */
    static float[] normalisedEmbeddings(Transformer m) {
        int v = m.vocab, c = m.width;
        float[] e = m.tokens.weight.value.toHost(); // (V, C)
        TransformerBlock b = m.blocks[0];
        float[] gain = b.norm1.gain.value.toHost(), shift = b.norm1.shift.value.toHost();
        float[] out = new float[v * c];
        for (int i = 0; i < v; i++) {
            double mean = 0, var = 0;
            for (int k = 0; k < c; k++) mean += e[i * c + k];
            mean /= c;
            for (int k = 0; k < c; k++) var += (e[i * c + k] - mean) * (e[i * c + k] - mean);
            double rstd = 1 / Math.sqrt(var / c + 1e-5);
            for (int k = 0; k < c; k++) out[i * c + k] = (float) ((e[i * c + k] - mean) * rstd * gain[k] + shift[k]);
        }
        return out;
    }

    /** e W[:, col0 .. col0 + dh) + b[col0 ..]: one head's slice of the fused q, k, v projection (V, Dh). */
    private static float[] project(float[] e, int v, int c, float[] w, float[] bias, int cols, int col0, int dh) {
        float[] out = new float[v * dh];
        for (int i = 0; i < v; i++) {
            for (int j = 0; j < dh; j++) {
                double s = bias[col0 + j];
                for (int k = 0; k < c; k++) s += e[i * c + k] * w[k * cols + col0 + j];
                out[i * dh + j] = (float) s;
            }
        }
        return out;
    }

    /** QK circuit of head h of layer 1 (V, V): rows are query tokens, columns key tokens. */
    public static float[] qk(Transformer m, int h) {
        int v = m.vocab, c = m.width, dh = c / m.heads;
        CausalSelfAttention a = m.blocks[0].attention;
        float[] e = normalisedEmbeddings(m);
        float[] w = a.qkv.weight.value.toHost(), b = a.qkv.bias.value.toHost(); // (C, 3C), (3C)
        float[] q = project(e, v, c, w, b, 3 * c, h * dh, dh);
        float[] k = project(e, v, c, w, b, 3 * c, c + h * dh, dh);
        float[] out = new float[v * v];
        double scale = 1 / Math.sqrt(dh);
        for (int i = 0; i < v; i++) {
            for (int j = 0; j < v; j++) {
                double s = 0;
                for (int d = 0; d < dh; d++) s += q[i * dh + d] * k[j * dh + d];
                out[i * v + j] = (float) (s * scale);
            }
        }
        return out;
    }

    /** OV circuit of head h of layer 1 (V, V): rows are attended tokens, columns output logits, rows centred. */
    public static float[] ov(Transformer m, int h) {
        int v = m.vocab, c = m.width, dh = c / m.heads;
        CausalSelfAttention a = m.blocks[0].attention;
        float[] e = normalisedEmbeddings(m);
        float[] w = a.qkv.weight.value.toHost(), b = a.qkv.bias.value.toHost();
        float[] val = project(e, v, c, w, b, 3 * c, 2 * c + h * dh, dh);   // (V, Dh)
        float[] wo = a.out.weight.value.toHost();                           // (C, C): rows h*dh.. are head h
        float[] gain = m.finalNorm.gain.value.toHost();
        float[] wu = m.unembed.weight.value.toHost();                       // (C, V)
        float[] written = new float[v * c];                                 // (V, C): what the head writes
        for (int i = 0; i < v; i++) {
            for (int o = 0; o < c; o++) {
                double s = 0;
                for (int d = 0; d < dh; d++) s += val[i * dh + d] * wo[(h * dh + d) * c + o];
                written[i * c + o] = (float) s * gain[o];
            }
        }
        float[] out = new float[v * v];
        for (int i = 0; i < v; i++) {
            double mean = 0;
            for (int j = 0; j < v; j++) {
                double s = 0;
                for (int o = 0; o < c; o++) s += written[i * c + o] * wu[o * v + j];
                out[i * v + j] = (float) s;
                mean += s;
            }
            mean /= v;
            for (int j = 0; j < v; j++) out[i * v + j] -= (float) mean;
        }
        return out;
    }

    /**
     * How alike positions are (T, T). Learned and sinusoidal: the cosine similarity of the position vectors. Rotary
     * adds no vectors; what it does is make a query and a key of the same content score
     * mean_i cos((s - t) theta_i) at offset s - t, so that is shown.
     */
    public static float[] positionSimilarity(Transformer m, int t) {
        t = Math.min(t, m.context);
        float[] out = new float[t * t];
        float[] p = m.positionVectors();
        if (p == null) {
            int dh = m.width / m.heads, half = dh / 2;
            for (int s = 0; s < t; s++) {
                for (int r = 0; r < t; r++) {
                    double sum = 0;
                    for (int i = 0; i < half; i++) sum += descent.tensor.DetMath.cos((s - r) * Rotary.frequency(i, dh));
                    out[s * t + r] = (float) (sum / half);
                }
            }
            return out;
        }
        int c = m.width;
        double[] norm = new double[t];
        for (int s = 0; s < t; s++) {
            double n = 0;
            for (int k = 0; k < c; k++) n += p[s * c + k] * p[s * c + k];
            norm[s] = Math.sqrt(n) + 1e-12;
        }
        for (int s = 0; s < t; s++) {
            for (int r = 0; r < t; r++) {
                double dot = 0;
                for (int k = 0; k < c; k++) dot += p[s * c + k] * p[r * c + k];
                out[s * t + r] = (float) (dot / (norm[s] * norm[r]));
            }
        }
        return out;
    }
}
