package descent.labs.attention;

import descent.data.CharVocab;
import descent.data.TextImport;

/**
 * What the lab accepts as a text to train on: the engine's import check (size limit, no control characters or
 * binary data), then the lab's own needs: enough characters for training and test windows, and a vocabulary the
 * output layer can afford. Pure, so the rules are tested on the JVM; the view only shows the message.
 */
public final class PastedText {
    public static final int MAX_CHARS = TextImport.MAX_CHARS;
    public static final int MIN_CHARS = 300;
    public static final int MAX_VOCAB = 512;

    /** The accepted text (line endings normalised), or null and a message saying why not. */
    public record Result(String text, String message) {
        public boolean ok() {
            return text != null;
        }
    }

    private PastedText() {
    }

    public static Result check(String raw) {
        var imported = TextImport.validate(raw, MAX_CHARS);
        if (!imported.ok()) return new Result(null, "Your text was not used: " + imported.message() + ".");
        String text = imported.value();
        int n = text.codePointCount(0, text.length());
        if (n < MIN_CHARS) {
            return new Result(null, "Your text has " + n + " characters; at least " + MIN_CHARS
                    + " are needed to train on.");
        }
        int v = new CharVocab(text).size();
        if (v > MAX_VOCAB) {
            return new Result(null, "Your text uses " + v + " different characters; the limit is " + MAX_VOCAB + ".");
        }
        return new Result(text, "Training on your text: " + n + " characters, " + v + " different ones.");
    }
}
