package descent.tensor;

/** Fused losses and row normalisations on the CPU. */
final class CpuLosses {
    private CpuLosses() {}

    /** log sum exp of row r of (rows, k), shifted by the row max for stability. */
    private static float logSumExp(float[] z, int off, int k) {
        float m = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) m = Math.max(m, z[off + j]);
        double s = 0;
        for (int j = 0; j < k; j++) s += Math.exp(z[off + j] - m);
        return m + (float) Math.log(s);
    }

    static void crossEntropy(float[] z, float[] t, float[] loss, int rows, int k) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int y = CpuLayout.index(t[r], k);
            total += logSumExp(z, r * k, k) - z[r * k + y];
        }
        loss[0] = (float) (total / rows);
    }

    static void crossEntropyBackward(float[] z, float[] t, float[] gLoss, float[] gz, int rows, int k) {
        float g = gLoss[0] / rows;
        for (int r = 0; r < rows; r++) {
            int off = r * k;
            float lse = logSumExp(z, off, k);
            int y = CpuLayout.index(t[r], k);
            for (int j = 0; j < k; j++) gz[off + j] += g * (float) Math.exp(z[off + j] - lse);
            gz[off + y] -= g;
        }
    }

    static void bceWithLogits(float[] z, float[] t, float[] loss, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            float v = z[i];
            total += Math.max(v, 0f) - v * t[i] + Math.log1p(Math.exp(-Math.abs(v)));
        }
        loss[0] = (float) (total / n);
    }

    static void bceWithLogitsBackward(float[] z, float[] t, float[] gLoss, float[] gz, int n) {
        float g = gLoss[0] / n;
        for (int i = 0; i < n; i++) gz[i] += g * (CpuElementwise.sigmoid(z[i]) - t[i]);
    }

    static void layerNorm(float[] x, float[] y, float[] mean, float[] rstd, int rows, int d, float eps) {
        for (int r = 0; r < rows; r++) {
            int off = r * d;
            double s = 0;
            for (int j = 0; j < d; j++) s += x[off + j];
            float mu = (float) (s / d);
            double v = 0;
            for (int j = 0; j < d; j++) {
                float c = x[off + j] - mu;
                v += c * c;
            }
            float rs = (float) (1.0 / Math.sqrt(v / d + eps));
            for (int j = 0; j < d; j++) y[off + j] = (x[off + j] - mu) * rs;
            mean[r] = mu;
            rstd[r] = rs;
        }
    }

    /** With xhat = (x - mu) rstd: gx = rstd (gy - mean(gy) - xhat mean(gy xhat)). */
    static void layerNormBackward(float[] x, float[] mean, float[] rstd, float[] gy, float[] gx, int rows, int d) {
        for (int r = 0; r < rows; r++) {
            int off = r * d;
            float mu = mean[r], rs = rstd[r];
            double sg = 0, sgx = 0;
            for (int j = 0; j < d; j++) {
                float xh = (x[off + j] - mu) * rs;
                sg += gy[off + j];
                sgx += gy[off + j] * xh;
            }
            float mg = (float) (sg / d), mgx = (float) (sgx / d);
            for (int j = 0; j < d; j++) {
                float xh = (x[off + j] - mu) * rs;
                gx[off + j] += rs * (gy[off + j] - mg - xh * mgx);
            }
        }
    }

    static void rmsNorm(float[] x, float[] y, float[] rstd, int rows, int d, float eps) {
        for (int r = 0; r < rows; r++) {
            int off = r * d;
            double s = 0;
            for (int j = 0; j < d; j++) s += x[off + j] * x[off + j];
            float rs = (float) (1.0 / Math.sqrt(s / d + eps));
            for (int j = 0; j < d; j++) y[off + j] = x[off + j] * rs;
            rstd[r] = rs;
        }
    }

    /** y = x rstd: gx = rstd gy - x rstd^3 mean(gy x). */
    static void rmsNormBackward(float[] x, float[] rstd, float[] gy, float[] gx, int rows, int d) {
        for (int r = 0; r < rows; r++) {
            int off = r * d;
            float rs = rstd[r];
            double s = 0;
            for (int j = 0; j < d; j++) s += gy[off + j] * x[off + j];
            float m = (float) (s / d) * rs * rs * rs;
            for (int j = 0; j < d; j++) gx[off + j] += rs * gy[off + j] - x[off + j] * m;
        }
    }
}
