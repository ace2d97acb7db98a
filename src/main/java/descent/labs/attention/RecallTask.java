package descent.labs.attention;

import descent.data.SequenceTask;

/**
 * Associative recall: key-value pairs {@code a 3 f 7 c 1}, then a key again {@code f}; the answer is its value
 * {@code 7}. Keys print as letters, values as digits. The model must find the earlier copy of the query key and
 * read the token after it: the same "look up, then step one to the right" that an induction head does.
 */
final class RecallTask extends TokenTask {
    static final int KEYS = 26, VALUES = 10, TRAIN = 8192, TEST = 256;
    private final int pairs;
    private final Examples train, test;

    RecallTask(int pairs, long seed) {
        super("associative recall", KEYS + VALUES, 2 * pairs + 1, symbols());
        this.pairs = pairs;
        train = ListTask.stored(SequenceTask.associativeRecall(TRAIN, pairs, KEYS, VALUES, seed));
        test = ListTask.stored(SequenceTask.associativeRecall(TEST, pairs, KEYS, VALUES, seed ^ 0x5DEECE66DL));
    }

    private static String[] symbols() {
        String[] s = new String[KEYS + VALUES];
        for (int k = 0; k < KEYS; k++) s[k] = letter(k);
        for (int v = 0; v < VALUES; v++) s[KEYS + v] = Integer.toString(v);
        return s;
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
        int[] s = java.util.Arrays.copyOf(q.tokens(), q.tokens().length + 1);
        int query = s[s.length - 2];
        for (int i = 0; i + 1 < s.length - 2; i += 2) if (s[i] == query) s[s.length - 1] = s[i + 1];
        return Parsed.of(s);
    }

    /** Pairs letter-digit with distinct letters, then one of those letters: "a3f7c1f". */
    @Override
    public Parsed prompt(String typed) {
        Parsed p = tokenizeChars(typed, 2 * pairs + 1);
        if (p.problem() != null) return p;
        int[] s = p.tokens();
        if (s.length < 3 || s.length % 2 == 0) return Parsed.problem(inputHint());
        boolean[] seen = new boolean[KEYS];
        for (int i = 0; i + 1 < s.length; i += 2) {
            if (s[i] >= KEYS || s[i + 1] < KEYS) return Parsed.problem(inputHint());
            if (seen[s[i]]) return Parsed.problem("Each key may appear once before the query.");
            seen[s[i]] = true;
        }
        int query = s[s.length - 1];
        if (query >= KEYS || !seen[query]) return Parsed.problem("End with one of the keys you used.");
        return Parsed.of(s);
    }

    @Override
    public String defaultExample() {
        return typed(test.sequence(0), 0, 2 * pairs + 1);
    }

    @Override
    public String inputHint() {
        return "Type up to " + pairs + " pairs letter-digit with distinct letters, then one of the letters, e.g. "
                + "a3f7c1f.";
    }

    @Override
    public int answerLength(int promptLength) {
        return 1;
    }
}
