package descent.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextCorpusTest {
    static String repeat(String s, int n) {
        return s.repeat(n);
    }

    @Test
    void anyScriptBecomesTokens() {
        String text = repeat("Grüße, 世界! 🙂 naïve café\n", 20);
        TextCorpus.Import in = TextCorpus.of("mixed", text);
        assertNull(in.problem());
        TextCorpus c = in.corpus();
        assertEquals(text.codePointCount(0, text.length()), c.size(), "one token per code point, emoji included");
        assertTrue(c.idOf(0x1F642) >= 0);
        StringBuilder back = new StringBuilder();
        for (int id : c.ids) back.appendCodePoint(c.vocabulary[id]);
        assertEquals(text, back.toString(), "ids decode to the text");
    }

    @Test
    void tooLongIsRefusedBeforeAnyWork() {
        TextCorpus.Import in = TextCorpus.of("big", "a".repeat(TextCorpus.MAX_CHARS + 1));
        assertNull(in.corpus());
        assertTrue(in.problem().contains("limit is " + TextCorpus.MAX_CHARS), in.problem());
        assertNull(TextCorpus.of("ok", "ab".repeat(TextCorpus.MAX_CHARS / 2)).problem(), "exactly the limit is fine");
    }

    @Test
    void controlCharactersAreRemovedWithANote() {
        TextCorpus.Import in = TextCorpus.of("ctl", repeat("hello\u0000 world\u0007\r\n", 40));
        assertNotNull(in.corpus());
        assertTrue(in.note().contains("80 control characters"), in.note());
        assertTrue(in.corpus().text.indexOf('\r') < 0, "line endings normalised");
        assertTrue(in.corpus().text.contains("\n"));
    }

    @Test
    void textMadeOfControlCharactersIsRefused() {
        TextCorpus.Import in = TextCorpus.of("junk", "\u0001\u0002\u0003\u0004\u0005\u0006\u001b[m".repeat(100));
        assertNull(in.corpus());
        assertTrue(in.problem().contains("mostly control characters"), in.problem());
        assertTrue(TextCorpus.of("short", "too short").problem().contains("At least 300"));
        assertEquals("The text is empty.", TextCorpus.of("none", "").problem());
    }

    @Test
    void loneSurrogatesAreDropped() {
        TextCorpus.Import in = TextCorpus.of("s", repeat("ab\ud800cd ", 80));
        assertNotNull(in.corpus());
        assertEquals(4 * 80 + 80, in.corpus().size());
    }

    @Test
    void tooManyDistinctCharactersAreRefused() {
        StringBuilder sb = new StringBuilder();
        for (int cp = 0x4E00; cp < 0x4E00 + TextCorpus.MAX_VOCAB + 1; cp++) sb.appendCodePoint(cp);
        assertTrue(TextCorpus.of("cjk", sb.toString()).problem().contains("different characters"));
    }

    @Test
    void theBuiltInCorpusIsFixedAndSmall() {
        TextCorpus a = TextCorpus.builtIn(), b = TextCorpus.builtIn();
        assertEquals(a.text, b.text);
        assertTrue(a.size() >= 40_000 && a.vocabulary.length < 40, "letters, space, punctuation");
    }
}
