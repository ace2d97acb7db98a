package descent.tensor;

/** Reductions and softmax along the middle axis of (outer, n, inner). */
final class CpuReduce {
    private CpuReduce() {}

    static void reduce(Reduce op, float[] x, float[] y, int outer, int n, int inner) {
        for (int o = 0; o < outer; o++) {
            int base = o * n * inner;
            for (int i = 0; i < inner; i++) {
                int p = base + i;
                if (op == Reduce.MAX) {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int j = 0; j < n; j++, p += inner) if (x[p] > m || x[p] != x[p]) m = x[p];
                    y[o * inner + i] = m;
                } else {
                    // double accumulator: a mean over thousands of float32 terms keeps its last digits
                    double s = 0;
                    for (int j = 0; j < n; j++, p += inner) s += x[p];
                    y[o * inner + i] = (float) (op == Reduce.MEAN ? s / n : s);
                }
            }
        }
    }

    static void reduceBackward(Reduce op, float[] x, float[] y, float[] gy, float[] gx, int outer, int n, int inner) {
        float scale = op == Reduce.MEAN ? 1f / n : 1f;
        for (int o = 0; o < outer; o++) {
            int base = o * n * inner;
            for (int i = 0; i < inner; i++) {
                float g = gy[o * inner + i] * scale;
                int p = base + i;
                if (op == Reduce.MAX) {
                    float m = y[o * inner + i];
                    for (int j = 0; j < n; j++, p += inner) {
                        if (x[p] == m) {
                            gx[p] += g;
                            break;
                        }
                    }
                } else {
                    for (int j = 0; j < n; j++, p += inner) gx[p] += g;
                }
            }
        }
    }

    /** Causal rows (causal > 0, inner == 1): row r keeps columns j <= r % causal. */
    static void softmax(float[] x, float[] y, int outer, int n, int inner, boolean log, int causal) {
        for (int o = 0; o < outer; o++) {
            int valid = causal > 0 ? (o % causal) + 1 : n;
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                float m = Float.NEGATIVE_INFINITY;
                for (int j = 0, p = base; j < valid; j++, p += inner) m = Math.max(m, x[p]);
                double s = 0;
                for (int j = 0, p = base; j < valid; j++, p += inner) {
                    float e = (float) Math.exp(x[p] - m);
                    s += e;
                    if (!log) y[p] = e;
                }
                if (log) {
                    float lse = m + (float) Math.log(s);
                    for (int j = 0, p = base; j < valid; j++, p += inner) y[p] = x[p] - lse;
                } else {
                    float inv = (float) (1.0 / s);
                    for (int j = 0, p = base; j < valid; j++, p += inner) y[p] *= inv;
                }
                float masked = log ? Float.NEGATIVE_INFINITY : 0f;
                for (int j = valid, p = base + valid * inner; j < n; j++, p += inner) y[p] = masked;
            }
        }
    }

    /** softmax: gx += y (gy - sum(gy y)); log-softmax: gx += gy - softmax * sum(gy). */
    static void softmaxBackward(float[] y, float[] gy, float[] gx, int outer, int n, int inner, boolean log) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double s = 0;
                if (log) {
                    for (int j = 0, p = base; j < n; j++, p += inner) s += gy[p];
                    for (int j = 0, p = base; j < n; j++, p += inner) {
                        gx[p] += gy[p] - (float) Math.exp(y[p]) * (float) s;
                    }
                } else {
                    for (int j = 0, p = base; j < n; j++, p += inner) s += gy[p] * y[p];
                    float fs = (float) s;
                    for (int j = 0, p = base; j < n; j++, p += inner) gx[p] += y[p] * (gy[p] - fs);
                }
            }
        }
    }
}
