package descent.data;

import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Tensor;

/**
 * A labelled dataset held on the host: inputs (N, D) and either class labels (N) or real targets (N, T). Tensors are
 * made from it per batch; generators and importers produce it.
 */
public final class Dataset {
    public final String name;
    public final int n, d;
    public final float[] x;        // (N, D)
    public final int[] labels;     // (N), or null for regression / density data
    public final int classes;      // 0 when there are no labels
    public final float[] targets;  // (N, T), or null
    public final int targetDim;

    public Dataset(String name, float[] x, int d, int[] labels, int classes, float[] targets, int targetDim) {
        if (d <= 0 || x.length % d != 0) throw new IllegalArgumentException("inputs are not (N, " + d + ")");
        this.name = name;
        this.d = d;
        this.n = x.length / d;
        this.x = x;
        this.labels = labels;
        this.classes = classes;
        this.targets = targets;
        this.targetDim = targetDim;
        if (labels != null && labels.length != n) throw new IllegalArgumentException("one label per row needed");
        if (targets != null && targets.length != n * targetDim) throw new IllegalArgumentException("targets not (N, T)");
    }

    public static Dataset classification(String name, float[] x, int d, int[] labels, int classes) {
        return new Dataset(name, x, d, labels, classes, null, 0);
    }

    public static Dataset regression(String name, float[] x, int d, float[] targets, int targetDim) {
        return new Dataset(name, x, d, null, 0, targets, targetDim);
    }

    /** Unlabelled samples, e.g. from a 2-D density. */
    public static Dataset samples(String name, float[] x, int d) {
        return new Dataset(name, x, d, null, 0, null, 0);
    }

    /** Rows {@code idx} as a new dataset. */
    public Dataset subset(int[] idx, String suffix) {
        float[] sx = new float[idx.length * d];
        int[] sl = labels == null ? null : new int[idx.length];
        float[] st = targets == null ? null : new float[idx.length * targetDim];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(x, idx[i] * d, sx, i * d, d);
            if (sl != null) sl[i] = labels[idx[i]];
            if (st != null) System.arraycopy(targets, idx[i] * targetDim, st, i * targetDim, targetDim);
        }
        return new Dataset(name + suffix, sx, d, sl, classes, st, targetDim);
    }

    /** A seeded random split: {@code [train, test]} with round(N testFraction) test rows. */
    public Dataset[] split(double testFraction, long seed) {
        int[] perm = new Rng(seed).permutation(n);
        int nTest = (int) Math.round(n * testFraction);
        int[] test = new int[nTest], train = new int[n - nTest];
        System.arraycopy(perm, 0, test, 0, nTest);
        System.arraycopy(perm, nTest, train, 0, n - nTest);
        return new Dataset[] {subset(train, " (train)"), subset(test, " (test)")};
    }

    /** All inputs as an (N, D) tensor. */
    public Tensor inputs(Backend be) {
        return Tensor.of(be, x, n, d);
    }

    /** All labels as an (N) index tensor. */
    public Tensor labelTensor(Backend be) {
        return Tensor.indices(be, labels, n);
    }

    public Tensor targetTensor(Backend be) {
        return Tensor.of(be, targets, n, targetDim);
    }
}
