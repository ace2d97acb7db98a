package descent.labs.attention;

import descent.data.TextCorpus;

/**
 * Character-level language modelling: every window of T + 1 characters of the first 90% of the text is a training
 * example, non-overlapping windows of the last 10% are the test. The vocabulary is the set of characters the text
 * uses, so any script works.
 */
final class TextTask extends TokenTask {
    static final double TRAIN_PART = 0.9;
    final TextCorpus corpus;
    private final Examples train, test;

    TextTask(TextCorpus corpus, int context) {
        super("text", corpus.vocabulary.length, context, symbols(corpus));
        this.corpus = corpus;
        int split = (int) (corpus.size() * TRAIN_PART);
        // a short text still yields a few test windows: take them from the end, overlapping the training part if need be
        int testFrom = Math.max(0, Math.min(split, corpus.size() - 4 * (context + 1)));
        train = Examples.windows(corpus.ids, 0, split, context, 1);
        test = Examples.windows(corpus.ids, testFrom, corpus.size(), context, context + 1);
    }

    /** Characters as they print in a map cell: whitespace made visible. */
    static String[] symbols(TextCorpus corpus) {
        String[] s = new String[corpus.vocabulary.length];
        for (int i = 0; i < s.length; i++) s[i] = visible(corpus.vocabulary[i]);
        return s;
    }

    static String visible(int cp) {
        switch (cp) {
            case ' ': return "\u2423";  // open box
            case '\n': return "\u21b5"; // return arrow
            case '\t': return "\u21e5"; // tab arrow
            default: return new String(Character.toChars(cp));
        }
    }

    @Override
    protected int idOf(int codePoint) {
        return corpus.idOf(codePoint);
    }

    @Override
    public String typed(int[] tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) sb.appendCodePoint(corpus.vocabulary[tokens[i]]);
        return sb.toString();
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
        Parsed p = tokenizeChars(typed, t);
        if (p.problem() == null && p.tokens().length < 2) return Parsed.problem("Type at least two characters.");
        return p;
    }

    @Override
    public Parsed prompt(String typed) {
        Parsed p = tokenizeChars(typed, t);
        if (p.problem() == null && p.tokens().length == 0) return Parsed.problem("Type a few characters to start from.");
        return p;
    }

    @Override
    public String defaultExample() {
        int[] s = test.sequence(0);
        return typed(s, 0, Math.min(s.length - 1, 48));
    }

    @Override
    public String inputHint() {
        return "Type any text made of characters the corpus uses (" + vocab + " different ones).";
    }

    @Override
    public int answerLength(int promptLength) {
        return 200;
    }
}
