package descent.labs.attention;

import descent.data.SequenceTask;

/**
 * Modular addition {@code [a, b, =, (a + b) mod p]} (Power et al. 2022): a fraction of the p^2 sums is for training,
 * the rest is the test. With weight decay the model first memorises the training sums and much later generalises,
 * which is why the lab plots train and test accuracy together over a long run.
 */
final class ModularTask extends TokenTask {
    final int p;
    private final Examples train, test;

    ModularTask(int p, double trainFraction, long seed) {
        super("modular addition", p + 1, 3, symbols(p));
        this.p = p;
        SequenceTask all = SequenceTask.modularAddition(p, 1.0, seed); // every pair, in a seeded order
        int nTrain = Math.max(1, Math.min(all.n - 1, (int) Math.round(all.n * trainFraction)));
        Examples every = ListTask.stored(all);
        train = slice(every, 0, nTrain);
        test = slice(every, nTrain, all.n);
    }

    private static String[] symbols(int p) {
        String[] s = new String[p + 1];
        for (int i = 0; i < p; i++) s[i] = Integer.toString(i);
        s[p] = "=";
        return s;
    }

    private static Examples slice(Examples e, int from, int to) {
        int n = to - from;
        int[] seqs = new int[n * (e.t + 1)];
        int[] scoreFrom = new int[n];
        for (int i = 0; i < n; i++) {
            e.copy(from + i, seqs, i * (e.t + 1));
            scoreFrom[i] = e.scoreFrom(from + i);
        }
        return Examples.stored(n, e.t, seqs, scoreFrom);
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
        Parsed q = prompt(typed);
        if (q.problem() != null) return q;
        int a = q.tokens()[0], b = q.tokens()[1];
        return Parsed.of(new int[] {a, b, p, (a + b) % p});
    }

    /** Two numbers below p in any notation ("3 5", "3+5", "3 + 5 ="), as [a, b, =]. */
    @Override
    public Parsed prompt(String typed) {
        int[] nums = new int[2];
        int n = 0;
        for (String part : typed.split("[^0-9]+")) {
            if (part.isEmpty()) continue;
            if (n == 2) return Parsed.problem("Type two numbers, e.g. 3 + 5.");
            if (part.length() > 4 || Integer.parseInt(part) >= p) {
                return Parsed.problem("Numbers must be below " + p + ", the modulus.");
            }
            nums[n++] = Integer.parseInt(part);
        }
        if (n < 2) return Parsed.problem("Type two numbers, e.g. 3 + 5.");
        return Parsed.of(new int[] {nums[0], nums[1], p});
    }

    @Override
    public String typed(int[] tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to && tokens[i] < p; i++) sb.append(i > from ? " + " : "").append(tokens[i]);
        return sb.toString();
    }

    @Override
    public String defaultExample() {
        return typed(test.sequence(0), 0, 2);
    }

    @Override
    public String inputHint() {
        return "Type two numbers below " + p + ", e.g. 3 + 5: the model answers (a + b) mod " + p + ".";
    }

    @Override
    public int answerLength(int promptLength) {
        return 1;
    }
}
