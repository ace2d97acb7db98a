package descent.data;

import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Tensor;

/**
 * Next-token sequence tasks for RNN, SSM and attention labs: each example is a token sequence x_0..x_T where the
 * model reads x_0..x_{T-1} and predicts x_1..x_T; only positions from {@link #lossFrom} on are scored (the answer
 * part). Token 0 is the separator in copy, reverse and sort.
 */
public final class SequenceTask {
    public final String name;
    public final int n, t, vocab, lossFrom;
    public final int[] inputs;  // (N, T)
    public final int[] targets; // (N, T): targets[i, j] = x_{j+1}

    private SequenceTask(String name, int[][] seqs, int vocab, int lossFrom) {
        this.name = name;
        this.n = seqs.length;
        this.t = seqs[0].length - 1;
        this.vocab = vocab;
        this.lossFrom = lossFrom;
        inputs = new int[n * t];
        targets = new int[n * t];
        for (int i = 0; i < n; i++) {
            System.arraycopy(seqs[i], 0, inputs, i * t, t);
            System.arraycopy(seqs[i], 1, targets, i * t, t);
        }
    }

    public enum Kind { COPY, REVERSE, SORT }

    /** [a_1..a_L, SEP, f(a)] with symbols 1..vocab-1: f copies, reverses or sorts. Scored from the separator on. */
    public static SequenceTask listTask(Kind kind, int n, int length, int vocab, long seed) {
        if (vocab < 3 || length < 1) throw new IllegalArgumentException("need vocab >= 3 and length >= 1");
        Rng rng = new Rng(seed);
        int[][] seqs = new int[n][2 * length + 1];
        for (int[] s : seqs) {
            int[] a = new int[length];
            for (int i = 0; i < length; i++) a[i] = 1 + rng.nextInt(vocab - 1);
            int[] b = a.clone();
            if (kind == Kind.REVERSE) for (int i = 0; i < length; i++) b[i] = a[length - 1 - i];
            if (kind == Kind.SORT) java.util.Arrays.sort(b);
            System.arraycopy(a, 0, s, 0, length);
            s[length] = 0;
            System.arraycopy(b, 0, s, length + 1, length);
        }
        return new SequenceTask(kind.name().toLowerCase(), seqs, vocab, length);
    }

    /** [a, b, =, (a + b) mod p] with numbers 0..p-1 and '=' as token p (Power et al. 2022's grokking task). */
    public static SequenceTask modularAddition(int p, double fraction, long seed) {
        int total = p * p;
        int[] order = new Rng(seed).permutation(total);
        int n = Math.max(1, (int) Math.round(total * fraction));
        int[][] seqs = new int[n][];
        for (int i = 0; i < n; i++) {
            int a = order[i] / p, b = order[i] % p;
            seqs[i] = new int[] {a, b, p, (a + b) % p};
        }
        return new SequenceTask("modular addition", seqs, p + 1, 2);
    }

    /**
     * Associative recall: pairs k_1 v_1 ... k_M v_M with distinct keys, then a query key; the answer is its value.
     * Keys are tokens 0..keys-1, values keys..keys+values-1.
     */
    public static SequenceTask associativeRecall(int n, int pairs, int keys, int values, long seed) {
        if (pairs > keys) throw new IllegalArgumentException("more pairs than distinct keys");
        Rng rng = new Rng(seed);
        int[][] seqs = new int[n][2 * pairs + 2];
        for (int[] s : seqs) {
            int[] k = rng.permutation(keys);
            for (int i = 0; i < pairs; i++) {
                s[2 * i] = k[i];
                s[2 * i + 1] = keys + rng.nextInt(values);
            }
            int q = rng.nextInt(pairs);
            s[2 * pairs] = s[2 * q];
            s[2 * pairs + 1] = s[2 * q + 1];
        }
        return new SequenceTask("associative recall", seqs, keys + values, 2 * pairs);
    }

    /** Inputs of examples [from, from + count) as a (count, T) index tensor. */
    public Tensor inputs(Backend be, int from, int count) {
        int[] ids = new int[count * t];
        System.arraycopy(inputs, from * t, ids, 0, count * t);
        return Tensor.indices(be, ids, count, t);
    }

    /** Targets of the scored positions of those examples, flattened to (count * (T - lossFrom)). */
    public Tensor scoredTargets(Backend be, int from, int count) {
        int per = t - lossFrom;
        int[] y = new int[count * per];
        for (int i = 0; i < count; i++) {
            System.arraycopy(targets, (from + i) * t + lossFrom, y, i * per, per);
        }
        return Tensor.indices(be, y, y.length);
    }

    /** Row indices into logits (count * T, V) that select the scored positions, in the order of scoredTargets. */
    public Tensor scoredRows(Backend be, int count) {
        int per = t - lossFrom;
        int[] rows = new int[count * per];
        for (int i = 0; i < count; i++) for (int j = 0; j < per; j++) rows[i * per + j] = i * t + lossFrom + j;
        return Tensor.indices(be, rows, rows.length);
    }
}
