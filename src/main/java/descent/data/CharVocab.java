package descent.data;

import java.util.Arrays;

/** Character-level tokens: the sorted distinct characters of a text, each mapped to its index. */
public final class CharVocab {
    private final char[] chars;

    public CharVocab(String text) {
        boolean[] seen = new boolean[65536];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!seen[c]) {
                seen[c] = true;
                n++;
            }
        }
        chars = new char[n];
        for (int c = 0, j = 0; c < 65536; c++) if (seen[c]) chars[j++] = (char) c;
    }

    public int size() {
        return chars.length;
    }

    /** Token ids of a text; characters outside the vocabulary are an error. */
    public int[] encode(String text) {
        int[] ids = new int[text.length()];
        for (int i = 0; i < ids.length; i++) {
            int id = Arrays.binarySearch(chars, text.charAt(i));
            if (id < 0) throw new IllegalArgumentException("character '" + text.charAt(i) + "' is not in the vocabulary");
            ids[i] = id;
        }
        return ids;
    }

    public String decode(int[] ids) {
        StringBuilder sb = new StringBuilder(ids.length);
        for (int id : ids) sb.append(chars[id]);
        return sb.toString();
    }
}
