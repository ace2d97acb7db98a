package descent.labs.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.SequenceTask;
import org.junit.jupiter.api.Test;

class TaskTest {
    @Test
    void listTasksComputeTheirAnswers() {
        ListTask copy = new ListTask(SequenceTask.Kind.COPY, 4, 6, 1);
        assertArrayEquals(new int[] {4, 2, 3, 0, 4, 2, 3}, copy.example("dbc").tokens());
        ListTask rev = new ListTask(SequenceTask.Kind.REVERSE, 4, 6, 1);
        assertArrayEquals(new int[] {4, 2, 3, 0, 3, 2, 4}, rev.example("d b c").tokens(), "spaces are skipped");
        ListTask sort = new ListTask(SequenceTask.Kind.SORT, 4, 6, 1);
        assertArrayEquals(new int[] {4, 2, 3, 0, 2, 3, 4}, sort.example("dbc|xyz").tokens(), "a typed answer is replaced");
        assertArrayEquals(new int[] {4, 2, 3, 0}, sort.prompt("dbc").tokens(), "the prompt ends with the separator");
        assertNotNull(copy.example("dbz").problem(), "z is not one of 6 symbols");
        assertNotNull(copy.example("abcde").problem(), "longer than the trained length");
        assertNotNull(copy.example("").problem());
        assertEquals("|", copy.symbols[0]);
        // the engine's examples, re-assembled: inputs followed by the last target, scored from the separator
        int[] s = copy.train().sequence(0);
        assertEquals(0, s[4]);
        for (int i = 0; i < 4; i++) assertEquals(s[i], s[5 + i]);
        assertEquals(4, copy.train().scoreFrom(0));
    }

    @Test
    void modularAdditionSplitsAllSums() {
        ModularTask m = new ModularTask(7, 0.4, 3);
        assertEquals(49, m.train().count + m.test().count);
        assertEquals(20, m.train().count);
        assertArrayEquals(new int[] {3, 5, 7, 1}, m.example("3 + 5").tokens());
        assertArrayEquals(new int[] {3, 5, 7}, m.prompt("3+5=").tokens());
        assertNotNull(m.example("3 + 9").problem(), "9 is not below 7");
        assertNotNull(m.example("3").problem());
        assertEquals("3 + 5", m.typed(new int[] {3, 5, 7, 1}, 0, 4));
        // no sum is in both halves
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < m.train().count; i++) seen.add(java.util.Arrays.toString(m.train().sequence(i)));
        for (int i = 0; i < m.test().count; i++) assertTrue(seen.add(java.util.Arrays.toString(m.test().sequence(i))));
    }

    @Test
    void recallLooksUpTheQueryKey() {
        RecallTask r = new RecallTask(3, 2);
        int[] e = r.example("a3f7c1f").tokens();
        assertEquals(RecallTask.KEYS + 7, e[e.length - 1], "f was paired with 7");
        assertNotNull(r.example("a3a7a").problem(), "keys repeat");
        assertNotNull(r.example("a3f7z").problem(), "z was never a key");
        assertEquals(7, r.t);
    }

    /** Every scored target of the induction task is predictable by induction, and offsets back vary. */
    @Test
    void inductionRepeatsAreUnambiguous() {
        InductionTask task = new InductionTask(8, 16, 5);
        java.util.Set<Integer> offsets = new java.util.HashSet<>();
        for (int e = 0; e < 200; e++) {
            int[] seq = task.train().sequence(e);
            int[] target = InductionTask.inductionTargets(seq, task.t);
            for (int q = task.train().scoreFrom(e); q < task.t; q++) {
                assertTrue(target[q] >= 0, "query " + q + " repeats an earlier token");
                assertEquals(seq[q + 1], seq[target[q]], "the token after the first occurrence is the answer");
                offsets.add(q - target[q]);
            }
        }
        assertTrue(offsets.size() >= 8, "the look-back distance varies: " + offsets);
    }

    @Test
    void textTaskTypesAnyCharacterOfItsCorpus() {
        TextTask task = TextTask.builtIn(32);
        TokenTask.Parsed p = task.example("the model");
        assertNull(p.problem());
        assertEquals("the model", task.typed(p.tokens(), 0, p.tokens().length));
        assertEquals("\u2423", task.symbols[task.chars.idOf(' ')]);
        assertNotNull(task.example("the \u00e9").problem(), "\u00e9 is not in the built-in text");
        assertTrue(task.test().count >= 4);
        assertEquals(0, task.train().scoreFrom(10), "every position of a text window is scored");
        TextTask emoji = new TextTask("ab \ud83d\ude42 ".repeat(100), "pasted", 16);
        assertEquals(4, emoji.vocab, "a, b, space and the emoji");
        assertEquals("\ud83d\ude42", emoji.symbols[emoji.chars.idOf(0x1F642)]);
    }

    @Test
    void pastedTextIsCheckedWithAMessage() {
        PastedText.Result tooLong = PastedText.check("a".repeat(PastedText.MAX_CHARS + 1));
        assertNull(tooLong.text());
        assertTrue(tooLong.message().contains("the limit is " + PastedText.MAX_CHARS), tooLong.message());
        PastedText.Result control = PastedText.check("\u0001\u0002\u0003".repeat(200));
        assertNull(control.text());
        assertTrue(control.message().contains("control character U+0001"), control.message());
        assertTrue(PastedText.check("short").message().contains("at least " + PastedText.MIN_CHARS));
        StringBuilder cjk = new StringBuilder();
        for (int cp = 0x4E00; cp <= 0x4E00 + PastedText.MAX_VOCAB; cp++) cjk.appendCodePoint(cp);
        assertTrue(PastedText.check(cjk.toString()).message().contains("different characters"));
        PastedText.Result fine = PastedText.check("Gr\u00fc\u00dfe, \u4e16\u754c! \ud83d\ude42\r\n".repeat(30));
        assertTrue(fine.ok(), fine.message());
        assertTrue(fine.text().indexOf('\r') < 0, "line endings normalised");
    }
}
