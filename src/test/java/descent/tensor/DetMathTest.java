package descent.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DetMathTest {
    @Test
    void agreesWithMathToAFewUlp() {
        Rng r = new Rng(3);
        for (int i = 0; i < 100_000; i++) {
            double x = r.uniform(-50, 50);
            assertEquals(Math.sin(x), DetMath.sin(x), 2e-15);
            assertEquals(Math.cos(x), DetMath.cos(x), 2e-15);
            double y = r.uniform(-700, 700);
            assertEquals(1, DetMath.exp(y) / Math.exp(y), 2e-15);
            double z = Math.exp(r.uniform(-700, 700));
            assertEquals(Math.log(z), DetMath.log(z), 2e-15 * Math.max(1, Math.abs(Math.log(z))));
        }
        assertEquals(Math.log(Double.MIN_VALUE), DetMath.log(Double.MIN_VALUE), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, DetMath.log(0));
        assertEquals(0, DetMath.exp(-800));
    }

    @Test
    void pinnedBits() {
        // the browser build must reproduce these bits exactly
        assertEquals(0x400b7e47790da686L, Double.doubleToRawLongBits(DetMath.exp(1.2345)));
        assertEquals(0x40001e85798eb9a3L, Double.doubleToRawLongBits(DetMath.log(7.5)));
        assertEquals(0x3fe326af0dcfcab0L, Double.doubleToRawLongBits(DetMath.sin(2.5)));
        assertEquals(0xbfe5b5670532f73cL, Double.doubleToRawLongBits(DetMath.cos(-10.25)));
    }
}
