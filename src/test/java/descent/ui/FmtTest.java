package descent.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FmtTest {
    @Test
    void significantDigits() {
        assertEquals("0.0300", Fmt.sig(0.03, 3));
        assertEquals("123", Fmt.sig(123.4, 3));
        assertEquals("1.23e-5", Fmt.sig(1.234e-5, 3));
        assertEquals("\u22122.50", Fmt.sig(-2.5, 3));
        assertEquals("1e7", Fmt.sig(9.9999e6, 3));
        assertEquals("0", Fmt.sig(0, 3));
    }

    @Test
    void fixedAndCompact() {
        assertEquals("3.14", Fmt.fixed(3.14159, 2));
        assertEquals("0.05", Fmt.fixed(0.049999, 2));
        assertEquals("\u22120.5", Fmt.fixed(-0.5, 1));
        assertEquals("0", Fmt.fixed(-0.0001, 0));
        assertEquals("12.3k", Fmt.compact(12_345));
        assertEquals("4.50M", Fmt.compact(4_500_000));
        assertEquals("950", Fmt.compact(950));
    }
}
