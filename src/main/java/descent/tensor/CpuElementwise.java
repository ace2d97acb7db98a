package descent.tensor;

/**
 * Elementwise kernels. Each op has its own loop (the switch sits outside the loop) so the JIT and the wasm compiler see
 * straight-line float arithmetic.
 */
final class CpuElementwise {
    private CpuElementwise() {}

    /** sqrt(2 / pi) for GPT-2's gelu. */
    static final float GELU_C = 0.7978845608f;

    static float sigmoid(float x) {
        // split by sign so exp never overflows
        if (x >= 0) return 1f / (1f + (float) Math.exp(-x));
        float e = (float) Math.exp(x);
        return e / (1f + e);
    }

    static float softplus(float x) {
        return Math.max(x, 0f) + (float) Math.log1p(Math.exp(-Math.abs(x)));
    }

    static void unary(Unary op, float alpha, float[] x, float[] y, int n) {
        switch (op) {
            case NEG: for (int i = 0; i < n; i++) y[i] = -x[i]; break;
            case EXP: for (int i = 0; i < n; i++) y[i] = (float) Math.exp(x[i]); break;
            case LOG: for (int i = 0; i < n; i++) y[i] = (float) Math.log(x[i]); break;
            case SQRT: for (int i = 0; i < n; i++) y[i] = (float) Math.sqrt(x[i]); break;
            case TANH: for (int i = 0; i < n; i++) y[i] = (float) Math.tanh(x[i]); break;
            case SIGMOID: for (int i = 0; i < n; i++) y[i] = sigmoid(x[i]); break;
            case RELU: for (int i = 0; i < n; i++) y[i] = x[i] > 0f ? x[i] : 0f; break;
            case LEAKY_RELU: for (int i = 0; i < n; i++) y[i] = x[i] > 0f ? x[i] : alpha * x[i]; break;
            case GELU:
                for (int i = 0; i < n; i++) {
                    float v = x[i];
                    y[i] = 0.5f * v * (1f + (float) Math.tanh(GELU_C * (v + 0.044715f * v * v * v)));
                }
                break;
            case SILU: for (int i = 0; i < n; i++) y[i] = x[i] * sigmoid(x[i]); break;
            case SOFTPLUS: for (int i = 0; i < n; i++) y[i] = softplus(x[i]); break;
            case SCALE: for (int i = 0; i < n; i++) y[i] = alpha * x[i]; break;
            case ADD_SCALAR: for (int i = 0; i < n; i++) y[i] = x[i] + alpha; break;
            case POW: for (int i = 0; i < n; i++) y[i] = (float) Math.pow(x[i], alpha); break;
            case SQUARE: for (int i = 0; i < n; i++) y[i] = x[i] * x[i]; break;
            case ABS: for (int i = 0; i < n; i++) y[i] = Math.abs(x[i]); break;
            case CLAMP_MIN: for (int i = 0; i < n; i++) y[i] = x[i] > alpha ? x[i] : alpha; break;
            case RECIPROCAL: for (int i = 0; i < n; i++) y[i] = alpha / x[i]; break;
            default: throw new UnsupportedOperationException(op.name());
        }
    }

    /** gx += gy * f'(x); y = f(x) is given where the derivative is cheaper from it. */
    static void unaryBackward(Unary op, float alpha, float[] x, float[] y, float[] gy, float[] gx, int n) {
        switch (op) {
            case NEG: for (int i = 0; i < n; i++) gx[i] -= gy[i]; break;
            case EXP: for (int i = 0; i < n; i++) gx[i] += gy[i] * y[i]; break;
            case LOG: for (int i = 0; i < n; i++) gx[i] += gy[i] / x[i]; break;
            case SQRT: for (int i = 0; i < n; i++) gx[i] += gy[i] * 0.5f / y[i]; break;
            case TANH: for (int i = 0; i < n; i++) gx[i] += gy[i] * (1f - y[i] * y[i]); break;
            case SIGMOID: for (int i = 0; i < n; i++) gx[i] += gy[i] * y[i] * (1f - y[i]); break;
            case RELU: for (int i = 0; i < n; i++) if (x[i] > 0f) gx[i] += gy[i]; break;
            case LEAKY_RELU: for (int i = 0; i < n; i++) gx[i] += x[i] > 0f ? gy[i] : alpha * gy[i]; break;
            case GELU:
                for (int i = 0; i < n; i++) {
                    float v = x[i];
                    float t = (float) Math.tanh(GELU_C * (v + 0.044715f * v * v * v));
                    float dInner = GELU_C * (1f + 3f * 0.044715f * v * v);
                    gx[i] += gy[i] * (0.5f * (1f + t) + 0.5f * v * (1f - t * t) * dInner);
                }
                break;
            case SILU:
                for (int i = 0; i < n; i++) {
                    float s = sigmoid(x[i]);
                    gx[i] += gy[i] * s * (1f + x[i] * (1f - s));
                }
                break;
            case SOFTPLUS: for (int i = 0; i < n; i++) gx[i] += gy[i] * sigmoid(x[i]); break;
            case SCALE: for (int i = 0; i < n; i++) gx[i] += alpha * gy[i]; break;
            case ADD_SCALAR: for (int i = 0; i < n; i++) gx[i] += gy[i]; break;
            case POW:
                for (int i = 0; i < n; i++) gx[i] += gy[i] * alpha * (float) Math.pow(x[i], alpha - 1f);
                break;
            case SQUARE: for (int i = 0; i < n; i++) gx[i] += 2f * x[i] * gy[i]; break;
            case ABS: for (int i = 0; i < n; i++) gx[i] += x[i] > 0f ? gy[i] : x[i] < 0f ? -gy[i] : 0f; break;
            case CLAMP_MIN: for (int i = 0; i < n; i++) if (x[i] > alpha) gx[i] += gy[i]; break;
            case RECIPROCAL: for (int i = 0; i < n; i++) gx[i] -= gy[i] * y[i] / x[i]; break;
            default: throw new UnsupportedOperationException(op.name());
        }
    }

    /**
     * Broadcast binary op. The last axis is the inner loop (strides 0 or 1 there); the outer axes are walked with a
     * counter, so (N, D) + (D) runs N contiguous rows.
     */
    static void binary(Binary op, float[] a, int[] sa, float[] b, int[] sb, float[] out, int[] shape) {
        int r = shape.length;
        int inner = r == 0 ? 1 : shape[r - 1];
        int ia = r == 0 ? 0 : sa[r - 1], ib = r == 0 ? 0 : sb[r - 1];
        int total = Shape.size(shape);
        if (inner == 0 || total == 0) return;
        int rows = total / inner;
        int[] count = new int[Math.max(r - 1, 0)];
        int offA = 0, offB = 0;
        for (int row = 0; row < rows; row++) {
            int o = row * inner;
            switch (op) {
                case ADD: for (int j = 0; j < inner; j++) out[o + j] = a[offA + j * ia] + b[offB + j * ib]; break;
                case SUB: for (int j = 0; j < inner; j++) out[o + j] = a[offA + j * ia] - b[offB + j * ib]; break;
                case MUL: for (int j = 0; j < inner; j++) out[o + j] = a[offA + j * ia] * b[offB + j * ib]; break;
                case DIV: for (int j = 0; j < inner; j++) out[o + j] = a[offA + j * ia] / b[offB + j * ib]; break;
                case MAX:
                    for (int j = 0; j < inner; j++) out[o + j] = Math.max(a[offA + j * ia], b[offB + j * ib]);
                    break;
                default: throw new UnsupportedOperationException(op.name());
            }
            // advance the counter over the outer axes
            for (int d = r - 2; d >= 0; d--) {
                count[d]++;
                offA += sa[d];
                offB += sb[d];
                if (count[d] < shape[d]) break;
                offA -= sa[d] * shape[d];
                offB -= sb[d] * shape[d];
                count[d] = 0;
            }
        }
    }

    static void binaryBackward(Binary op, float[] a, int[] sa, float[] b, int[] sb, float[] gy, int[] shape,
                               float[] ga, float[] gb) {
        int r = shape.length;
        int inner = r == 0 ? 1 : shape[r - 1];
        int ia = r == 0 ? 0 : sa[r - 1], ib = r == 0 ? 0 : sb[r - 1];
        int total = Shape.size(shape);
        if (inner == 0 || total == 0) return;
        int rows = total / inner;
        int[] count = new int[Math.max(r - 1, 0)];
        int offA = 0, offB = 0;
        for (int row = 0; row < rows; row++) {
            int o = row * inner;
            rowBackward(op, a, offA, ia, b, offB, ib, gy, o, inner, ga, gb);
            for (int d = r - 2; d >= 0; d--) {
                count[d]++;
                offA += sa[d];
                offB += sb[d];
                if (count[d] < shape[d]) break;
                offA -= sa[d] * shape[d];
                offB -= sb[d] * shape[d];
                count[d] = 0;
            }
        }
    }

    /** One row of the broadcast backward; the op switch and the null checks sit outside the element loops. */
    private static void rowBackward(Binary op, float[] a, int offA, int ia, float[] b, int offB, int ib, float[] gy,
                                    int o, int inner, float[] ga, float[] gb) {
        switch (op) {
            case ADD:
            case SUB:
                if (ga != null) for (int j = 0; j < inner; j++) ga[offA + j * ia] += gy[o + j];
                if (gb != null) {
                    if (op == Binary.ADD) for (int j = 0; j < inner; j++) gb[offB + j * ib] += gy[o + j];
                    else for (int j = 0; j < inner; j++) gb[offB + j * ib] -= gy[o + j];
                }
                break;
            case MUL:
                if (ga != null) for (int j = 0; j < inner; j++) ga[offA + j * ia] += gy[o + j] * b[offB + j * ib];
                if (gb != null) for (int j = 0; j < inner; j++) gb[offB + j * ib] += gy[o + j] * a[offA + j * ia];
                break;
            case DIV:
                if (ga != null) for (int j = 0; j < inner; j++) ga[offA + j * ia] += gy[o + j] / b[offB + j * ib];
                if (gb != null) {
                    for (int j = 0; j < inner; j++) {
                        float bv = b[offB + j * ib];
                        gb[offB + j * ib] -= gy[o + j] * a[offA + j * ia] / (bv * bv);
                    }
                }
                break;
            case MAX:
                for (int j = 0; j < inner; j++) {
                    int ka = offA + j * ia, kb = offB + j * ib;
                    if (a[ka] >= b[kb]) {
                        if (ga != null) ga[ka] += gy[o + j];
                    } else if (gb != null) {
                        gb[kb] += gy[o + j];
                    }
                }
                break;
            default: throw new UnsupportedOperationException(op.name());
        }
    }
}
