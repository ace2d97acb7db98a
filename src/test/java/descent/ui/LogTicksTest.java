package descent.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogTicksTest {
    @Test
    void logTicksAreOneTwoFiveTimesPowersOfTen() {
        double[] t = Ticks.log(Math.log10(0.03), Math.log10(3), 6);
        double[] values = new double[t.length];
        for (int i = 0; i < t.length; i++) values[i] = Math.round(Math.pow(10, t[i]) * 1000) / 1000.0;
        assertArrayEquals(new double[] {0.05, 0.1, 0.2, 0.5, 1, 2}, values, 1e-9);
    }

    @Test
    void wideSpansKeepPowersOfTenAndNarrowOnesFallBack() {
        double[] t = Ticks.log(-4, 2, 6);
        assertEquals(7, t.length, "1e-4 ... 1e2");
        for (double v : t) assertEquals(Math.rint(v), v, 1e-12);
        double[] thin = Ticks.log(-12, 4, 5);
        assertTrue(thin.length >= 2 && thin.length <= 6, "every other decade or sparser: " + thin.length);
        double[] narrow = Ticks.log(0.1, 0.2, 4);
        assertTrue(narrow.length >= 2, "a span inside one step still gets ticks");
    }
}
