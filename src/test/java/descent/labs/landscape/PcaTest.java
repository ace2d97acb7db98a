package descent.labs.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The principal directions of a trajectory. */
class PcaTest {
    @Test
    void aStraightLineTrajectoryGivesThatLine() {
        int p = 500;
        Rng rng = new Rng(1);
        float[] start = rng.normals(p, 1), u = rng.normals(p, 1);
        List<float[]> path = new ArrayList<>();
        for (int s = 0; s <= 40; s++) {
            float[] t = start.clone();
            Vec.axpy(s / 40.0, u, t);
            path.add(t);
        }
        float[] end = path.get(path.size() - 1);
        Pca pca = Pca.of(path, end, 2);
        double cos = Vec.dot(pca.directions[0], u) / (Vec.norm(pca.directions[0]) * Vec.norm(u));
        assertEquals(1, Math.abs(cos), 1e-5, "the first component is the line");
        assertEquals(1, pca.explained[0], 1e-6, "and explains all the movement");
        assertEquals(-Vec.norm(u), pca.coords[0][0], 1e-3 * Vec.norm(u), "the start sits |u| before the end");
        assertEquals(0, pca.coords[40][0], 1e-4);
        for (double[] c : pca.coords) assertEquals(0, c[1], 1e-3, "nothing off the line");
    }

    @Test
    void aBentPathNeedsTwoComponents() {
        int p = 300;
        Rng rng = new Rng(2);
        float[] u = rng.normals(p, 1), v = rng.normals(p, 1);
        List<float[]> path = new ArrayList<>();
        for (int s = 0; s <= 30; s++) {
            double t = s / 30.0;
            float[] x = new float[p];
            Vec.axpy(3 * t, u, x);
            Vec.axpy(Math.sin(Math.PI * t), v, x);
            path.add(x);
        }
        Pca pca = Pca.of(path, path.get(30), 2);
        assertTrue(pca.explained[0] > 0.5 && pca.explained[1] > 0.01, "two components carry the variance");
        assertEquals(1, pca.explained[0] + pca.explained[1], 1e-6, "and all of it");
        double inPlane = 0;
        for (float[] d : pca.directions) inPlane += Math.pow(Vec.dot(d, v) / Vec.norm(v), 2);
        assertEquals(1, inPlane, 1e-4, "v lies in the plane");
    }
}
