package descent.data;

/** Checks pasted or uploaded text before a lab uses it: size limit, no binary data, not empty. */
public final class TextImport {
    private TextImport() {}

    /** The default limit for pasted text: enough for a character model, small enough to train on in a page. */
    public static final int MAX_CHARS = 200_000;

    /** The text with line endings normalised to \n, or the first problem with its line. */
    public static ImportResult<String> validate(String text, int maxChars) {
        if (text == null || text.isEmpty()) return ImportResult.failed(0, "the text is empty");
        if (text.length() > maxChars) {
            return ImportResult.failed(0, "the text has " + text.length() + " characters; the limit is " + maxChars);
        }
        String normal = text.replace("\r\n", "\n").replace('\r', '\n');
        int line = 1;
        boolean anyVisible = false;
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            if (c == '\n') {
                line++;
                continue;
            }
            String bad = binaryCharacter(c);
            if (bad != null) return ImportResult.failed(line, "contains " + bad + ": this looks like binary data, not text");
            if (!Character.isWhitespace(c)) anyVisible = true;
        }
        if (!anyVisible) return ImportResult.failed(0, "the text contains only whitespace");
        return ImportResult.ok(normal);
    }

    /** A description of c if it never occurs in text (control characters other than tab, replacement char). */
    static String binaryCharacter(char c) {
        if (c == '\t') return null;
        if (c < 0x20 || c == 0x7f) return "the control character U+" + hex(c);
        if (c == '\uFFFD') return "the replacement character U+FFFD (bytes that are not UTF-8)";
        return null;
    }

    private static String hex(char c) {
        String h = Integer.toHexString(c).toUpperCase();
        return "0000".substring(h.length()) + h;
    }
}
