package descent.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CharVocabTest {
    @Test
    void anEmojiIsOneToken() {
        String text = "caf\u00e9 \ud83d\ude42 \u4e16\u754c \ud83d\ude42";
        CharVocab v = new CharVocab(text);
        int[] ids = v.encode(text);
        assertEquals(text.codePointCount(0, text.length()), ids.length);
        assertEquals(text, v.decode(ids));
        assertEquals(0x1F642, v.codePoint(v.idOf(0x1F642)));
        assertEquals(-1, v.idOf('x'));
        assertEquals(8, v.size(), "c a f \u00e9 space emoji and two CJK characters");
        assertThrows(IllegalArgumentException.class, () -> v.encode("x"));
    }
}
