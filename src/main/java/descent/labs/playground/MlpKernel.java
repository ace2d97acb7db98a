package descent.labs.playground;

import descent.nn.Activation;
import descent.tensor.Rng;

/**
 * The whole forward and backward pass of an MLP written out as loops over flat arrays: what backprop is, with no
 * tape. The playground's nets are tiny (a 2-4-2-1 net has 25 weights), so going op by op through the autograd
 * engine would spend its time on bookkeeping; this does the same arithmetic in one pass and writes the gradients
 * straight into the engine's parameter storage, where the engine's optimizers take over. The unit tests check it
 * against autograd on the same parameters.
 *
 * <p>Layer l maps h_l (B, in) to z_l = h_l W_l + b_l (B, out), W_l stored (in, out) as {@code nn.Linear} does. Hidden
 * layers apply the activation, then inverted dropout, then add h_l when residual and the widths match (exactly
 * {@code nn.Mlp}'s rule); the last layer stays linear and feeds the loss.
 */
final class MlpKernel {
    /** What the output means: one logit (sigmoid, BCE), K logits (softmax CE), or a real value (squared error). */
    enum Task { BINARY, MULTICLASS, REGRESSION }

    final int[] sizes;
    final int layers;
    final Activation act;
    final boolean residual;
    float dropout;
    final float[][] w, b, gw, gb; // W_l (in, out), b_l (out) and their gradients, shared with the engine's tensors

    private int cap;
    private float[][] h;   // h_l (cap, in_l): h_0 is the input
    private float[][] z;   // z_l (cap, out_l)
    private float[][] y;   // act(z_l) (cap, out_l) before dropout, for the derivative
    private float[] dz, dzNext, dh, carry;
    private final int widest;

    MlpKernel(int[] sizes, Activation act, boolean residual, float dropout, float[][] w, float[][] b, float[][] gw,
            float[][] gb) {
        this.sizes = sizes.clone();
        this.layers = sizes.length - 1;
        this.act = act;
        this.residual = residual;
        this.dropout = dropout;
        this.w = w;
        this.b = b;
        this.gw = gw;
        this.gb = gb;
        int m = 1;
        for (int s : sizes) {
            m = Math.max(m, s);
        }
        widest = m;
        ensure(16);
    }

    private void ensure(int rows) {
        if (rows <= cap) {
            return;
        }
        cap = Math.max(rows, cap * 2);
        h = new float[layers][];
        z = new float[layers][];
        y = new float[layers][];
        for (int l = 0; l < layers; l++) {
            h[l] = new float[cap * sizes[l]];
            z[l] = new float[cap * sizes[l + 1]];
            y[l] = new float[cap * sizes[l + 1]];
        }
        dz = new float[cap * widest];
        dzNext = new float[cap * widest];
        dh = new float[cap * widest];
        carry = new float[cap * widest];
    }

    /** Whether hidden layer l adds its input (residual nets, equal widths). */
    boolean skips(int l) {
        return residual && l < layers - 1 && sizes[l] == sizes[l + 1];
    }

    /**
     * Forward pass of n rows of x (n, in_0) starting at row {@code from}. With {@code train}, dropout masks come from
     * {@code seed} (a counter-based hash, so backward recomputes them instead of storing them).
     */
    void forward(float[] x, int from, int n, boolean train, long seed) {
        ensure(n);
        System.arraycopy(x, from * sizes[0], h[0], 0, n * sizes[0]);
        for (int l = 0; l < layers; l++) {
            int in = sizes[l], out = sizes[l + 1];
            float[] hi = h[l], zl = z[l], wl = w[l], bl = b[l];
            for (int r = 0; r < n; r++) {
                int zo = r * out, ho = r * in;
                System.arraycopy(bl, 0, zl, zo, out);
                for (int i = 0; i < in; i++) {
                    float v = hi[ho + i];
                    if (v == 0f) {
                        continue;
                    }
                    int wo = i * out;
                    for (int j = 0; j < out; j++) {
                        zl[zo + j] += v * wl[wo + j];
                    }
                }
            }
            if (l == layers - 1) {
                break;
            }
            float[] yl = y[l], next = h[l + 1];
            activate(zl, yl, n * out);
            boolean drop = train && dropout > 0;
            float keepScale = 1f / (1f - dropout);
            long s = layerSeed(seed, l);
            boolean skip = skips(l);
            for (int k = 0; k < n * out; k++) {
                float v = yl[k];
                if (drop) {
                    v = Rng.keep(s, k, dropout) ? v * keepScale : 0f;
                }
                next[k] = skip ? hi[k] + v : v;
            }
        }
    }

    private static long layerSeed(long seed, int l) {
        return seed + 0x9E3779B97F4A7C15L * (l + 1);
    }

    private void activate(float[] zl, float[] yl, int n) {
        switch (act) {
            case RELU -> {
                for (int k = 0; k < n; k++) yl[k] = zl[k] > 0f ? zl[k] : 0f;
            }
            case LEAKY_RELU -> {
                for (int k = 0; k < n; k++) yl[k] = zl[k] > 0f ? zl[k] : 0.01f * zl[k];
            }
            case TANH -> {
                for (int k = 0; k < n; k++) yl[k] = (float) Math.tanh(zl[k]);
            }
            case SIGMOID -> {
                for (int k = 0; k < n; k++) yl[k] = sigmoid(zl[k]);
            }
            case GELU -> {
                for (int k = 0; k < n; k++) {
                    float v = zl[k];
                    yl[k] = 0.5f * v * (1f + (float) Math.tanh(GELU_C * (v + 0.044715f * v * v * v)));
                }
            }
            default -> System.arraycopy(zl, 0, yl, 0, n);
        }
    }

    /** act'(z) from z and y = act(z): tanh' = 1 - y², sigmoid' = y (1 - y), the rest from z. */
    private float derivative(float zv, float yv) {
        switch (act) {
            case RELU: return zv > 0f ? 1f : 0f;
            case LEAKY_RELU: return zv > 0f ? 1f : 0.01f;
            case TANH: return 1f - yv * yv;
            case SIGMOID: return yv * (1f - yv);
            case GELU: {
                float t = (float) Math.tanh(GELU_C * (zv + 0.044715f * zv * zv * zv));
                float dInner = GELU_C * (1f + 3f * 0.044715f * zv * zv);
                return 0.5f * (1f + t) + 0.5f * zv * (1f - t * t) * dInner;
            }
            default: return 1f;
        }
    }

    static final float GELU_C = 0.7978845608f;

    static float sigmoid(float x) {
        if (x >= 0) {
            return 1f / (1f + (float) Math.exp(-x));
        }
        float e = (float) Math.exp(x);
        return e / (1f + e);
    }

    /** The output z of the last forward pass, (n, K). */
    float[] logits() {
        return z[layers - 1];
    }

    /**
     * The loss of the last forward pass and its gradient with respect to the logits, written to {@link #dz}:
     * mean over the n rows, as the engine's losses define them. {@code labels} are class indices for the
     * classification tasks, {@code targets} real values for regression; rows are read from {@code from}.
     */
    double loss(Task task, int[] labels, float[] targets, int from, int n) {
        int k = sizes[layers];
        float[] out = z[layers - 1];
        double total = 0;
        float inv = 1f / n;
        for (int r = 0; r < n; r++) {
            int o = r * k;
            switch (task) {
                case BINARY -> {
                    float v = out[o], t = labels[from + r];
                    total += Math.max(v, 0f) - v * t + Math.log1p(Math.exp(-Math.abs(v)));
                    dz[o] = (sigmoid(v) - t) * inv;
                }
                case MULTICLASS -> {
                    float max = out[o];
                    for (int j = 1; j < k; j++) max = Math.max(max, out[o + j]);
                    double sum = 0;
                    for (int j = 0; j < k; j++) sum += Math.exp(out[o + j] - max);
                    int yTrue = labels[from + r];
                    total += Math.log(sum) + max - out[o + yTrue];
                    for (int j = 0; j < k; j++) {
                        float p = (float) (Math.exp(out[o + j] - max) / sum);
                        dz[o + j] = (p - (j == yTrue ? 1f : 0f)) * inv;
                    }
                }
                default -> {
                    float d = out[o] - targets[from + r];
                    total += d * d;
                    dz[o] = 2f * d * inv;
                }
            }
        }
        return total / n;
    }

    /** Sets the output gradient directly (e.g. 1 on one logit, for a Jacobian). */
    void seedOutputGradient(float[] g, int n) {
        System.arraycopy(g, 0, dz, 0, n * sizes[layers]);
    }

    /**
     * Backward pass of the last forward pass from the output gradient in {@link #dz}. With {@code paramGrads} the
     * parameter gradients are overwritten (summed over the n rows); {@code record}, if not null, receives dL/dz_l
     * per layer (n, out_l); {@code inputGrad}, if not null, receives dL/dh_0 (n, in_0).
     */
    void backward(int n, boolean train, long seed, boolean paramGrads, float[][] record, float[] inputGrad) {
        boolean carrying = false;
        for (int l = layers - 1; l >= 0; l--) {
            int in = sizes[l], out = sizes[l + 1];
            float[] hi = h[l], wl = w[l];
            if (record != null) {
                System.arraycopy(dz, 0, record[l], 0, n * out);
            }
            if (paramGrads) {
                float[] gwl = gw[l], gbl = gb[l];
                java.util.Arrays.fill(gwl, 0f);
                java.util.Arrays.fill(gbl, 0f);
                for (int r = 0; r < n; r++) {
                    int zo = r * out, ho = r * in;
                    for (int j = 0; j < out; j++) gbl[j] += dz[zo + j];
                    for (int i = 0; i < in; i++) {
                        float v = hi[ho + i];
                        if (v == 0f) continue;
                        int wo = i * out;
                        for (int j = 0; j < out; j++) gwl[wo + j] += v * dz[zo + j];
                    }
                }
            }
            if (l == 0 && inputGrad == null) {
                break;
            }
            // dh = dz W^T, plus the gradient that skipped over this layer's output through a residual connection
            for (int r = 0; r < n; r++) {
                int zo = r * out, ho = r * in;
                for (int i = 0; i < in; i++) {
                    int wo = i * out;
                    float s = carrying ? carry[ho + i] : 0f;
                    for (int j = 0; j < out; j++) s += dz[zo + j] * wl[wo + j];
                    dh[ho + i] = s;
                }
            }
            if (l == 0) {
                System.arraycopy(dh, 0, inputGrad, 0, n * in);
                break;
            }
            // h_l = [h_{l-1} +] drop(act(z_{l-1})): back through dropout and the activation to dz_{l-1}
            int prev = l - 1;
            float[] zp = z[prev], yp = y[prev];
            boolean drop = train && dropout > 0;
            float keepScale = 1f / (1f - dropout);
            long s = layerSeed(seed, prev);
            for (int k = 0; k < n * in; k++) {
                float g = dh[k];
                if (drop) {
                    g = Rng.keep(s, k, dropout) ? g * keepScale : 0f;
                }
                dzNext[k] = g * derivative(zp[k], yp[k]);
            }
            carrying = skips(prev);
            if (carrying) {
                System.arraycopy(dh, 0, carry, 0, n * in);
            }
            float[] t = dz;
            dz = dzNext;
            dzNext = t;
        }
    }

    /** Post-activation output of hidden layer l (after dropout and any skip), (n, out_l), of the last forward. */
    float[] hidden(int l) {
        return h[l + 1];
    }

    /** Pre-activation z_l of the last forward pass, (n, out_l). */
    float[] preActivation(int l) {
        return z[l];
    }
}
