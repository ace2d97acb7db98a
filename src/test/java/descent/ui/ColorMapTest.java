package descent.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColorMapTest {
    @Test
    void oklabRoundTripsThroughLinearRgb() {
        double[] lab = ColorMap.linearToLab(0.2, 0.5, 0.8);
        double[] rgb = ColorMap.labToLinear(lab[0], lab[1], lab[2]);
        // the published matrices carry ten digits, so the round trip is good to about 1e-5
        assertEquals(0.2, rgb[0], 1e-4);
        assertEquals(0.5, rgb[1], 1e-4);
        assertEquals(0.8, rgb[2], 1e-4);
        // white is L = 1, no chroma
        double[] white = ColorMap.linearToLab(1, 1, 1);
        assertEquals(1, white[0], 1e-4);
        assertEquals(0, white[1], 1e-4);
    }

    @Test
    void sequentialLightnessRisesSteadily() {
        double prev = -1, first = 0, last = 0;
        for (int i = 0; i <= 100; i++) {
            double l = ColorMap.lightness(ColorMap.SEQUENTIAL.rgb(i / 100.0));
            assertTrue(l > prev - 0.004, "lightness falls at t = " + i / 100.0 + ": " + prev + " -> " + l);
            prev = l;
            if (i == 0) {
                first = l;
            }
            last = l;
        }
        assertTrue(last - first > 0.6, "a sequential map spans most of the lightness range");
    }

    @Test
    void divergingArmsMirrorEachOtherAndTheCentreIsLightest() {
        double centre = ColorMap.lightness(ColorMap.DIVERGING.rgb(0.5));
        for (int i = 0; i <= 50; i++) {
            double t = i / 100.0;
            double a = ColorMap.lightness(ColorMap.DIVERGING.rgb(t));
            double b = ColorMap.lightness(ColorMap.DIVERGING.rgb(1 - t));
            assertEquals(a, b, 0.02, "arms differ in lightness at " + t);
            assertTrue(a <= centre + 1e-9);
        }
        assertTrue(centre > 0.9);
        // the ends have hue: blue on the low side, orange on the high side
        int low = ColorMap.DIVERGING.rgb(0), high = ColorMap.DIVERGING.rgb(1);
        assertTrue((low & 0xff) > (low >> 16 & 0xff), "low end is blue");
        assertTrue((high >> 16 & 0xff) > (high & 0xff), "high end is orange");
    }

    @Test
    void packingMatchesImageDataByteOrder() {
        int rgb = 0x123456;
        assertEquals(0xff563412, ColorMap.abgrOf(rgb));
        assertEquals("#123456", ColorMap.hex(rgb));
        assertEquals("#00000a", ColorMap.hex(10));
        assertEquals(ColorMap.abgrOf(ColorMap.SEQUENTIAL.rgb(0.3)), ColorMap.SEQUENTIAL.abgr(0.3));
        assertEquals(ColorMap.SEQUENTIAL.abgr(0.5), ColorMap.SEQUENTIAL.abgr(Double.NaN), "NaN maps to the middle");
    }

    @Test
    void classColoursAreDistinct() {
        for (int a = 0; a < ColorMap.CLASS_COUNT; a++) {
            for (int b = a + 1; b < ColorMap.CLASS_COUNT; b++) {
                double[] x = ColorMap.classLab(a), y = ColorMap.classLab(b);
                double d = Math.sqrt(Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2) + Math.pow(x[2] - y[2], 2));
                assertTrue(d > 0.08, "classes " + a + " and " + b + " look alike: " + d);
            }
        }
    }
}
