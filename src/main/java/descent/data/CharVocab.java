package descent.data;

import java.util.Arrays;

/**
 * Character-level tokens: the sorted distinct characters of a text, each mapped to its index. A character is a Unicode
 * code point, so an emoji or a character outside the Basic Multilingual Plane is one token, not two surrogate halves.
 */
public final class CharVocab {
    private final int[] codePoints; // (V) sorted

    public CharVocab(String text) {
        int[] all = codePointsOf(text);
        Arrays.sort(all);
        int n = 0;
        for (int i = 0; i < all.length; i++) if (i == 0 || all[i] != all[i - 1]) all[n++] = all[i];
        codePoints = Arrays.copyOf(all, n);
    }

    private static int[] codePointsOf(String text) {
        int[] out = new int[text.codePointCount(0, text.length())];
        for (int i = 0, k = 0; i < text.length(); k++) {
            out[k] = text.codePointAt(i);
            i += Character.charCount(out[k]);
        }
        return out;
    }

    public int size() {
        return codePoints.length;
    }

    /** The token of a character, or -1 if the text never used it. */
    public int idOf(int codePoint) {
        int id = Arrays.binarySearch(codePoints, codePoint);
        return id < 0 ? -1 : id;
    }

    /** The character of a token. */
    public int codePoint(int id) {
        return codePoints[id];
    }

    /** Token ids of a text, one per code point; characters outside the vocabulary are an error. */
    public int[] encode(String text) {
        int[] ids = codePointsOf(text);
        for (int i = 0; i < ids.length; i++) {
            int id = idOf(ids[i]);
            if (id < 0) {
                throw new IllegalArgumentException("character '" + new String(Character.toChars(ids[i]))
                        + "' is not in the vocabulary");
            }
            ids[i] = id;
        }
        return ids;
    }

    public String decode(int[] ids) {
        StringBuilder sb = new StringBuilder(ids.length);
        for (int id : ids) sb.appendCodePoint(codePoints[id]);
        return sb.toString();
    }
}
