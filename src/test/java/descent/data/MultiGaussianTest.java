package descent.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MultiGaussianTest {
    @Test
    void sixBumpsOfAlternatingSign() {
        // neighbours overlap a little, so a peak is within 10% of 1
        assertEquals(1, Points2D.bumps(-0.65, 0.45), 0.1);
        assertEquals(-1, Points2D.bumps(0, 0.45), 0.1);
        assertEquals(1, Points2D.bumps(0, -0.45), 0.1);
        assertEquals(-1, Points2D.bumps(-0.65, -0.45), 0.1);
        Dataset d = Points2D.regression(Points2D.Surface.MULTI_GAUSSIAN, 500, 0, 3);
        double lo = 0, hi = 0;
        for (float t : d.targets) {
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        assertTrue(lo < -0.8 && hi > 0.8 && lo > -1.1 && hi < 1.1, "targets span about [-1, 1]: " + lo + ", " + hi);
    }
}
