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
    private final Backend be;

    private Batch(Backend be, Tensor inputs, Tensor rows, Tensor targets, int[] target) {
        this.be = be;
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
        return new Batch(be, Tensor.indices(be, ids, count, t), Tensor.indices(be, rows, scored),
                Tensor.indices(be, target, scored), target);
    }

    /**
     * [loss * S, correct] as a device tensor (2), for statistics that stay on the device until an update is done
     * (a read per micro-batch would stall a GPU). A row is correct when its target's logit equals the row's maximum,
     * found without an arg-max op: gap = max - target is exactly 0 then (the same float is picked by both), and
     * 1 + clampMin(-1e30 gap, -1) turns any positive gap into 0.
     */
    Tensor stats(Tensor logits, Tensor meanLoss) {
        int v = logits.dim(1);
        float[] onehot = new float[scored * v]; // (S, V)
        for (int r = 0; r < scored; r++) onehot[r * v + target[r]] = 1f;
        Tensor targetLogit = logits.mul(Tensor.of(be, onehot, scored, v)).sum(1, false); // (S)
        Tensor gap = logits.max(1, false).sub(targetLogit);                            // (S), >= 0
        Tensor correct = gap.mul(-1e30f).clampMin(-1f).add(1f).sum();                  // ()
        return descent.tensor.Layout.concat(0, meanLoss.mul(scored).reshape(1), correct.reshape(1));
    }
}
