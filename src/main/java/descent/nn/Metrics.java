package descent.nn;

import descent.tensor.Tensor;

/** Host-side statistics for the UI. Each reads a tensor back from the backend: call them between steps, not in one. */
public final class Metrics {
    private Metrics() {}

    /** Fraction of rows of logits (N, K) whose arg-max equals the label. */
    public static double accuracy(Tensor logits, int[] labels) {
        int k = logits.dim(-1), n = logits.size / k;
        float[] z = logits.toHost();
        int correct = 0;
        for (int r = 0; r < n; r++) {
            int best = 0;
            for (int j = 1; j < k; j++) if (z[r * k + j] > z[r * k + best]) best = j;
            if (best == labels[r]) correct++;
        }
        return (double) correct / n;
    }

    /** Arg-max per row of (N, K). */
    public static int[] predictions(Tensor logits) {
        int k = logits.dim(-1), n = logits.size / k;
        float[] z = logits.toHost();
        int[] out = new int[n];
        for (int r = 0; r < n; r++) {
            int best = 0;
            for (int j = 1; j < k; j++) if (z[r * k + j] > z[r * k + best]) best = j;
            out[r] = best;
        }
        return out;
    }
}
