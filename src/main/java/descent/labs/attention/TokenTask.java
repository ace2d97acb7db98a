package descent.labs.attention;

/**
 * A next-token task as the lab sees it: training and test examples of T + 1 tokens (the model reads the first T and
 * predicts the last T), which positions are scored, how each token prints, and how a student's typed input becomes
 * tokens. Subclasses are the tasks of the syllabus: lists (copy, reverse, sort), modular addition, associative
 * recall, induction, and character-level text.
 */
public abstract class TokenTask {
    /** A set of examples: example i is T + 1 tokens, scored from its own position on. */
    public abstract static class Examples {
        public final int count, t;

        protected Examples(int count, int t) {
            this.count = count;
            this.t = t;
        }

        /** Copies example i's T + 1 tokens into seq at off. */
        public abstract void copy(int i, int[] seq, int off);

        /** The first scored target position of example i (target j is token j + 1). */
        public abstract int scoreFrom(int i);

        public int[] sequence(int i) {
            int[] s = new int[t + 1];
            copy(i, s, 0);
            return s;
        }

        /** Examples held as one flat array of sequences (N, T + 1). */
        public static Examples stored(int count, int t, int[] seqs, int[] scoreFrom) {
            return new Examples(count, t) {
                @Override
                public void copy(int i, int[] seq, int off) {
                    System.arraycopy(seqs, i * (t + 1), seq, off, t + 1);
                }

                @Override
                public int scoreFrom(int i) {
                    return scoreFrom[i];
                }
            };
        }

        /** Every window of T + 1 tokens of ids[from, to) starting at a multiple of stride, all positions scored. */
        public static Examples windows(int[] ids, int from, int to, int t, int stride) {
            int count = Math.max(0, (to - from - (t + 1)) / stride + 1);
            return new Examples(count, t) {
                @Override
                public void copy(int i, int[] seq, int off) {
                    System.arraycopy(ids, from + i * stride, seq, off, t + 1);
                }

                @Override
                public int scoreFrom(int i) {
                    return 0;
                }
            };
        }
    }

    /** A parsed input: the tokens, or why the text could not be read. */
    public record Parsed(int[] tokens, String problem) {
        static Parsed of(int[] tokens) {
            return new Parsed(tokens, null);
        }

        static Parsed problem(String why) {
            return new Parsed(null, why);
        }
    }

    public final String name;
    public final int vocab;
    /** Positions the model reads per example (its sequences are T + 1 long). */
    public final int t;
    /** How each token id prints in maps and the sampler. */
    public final String[] symbols;

    protected TokenTask(String name, int vocab, int t, String[] symbols) {
        this.name = name;
        this.vocab = vocab;
        this.t = t;
        this.symbols = symbols;
    }

    public abstract Examples train();

    public abstract Examples test();

    /**
     * A whole example from what the student typed, with the task's answer filled in where the task defines one (the
     * copy of a list, the sum): the attention maps show the model reading it with the right answer in place.
     */
    public abstract Parsed example(String typed);

    /** The part of a typed example the model must continue from (no answer): the sampler's starting point. */
    public abstract Parsed prompt(String typed);

    /** A sensible example to show before the student types one. */
    public abstract String defaultExample();

    /** One line on what the student types, shown under the input box. */
    public abstract String inputHint();

    /** How many tokens the sampler generates after the prompt before it stops by itself. */
    public abstract int answerLength(int promptLength);

    /** The text form of tokens, for the input box (the inverse of tokenising, with separators where needed). */
    public String typed(int[] tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) sb.append(symbols[tokens[i]]);
        return sb.toString();
    }

    /** Tokens of a string whose symbols are single characters; spaces are skipped unless a space is a symbol. */
    protected Parsed tokenizeChars(String typed, int maxTokens) {
        int[] out = new int[Math.min(typed.length(), maxTokens + 1)];
        int n = 0;
        for (int i = 0; i < typed.length(); ) {
            int cp = typed.codePointAt(i);
            i += Character.charCount(cp);
            int id = idOf(cp);
            if (id < 0 && Character.isWhitespace(cp)) continue;
            if (id < 0) return Parsed.problem("\u201c" + new String(Character.toChars(cp)) + "\u201d is not a token of "
                    + name + ". " + inputHint());
            if (n == maxTokens) return Parsed.problem("At most " + maxTokens + " tokens fit here.");
            out[n++] = id;
        }
        return Parsed.of(java.util.Arrays.copyOf(out, n));
    }

    /** The token whose symbol is this one character, or -1. */
    protected int idOf(int codePoint) {
        String s = new String(Character.toChars(codePoint));
        for (int i = 0; i < symbols.length; i++) if (symbols[i].equals(s)) return i;
        return -1;
    }

    /** Letters for token ids 1..n (a..z then A..Z): short, distinct, easy to type on a phone. */
    static String letter(int k) {
        return k < 26 ? String.valueOf((char) ('a' + k)) : String.valueOf((char) ('A' + k - 26));
    }

    /** The most letters {@link #letter} offers. */
    static final int LETTERS = 52;
}
