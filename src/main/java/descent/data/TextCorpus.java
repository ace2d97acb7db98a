package descent.data;

import descent.tensor.Rng;

/**
 * A small English-like corpus from our own generator: sentences from a tiny grammar over a fixed vocabulary, so a
 * character model has real structure to learn (spelling, agreement, punctuation) with no download. Same text for the
 * same seed everywhere.
 */
public final class TextCorpus {
    private TextCorpus() {}

    private static final String[] NAMES = {"ada", "alan", "grace", "claude", "emmy", "kurt", "john", "marie"};
    private static final String[] ADJECTIVES = {"small", "quiet", "clever", "tired", "bright", "patient", "curious"};
    private static final String[] NOUNS = {"cat", "robot", "student", "river", "garden", "teacher", "engine", "bird"};
    private static final String[] VERBS_S = {"sees", "finds", "follows", "draws", "trains", "helps", "watches"};
    private static final String[] VERBS_P = {"see", "find", "follow", "draw", "train", "help", "watch"};
    private static final String[] INTRANSITIVE = {"sleeps", "sings", "waits", "learns", "runs", "rests"};
    private static final String[] PLACES = {"in the garden", "by the river", "at night", "after class", "near the lab"};

    /** About {@code chars} characters of text (whole sentences, lower case, one sentence per line). */
    public static String generate(int chars, long seed) {
        if (chars < 1 || chars > 1_000_000) throw new IllegalArgumentException("chars must be in [1, 1000000]");
        Rng rng = new Rng(seed);
        StringBuilder sb = new StringBuilder(chars + 80);
        while (sb.length() < chars) {
            sentence(rng, sb);
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String pick(Rng rng, String[] words) {
        return words[rng.nextInt(words.length)];
    }

    private static void nounPhrase(Rng rng, StringBuilder sb, boolean plural) {
        if (!plural && rng.nextInt(3) == 0) {
            sb.append(pick(rng, NAMES));
            return;
        }
        sb.append(plural ? "the " : rng.nextInt(2) == 0 ? "the " : "a ");
        if (rng.nextInt(2) == 0) sb.append(pick(rng, ADJECTIVES)).append(' ');
        sb.append(pick(rng, NOUNS));
        if (plural) sb.append('s');
    }

    private static void sentence(Rng rng, StringBuilder sb) {
        boolean plural = rng.nextInt(3) == 0;
        nounPhrase(rng, sb, plural);
        sb.append(' ');
        switch (rng.nextInt(3)) {
            case 0: {
                int v = rng.nextInt(VERBS_S.length);
                sb.append(plural ? VERBS_P[v] : VERBS_S[v]).append(' ');
                nounPhrase(rng, sb, rng.nextInt(3) == 0);
                break;
            }
            case 1: {
                String v = pick(rng, INTRANSITIVE);
                sb.append(plural ? v.substring(0, v.length() - 1) : v);
                break;
            }
            default: {
                int v = rng.nextInt(VERBS_S.length);
                sb.append(plural ? VERBS_P[v] : VERBS_S[v]).append(' ');
                nounPhrase(rng, sb, false);
                sb.append(' ').append(pick(rng, PLACES));
            }
        }
        sb.append(rng.nextInt(5) == 0 ? '!' : '.');
    }
}
