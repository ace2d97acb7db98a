package descent.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashStateTest {
    static final LabSpec LAB = new LabSpec("toy", "Toy", "Week 0", "a toy", List.of(
            Knob.number("lr", "Learning rate", 0.03, 1e-5, 10, true),
            Knob.integer("hidden", "Hidden units", 4, 1, 64),
            Knob.choice("act", "Activation", "tanh", List.of("relu", "tanh", "sigmoid")),
            Knob.bool("test", "Show test data", false),
            Knob.text("fn", "Function", "x^2+y^2", 200),
            Knob.seed()), List.of());

    static HashState.Parsed parse(String hash) {
        return HashState.parse(hash, List.of(LAB));
    }

    @Test
    void everyKnobRoundTrips() {
        HashState.Parsed p = parse("#lab=toy&lr=0.5&hidden=17&act=relu&test=1&fn=sin(x)%20*%20y&seed=42&lr_hide=1");
        assertTrue(p.notices().isEmpty(), p.notices().toString());
        assertEquals(0.5, p.params().num("lr"));
        assertEquals(17, p.params().integer("hidden"));
        assertEquals("relu", p.params().choice("act"));
        assertTrue(p.params().bool("test"));
        assertEquals("sin(x) * y", p.params().text("fn"));
        assertEquals(Set.of("lr"), p.hidden());
        String again = HashState.format(p.params(), p.hidden());
        HashState.Parsed q = parse(again);
        assertEquals(p.params(), q.params());
        assertEquals(p.hidden(), q.hidden());
    }

    @Test
    void smallAndOddNumbersRoundTripExactly() {
        Random r = new Random(3);
        for (int i = 0; i < 1000; i++) {
            double v = Math.exp(r.nextDouble() * Math.log(1e6)) * 1e-5;
            Params params = new Params(LAB);
            params.set("lr", v);
            HashState.Parsed q = parse(HashState.format(params, Set.of()));
            assertEquals(v, q.params().num("lr"), "value " + v);
        }
        assertEquals("0.0001", HashState.format(1e-4).replace("1e-4", "0.0001"));
        assertEquals("3", HashState.format(3.0));
    }

    @Test
    void garbageIsRepairedWithNotices() {
        HashState.Parsed p = parse("lab=toy&lr=NaN&hidden=9999&act=<script>alert(1)</script>&test=maybe&bogus=1&seed=1.5");
        assertEquals(0.03, p.params().num("lr"));
        assertEquals(64, p.params().integer("hidden"));
        assertEquals("tanh", p.params().choice("act"));
        assertFalse(p.params().bool("test"));
        assertEquals(2, p.params().integer("seed"));
        assertEquals(6, p.notices().size(), p.notices().toString());
        for (String n : p.notices()) {
            assertTrue(n.length() < 200, n);
        }
    }

    @Test
    void unknownLabAndHugeHashFallBackToTheGallery() {
        HashState.Parsed p = parse("lab=nope");
        assertNull(p.spec());
        assertEquals(1, p.notices().size());
        HashState.Parsed big = parse("lab=toy&fn=" + "x".repeat(100_000));
        assertNull(big.spec());
        assertEquals(1, big.notices().size());
        assertTrue(parse("lab=toy&fn=%E0%A4").notices().size() <= 1);
        assertEquals(1, parse("lab=toy&lr=%zz").notices().size());
        assertNull(parse("").spec());
    }

    @Test
    void textLongerThanItsLimitIsRefused() {
        HashState.Parsed p = parse("lab=toy&fn=" + "y".repeat(201));
        assertEquals("x^2+y^2", p.params().text("fn"));
        assertEquals(1, p.notices().size());
    }

    @Test
    void unicodeSurvives() {
        Params params = new Params(LAB);
        params.set("fn", "α·x² + 😀");
        assertEquals("α·x² + 😀", parse(HashState.format(params, Set.of())).params().text("fn"));
        assertEquals("α", parse("lab=toy&fn=α").params().text("fn"));
    }

    @Test
    void randomHashesNeverThrow() {
        Random r = new Random(7);
        String alphabet = "lab=toy&%#?<>\"'lrhidenactfsd0123456789.eE-+_\u0000\u00e9\ud83d\ude00";
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(80);
            for (int j = 0; j < n; j++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            HashState.Parsed p = parse(sb.toString());
            if (p.spec() != null) {
                HashState.format(p.params(), p.hidden());
            }
        }
    }
}
