package descent.labs.attention;

import descent.data.SequenceTask;
import java.util.Arrays;

/**
 * Copy, reverse or sort a list: {@code [a_1 .. a_L | f(a)]}, scored on the answer after the separator. Copy needs a
 * head that looks back exactly L + 1 positions, reverse one whose offset changes with every step; sort needs the
 * model to count. Symbols print as letters, the separator as "|".
 */
final class ListTask extends TokenTask {
    static final int TRAIN = 8192, TEST = 256;
    private final SequenceTask.Kind kind;
    private final int length;
    private final Examples train, test;

    ListTask(SequenceTask.Kind kind, int length, int symbolCount, long seed) {
        super(kind.name().toLowerCase(), symbolCount + 1, 2 * length, symbols(symbolCount));
        this.kind = kind;
        this.length = length;
        train = stored(SequenceTask.listTask(kind, TRAIN, length, vocab, seed));
        test = stored(SequenceTask.listTask(kind, TEST, length, vocab, seed ^ 0x5DEECE66DL));
    }

    private static String[] symbols(int n) {
        String[] s = new String[n + 1];
        s[0] = "|";
        for (int k = 1; k <= n; k++) s[k] = letter(k - 1);
        return s;
    }

    /** The engine's task as examples: sequence i is inputs[i] followed by the last target. */
    static Examples stored(SequenceTask task) {
        int t = task.t;
        int[] seqs = new int[task.n * (t + 1)];
        int[] from = new int[task.n];
        for (int i = 0; i < task.n; i++) {
            System.arraycopy(task.inputs, i * t, seqs, i * (t + 1), t);
            seqs[i * (t + 1) + t] = task.targets[i * t + t - 1];
            from[i] = task.lossFrom;
        }
        return Examples.stored(task.n, t, seqs, from);
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
        Parsed p = list(typed);
        if (p.problem() != null) return p;
        int[] a = p.tokens(), b = a.clone();
        if (kind == SequenceTask.Kind.REVERSE) for (int i = 0; i < a.length; i++) b[i] = a[a.length - 1 - i];
        if (kind == SequenceTask.Kind.SORT) Arrays.sort(b);
        int[] s = new int[2 * a.length + 1];
        System.arraycopy(a, 0, s, 0, a.length);
        System.arraycopy(b, 0, s, a.length + 1, a.length);
        return Parsed.of(s);
    }

    @Override
    public Parsed prompt(String typed) {
        Parsed p = list(typed);
        if (p.problem() != null) return p;
        int[] s = Arrays.copyOf(p.tokens(), p.tokens().length + 1); // the separator (token 0) asks for the answer
        return Parsed.of(s);
    }

    /** The list part of what was typed: anything after a "|" is the answer, which the task computes itself. */
    private Parsed list(String typed) {
        int bar = typed.indexOf('|');
        Parsed p = tokenizeChars(bar < 0 ? typed : typed.substring(0, bar), length);
        if (p.problem() != null) return p;
        if (p.tokens().length == 0) return Parsed.problem("Type a few letters, e.g. " + defaultExample() + ".");
        return p;
    }

    @Override
    public String defaultExample() {
        return typed(test.sequence(0), 0, length);
    }

    @Override
    public String inputHint() {
        return "Type up to " + length + " letters from a to " + symbols[vocab - 1] + " (trained on lists of "
                + length + ").";
    }

    @Override
    public int answerLength(int promptLength) {
        return promptLength - 1;
    }
}
