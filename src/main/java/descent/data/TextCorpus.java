package descent.data;

import descent.tensor.Rng;
import java.util.Arrays;

/**
 * A text for character-level language modelling: the vocabulary is the set of distinct characters (Unicode code
 * points, so any script and emoji work), and the text becomes one long array of token ids.
 *
 * <p>Text from users goes through {@link #of}: it enforces a size limit before doing any work, normalises line
 * endings, drops control characters (except newline and tab) and unpaired surrogates, and refuses what is left if it
 * is too short to train on or has too many distinct characters. It never throws on bad input; it explains.
 */
public final class TextCorpus {
    /** Longest accepted text, in UTF-16 units as the browser counts them: ~100 KB trains well and pastes instantly. */
    public static final int MAX_CHARS = 100_000;
    /** Shortest text worth training on: several windows of the longest context. */
    public static final int MIN_CHARS = 300;
    /** Most distinct characters: the embedding and the output layer grow with it. */
    public static final int MAX_VOCAB = 512;

    public final String name;
    public final String text;
    public final int[] vocabulary; // (V): sorted distinct code points
    public final int[] ids;        // (N): the text as indices into vocabulary

    /** The outcome of importing a text: a corpus, or a problem in words; {@code note} says what was cleaned up. */
    public record Import(TextCorpus corpus, String problem, String note) {
    }

    private TextCorpus(String name, String text, int[] vocabulary, int[] ids) {
        this.name = name;
        this.text = text;
        this.vocabulary = vocabulary;
        this.ids = ids;
    }

    public static Import of(String name, String raw) {
        if (raw == null || raw.isEmpty()) return new Import(null, "The text is empty.", null);
        if (raw.length() > MAX_CHARS) {
            return new Import(null, "The text is " + raw.length() + " characters long; the limit is " + MAX_CHARS
                    + ". Paste a shorter excerpt.", null);
        }
        StringBuilder clean = new StringBuilder(raw.length());
        int removed = 0;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r') {
                if (i < raw.length() && raw.charAt(i) == '\n') continue; // \r\n becomes the \n that follows
                cp = '\n';
            }
            boolean control = Character.getType(cp) == Character.CONTROL && cp != '\n' && cp != '\t';
            if (control || Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                removed++;
                continue;
            }
            clean.appendCodePoint(cp);
        }
        String text = clean.toString();
        String note = removed == 0 ? null : "Removed " + removed + " control character" + (removed == 1 ? "" : "s")
                + " from the text.";
        int n = text.codePointCount(0, text.length());
        if (n < MIN_CHARS) {
            String why = removed > n
                    ? "The text is mostly control characters: " + removed + " removed, " + n + " readable left. "
                    : "The text has " + n + " characters. ";
            return new Import(null, why + "At least " + MIN_CHARS + " are needed to train on.", note);
        }
        int[] cps = new int[n];
        for (int i = 0, k = 0; i < text.length(); k++) {
            cps[k] = text.codePointAt(i);
            i += Character.charCount(cps[k]);
        }
        int[] vocab = distinctSorted(cps);
        if (vocab.length > MAX_VOCAB) {
            return new Import(null, "The text uses " + vocab.length + " different characters; the limit is "
                    + MAX_VOCAB + ".", note);
        }
        int[] ids = new int[cps.length];
        for (int i = 0; i < cps.length; i++) ids[i] = Arrays.binarySearch(vocab, cps[i]);
        return new Import(new TextCorpus(name, text, vocab, ids), null, note);
    }

    private static int[] distinctSorted(int[] values) {
        int[] v = values.clone();
        Arrays.sort(v);
        int n = 0;
        for (int i = 0; i < v.length; i++) if (i == 0 || v[i] != v[i - 1]) v[n++] = v[i];
        return Arrays.copyOf(v, n);
    }

    /** The token id of a character, or -1 if the text never uses it. */
    public int idOf(int codePoint) {
        int i = Arrays.binarySearch(vocabulary, codePoint);
        return i < 0 ? -1 : i;
    }

    public int size() {
        return ids.length;
    }

    // ---- the built-in corpus ---------------------------------------------------------------------------------

    private static final String[] SUBJECTS = {"the model", "a student", "the network", "each head", "the optimizer",
            "a small transformer", "the gradient", "every layer", "the teacher", "one neuron", "the loss", "a query"};
    private static final String[] VERBS = {"learns", "reads", "copies", "predicts", "sees", "attends to",
            "follows", "remembers", "ignores", "updates", "finds", "writes"};
    private static final String[] OBJECTS = {"the next token", "the keys", "a pattern", "the weights",
            "its own output", "the previous word", "the answer", "each query", "the sequence", "the data",
            "a new idea", "the first letter"};
    private static final String[] ENDINGS = {"", "", "", " slowly", " at last", " step by step", " again",
            " with care", " in the dark", " every time"};
    private static final String[] JOINS = {", and then ", ", but ", ", so ", " while "};

    /**
     * A generated text in a tiny English grammar (subject, verb, object, sometimes a clause more): regular enough
     * that a small model learns words and spacing within a minute, varied enough that it must really model it.
     */
    public static TextCorpus builtIn() {
        Rng rng = new Rng(2017);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 40_000) {
            int sentences = 2 + rng.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                StringBuilder line = new StringBuilder();
                clause(line, rng);
                if (rng.nextInt(3) == 0) {
                    line.append(JOINS[rng.nextInt(JOINS.length)]);
                    clause(line, rng);
                }
                line.setCharAt(0, Character.toUpperCase(line.charAt(0)));
                sb.append(line).append(rng.nextInt(6) == 0 ? "!" : ".").append(s + 1 < sentences ? " " : "\n");
            }
        }
        return of("built-in", sb.toString()).corpus();
    }

    private static void clause(StringBuilder sb, Rng rng) {
        sb.append(SUBJECTS[rng.nextInt(SUBJECTS.length)]).append(' ').append(VERBS[rng.nextInt(VERBS.length)])
                .append(' ').append(OBJECTS[rng.nextInt(OBJECTS.length)]).append(ENDINGS[rng.nextInt(ENDINGS.length)]);
    }
}
