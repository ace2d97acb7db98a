package descent.labs.attention;

import descent.tensor.Backend;
import descent.tensor.Tensor;

/**
 * Examples made into tensors for one forward pass: inputs (B, T), the rows of the (B T, V) logits that are scored,
 * and their targets. Tensors belong to the caller's scope.
 */
final class Batch {
    final Tensor inputs;  // (B, T)
    final Tensor rows;    // (S): scored rows of the logits
    final Tensor targets; // (S)
    final int scored;
    private final int[] target;

    private Batch(Tensor inputs, Tensor rows, Tensor targets, int[] target) {
        this.inputs = inputs;
        this.rows = rows;
        this.targets = targets;
        this.target = target;
        this.scored = target.length;
    }

    /** Examples idx[from .. from + count) of data. */
    static Batch of(Backend be, TokenTask.Examples data, int[] idx, int from, int count) {
        int t = data.t;
        int[] seq = new int[t + 1];
        int[] ids = new int[count * t];
        int scored = 0;
        for (int i = 0; i < count; i++) scored += t - data.scoreFrom(idx[from + i]);
        int[] rows = new int[scored], target = new int[scored];
        int k = 0;
        for (int i = 0; i < count; i++) {
            int e = idx[from + i];
            data.copy(e, seq, 0);
            System.arraycopy(seq, 0, ids, i * t, t);
            for (int j = data.scoreFrom(e); j < t; j++) {
                rows[k] = i * t + j;
                target[k] = seq[j + 1];
                k++;
            }
        }
        return new Batch(Tensor.indices(be, ids, count, t), Tensor.indices(be, rows, scored),
                Tensor.indices(be, target, scored), target);
    }

    /** How many scored rows of logits (S, V), read on the host, predict their target by arg-max. */
    int correct(float[] logits, int vocab) {
        int correct = 0;
        for (int r = 0; r < target.length; r++) {
            int best = 0;
            for (int j = 1; j < vocab; j++) if (logits[r * vocab + j] > logits[r * vocab + best]) best = j;
            if (best == target[r]) correct++;
        }
        return correct;
    }
}
