package descent.labs.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SurfaceCameraTest {
    @Test
    void theCentreProjectsToTheMiddleAndTheMatrixAgrees() {
        SurfaceCamera cam = new SurfaceCamera();
        double[] p = new double[3];
        cam.project(0, 0, 0, p);
        assertEquals(0, p[0], 1e-12);
        assertEquals(0, p[1], 1e-12);
        float[] m = cam.matrix(1);
        for (double[] q : new double[][] {{0.3, -0.7, 0.2}, {-1, 1, -0.5}, {1, 1, 0.5}}) {
            cam.project(q[0], q[1], q[2], p);
            double[] clip = new double[4];
            for (int row = 0; row < 4; row++) {
                clip[row] = m[row] * q[0] + m[4 + row] * q[1] + m[8 + row] * q[2] + m[12 + row];
            }
            assertEquals(p[0], clip[0] / clip[3], 1e-5, "x");
            assertEquals(p[1], clip[1] / clip[3], 1e-5, "y");
            double z = clip[2] / clip[3];
            assertTrue(z > 0 && z < 1, "inside WebGPU's depth range: " + z);
        }
    }

    @Test
    void quadsArePaintedFarthestFirst() {
        SurfaceCamera cam = new SurfaceCamera();
        cam.azimuth = 0;
        cam.elevation = 0.5;
        int side = 5;
        int[] order = cam.paintOrder(new float[side * side], side);
        // looking along +y from below it, row 0 (y = +1) is farthest, the last row nearest
        assertTrue(order[0] / 4 == 0, "the far row first");
        assertTrue(order[order.length - 1] / 4 == 3, "the near row last");
    }
}
