package descent.labs.attention;

import descent.data.CharVocab;
import descent.data.TextCorpus;

/**
 * Character-level language modelling: every window of T + 1 characters of the first 90% of the text is a training
 * example, non-overlapping windows of the last 10% are the test. The vocabulary is the set of characters the text
 * uses, so any script works.
 */
final class TextTask extends TokenTask {
    static final double TRAIN_PART = 0.9;
    /** The built-in text: the engine's generated sentences, always the same ~40 000 characters. */
    static final int BUILT_IN_CHARS = 40_000;
    static final long BUILT_IN_SEED = 2017;

    final CharVocab chars;
    final String source;
    private final Examples train, test;

    /** {@code text} must be at least a few contexts long ({@link PastedText} checks pasted text). */
    TextTask(String text, String source, int context) {
        this(new CharVocab(text), text, source, context);
    }

    private TextTask(CharVocab chars, String text, String source, int context) {
        super("text", chars.size(), context, symbols(chars));
        this.chars = chars;
        this.source = source;
        int[] ids = chars.encode(text);
        int split = (int) (ids.length * TRAIN_PART);
        // a short text still yields a few test windows: take them from the end, overlapping the training part if need be
        int testFrom = Math.max(0, Math.min(split, ids.length - 4 * (context + 1)));
        train = Examples.windows(ids, 0, Math.max(split, context + 2), context, 1);
        test = Examples.windows(ids, testFrom, ids.length, context, context + 1);
    }

    static TextTask builtIn(int context) {
        return new TextTask(TextCorpus.generate(BUILT_IN_CHARS, BUILT_IN_SEED), "built-in", context);
    }

    /** Characters as they print in a map cell: whitespace made visible. */
    static String[] symbols(CharVocab chars) {
        String[] s = new String[chars.size()];
        for (int i = 0; i < s.length; i++) s[i] = visible(chars.codePoint(i));
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
        return chars.idOf(codePoint);
    }

    @Override
    public String typed(int[] tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) sb.appendCodePoint(chars.codePoint(tokens[i]));
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
        return "Type any text made of characters the " + source + " text uses (" + vocab + " different ones).";
    }

    @Override
    public int answerLength(int promptLength) {
        return 200;
    }
}
