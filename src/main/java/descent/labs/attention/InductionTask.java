package descent.labs.attention;

import descent.tensor.Rng;

/**
 * Repeated random sequences, the task on which induction heads form (Olsson et al. 2022): random tokens, a segment
 * of distinct tokens, more random tokens, then the same segment again. Only the repeat is scored: once the model
 * sees a token for the second time it can predict the next one by finding the first occurrence and copying what
 * followed.
 *
 * <p>The segment length (from half the maximum up) and the gap before the repeat vary between examples, so the
 * distance back to the first occurrence is different every time and no head that looks a fixed number of positions
 * back can solve the task: a look-up by content is needed. Filler tokens never occur in the segment, so "the first
 * occurrence" is unambiguous.
 */
final class InductionTask extends TokenTask {
    static final int TRAIN = 8192, TEST = 256;
    final int maxSegment;
    private final Examples train, test;

    InductionTask(int maxSegment, int symbolCount, long seed) {
        super("induction", symbolCount, 2 * maxSegment - 1, symbols(symbolCount));
        if (symbolCount <= maxSegment) throw new IllegalArgumentException("need more symbols than the segment length");
        this.maxSegment = maxSegment;
        train = generate(TRAIN, new Rng(seed));
        test = generate(TEST, new Rng(seed ^ 0x5DEECE66DL));
    }

    private static String[] symbols(int n) {
        String[] s = new String[n];
        for (int k = 0; k < n; k++) s[k] = letter(k);
        return s;
    }

    private Examples generate(int n, Rng rng) {
        int len = t + 1;
        int[] seqs = new int[n * len], from = new int[n];
        for (int e = 0; e < n; e++) {
            int segment = segmentLength(rng);
            int spare = len - 2 * segment;
            int prefix = rng.nextInt(spare + 1), gap = spare - prefix;
            int[] perm = rng.permutation(vocab); // the first `segment` are the segment, the rest fill prefix and gap
            int o = e * len, k = 0;
            for (int i = 0; i < prefix; i++) seqs[o + k++] = perm[segment + rng.nextInt(vocab - segment)];
            for (int i = 0; i < segment; i++) seqs[o + k++] = perm[i];
            for (int i = 0; i < gap; i++) seqs[o + k++] = perm[segment + rng.nextInt(vocab - segment)];
            for (int i = 0; i < segment; i++) seqs[o + k++] = perm[i];
            // target j predicts token j + 1: scoring starts where the first repeated token predicts the second
            from[e] = prefix + segment + gap;
        }
        return Examples.stored(n, t, seqs, from);
    }

    private int segmentLength(Rng rng) {
        int lo = (maxSegment + 1) / 2;
        return lo + rng.nextInt(maxSegment - lo + 1);
    }

    /**
     * Where each scored query of an example should look if it does induction: for query q holding the second
     * occurrence of a token, the position just after that token's first occurrence; -1 for other positions.
     */
    static int[] inductionTargets(int[] seq, int t) {
        int[] target = new int[t];
        for (int q = 0; q < t; q++) {
            target[q] = -1;
            for (int j = 0; j + 1 < q; j++) {
                if (seq[j] == seq[q]) {
                    target[q] = j + 1;
                    break;
                }
            }
        }
        return target;
    }

    /**
     * Induction score of every head (layers x heads): over the first {@code n} test examples and their scored
     * queries, the mean attention weight on the position just after the current token's first occurrence. A head
     * that does induction scores near 1; one that attends uniformly scores about 1 / (query position + 1).
     */
    double[][] inductionScores(Transformer model, int n) {
        double[][] sum = new double[model.layers()][model.heads];
        int count = 0;
        for (int e = 0; e < Math.min(n, test.count); e++) {
            int[] seq = test.sequence(e);
            Probe p = Probe.run(model, java.util.Arrays.copyOf(seq, t));
            int[] target = inductionTargets(seq, t);
            for (int q = test.scoreFrom(e); q < t; q++) {
                if (target[q] < 0) continue;
                count++;
                for (int l = 0; l < p.layers; l++) for (int h = 0; h < p.heads; h++) sum[l][h] += p.weight(l, h, q, target[q]);
            }
        }
        for (double[] row : sum) for (int h = 0; h < row.length; h++) row[h] /= Math.max(1, count);
        return sum;
    }

    @Override
    public Examples train() {
        return train;
    }

    @Override
    public Examples test() {
        return test;
    }

    @Override
    public Parsed example(String typed) {
        Parsed p = tokenizeChars(typed, t + 1);
        if (p.problem() == null && p.tokens().length < 2) return Parsed.problem(inputHint());
        return p;
    }

    @Override
    public Parsed prompt(String typed) {
        Parsed p = tokenizeChars(typed, t);
        if (p.problem() == null && p.tokens().length == 0) return Parsed.problem(inputHint());
        return p;
    }

    @Override
    public String defaultExample() {
        return typed(test.sequence(0), 0, t + 1);
    }

    @Override
    public String inputHint() {
        return "Type letters a to " + symbols[vocab - 1] + " with a repeat, e.g. qxkwmpqxk: after the repeat starts"
                + " the model can predict what comes next.";
    }

    @Override
    public int answerLength(int promptLength) {
        return Math.max(1, Math.min(maxSegment, t - promptLength));
    }
}
