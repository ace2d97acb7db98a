package descent.labs.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContoursTest {
    @Test
    void aBowlsContourIsACircle() {
        int side = 41;
        float[] v = new float[side * side];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) v[r * side + c] = (float) ((r - 20) * (r - 20) + (c - 20) * (c - 20));
        }
        float[] s = Contours.segments(v, side, 100);
        assertTrue(s.length > 40, "a closed curve of many segments");
        for (int i = 0; i < s.length; i += 2) {
            double radius = Math.hypot(s[i] - 20, s[i + 1] - 20);
            assertEquals(10, radius, 0.1, "every point lies on |x| = 10");
        }
    }

    @Test
    void logLevelsCrowdNearTheFloor() {
        double[] l = Contours.levels(0.01, 10, 5, true, 0);
        assertTrue(l[0] > 0.01 && l[4] < 10);
        assertEquals(l[1] / l[0], l[2] / l[1], 1e-9, "geometric spacing");
        double[] lin = Contours.levels(0, 6, 5, false, 0);
        assertEquals(1, lin[0], 1e-12);
        assertEquals(5, lin[4], 1e-12);
    }
}
