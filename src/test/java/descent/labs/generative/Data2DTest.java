package descent.labs.generative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Data2DTest {
    @Test
    void drawnPointsRoundTripThroughText() {
        float[] pts = {0.5f, -1.25f, 2f, 0f, -0.07f, 3f};
        String s = Data2D.format(pts);
        assertEquals("0.5,-1.25;2,0;-0.07,3", s);
        assertArrayEquals(pts, Data2D.parse(s), 1e-6f);
    }

    @Test
    void parsingSkipsGarbageAndClampsToThePlot() {
        assertArrayEquals(new float[] {1f, 3f, -3f, 0.5f}, Data2D.parse("1,9;x,y;-40,.5;<b>,1;1e3,2;"), 1e-6f);
        assertEquals(0, Data2D.parse("").length);
        assertEquals(2 * Data2D.MAX_DRAWN, Data2D.parse("1,1;".repeat(500)).length);
    }

    @Test
    void aDrawingWithTooFewPointsIsRefusedWithAReason() {
        float[] few = new float[2 * (Data2D.MIN_DRAWN - 1)];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Data2D.sample(Data2D.Kind.DRAWN, few, 100, 1));
        assertTrue(e.getMessage().contains("at least " + Data2D.MIN_DRAWN), e.getMessage());
        float[] enough = new float[2 * Data2D.MIN_DRAWN];
        assertEquals(200, Data2D.sample(Data2D.Kind.DRAWN, enough, 100, 1).length);
    }

    @Test
    void slicedWassersteinIsZeroForEqualSetsAndGrowsWithAShift() {
        float[] a = Data2D.sample(Data2D.Kind.MOONS, null, 500, 1);
        assertEquals(0, SlicedWasserstein.distance(a, a), 1e-12);
        float[] b = a.clone();
        for (int i = 0; i < b.length; i += 2) b[i] += 1f;
        // shifting by (1, 0): every slice at angle θ moves by cos θ, so SW² = mean cos² θ = 1/2
        assertEquals(Math.sqrt(0.5), SlicedWasserstein.distance(a, b), 1e-6);
    }
}
