package descent.data;

import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Tensor;

/**
 * Seeded minibatches: each epoch is a fresh permutation, batches are cut from it in order. Host staging arrays are
 * allocated once and reused, so drawing a batch allocates only the pooled device buffers of its tensors.
 */
public final class Batcher {
    private final Dataset data;
    private final int batch;
    private final Rng rng;
    private int[] order;
    private int pos;
    private final float[] xs, ys, ts;

    public Batcher(Dataset data, int batch, long seed) {
        if (batch <= 0 || batch > data.n) throw new IllegalArgumentException("batch size must be in [1, " + data.n + "]");
        this.data = data;
        this.batch = batch;
        this.rng = new Rng(seed);
        this.order = rng.permutation(data.n);
        this.xs = new float[batch * data.d];
        this.ys = data.labels == null ? null : new float[batch];
        this.ts = data.targets == null ? null : new float[batch * data.targetDim];
    }

    /** Inputs (B, D) and labels (B) or targets (B, T) of the next batch, as tensors in the current scope. */
    public Tensor[] next(Backend be) {
        if (pos + batch > data.n) {
            rng.shuffle(order);
            pos = 0;
        }
        for (int i = 0; i < batch; i++) {
            int r = order[pos + i];
            System.arraycopy(data.x, r * data.d, xs, i * data.d, data.d);
            if (ys != null) ys[i] = data.labels[r];
            if (ts != null) System.arraycopy(data.targets, r * data.targetDim, ts, i * data.targetDim, data.targetDim);
        }
        pos += batch;
        Tensor x = Tensor.of(be, xs, batch, data.d);
        Tensor y = ys != null ? Tensor.of(be, ys, batch) : ts != null ? Tensor.of(be, ts, batch, data.targetDim) : null;
        return new Tensor[] {x, y};
    }
}
