package descent.labs.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.tensor.CpuBackend;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Races on the built-in surfaces, the local model, and the geometry of norms. */
class RaceAndNormsTest {
    static List<Method.Setting> all() {
        List<Method.Setting> s = new ArrayList<>();
        for (Method m : Method.values()) s.add(Method.Setting.defaults(m));
        return s;
    }

    @Test
    void everyBuiltInSurfaceParsesAndItsMinimaAreStationary() {
        for (String id : Surfaces.IDS) {
            Surface s = Surfaces.byId(id, 10, 30, Surfaces.DEFAULT_CUSTOM);
            if (id.equals("custom")) continue;
            for (double[] m : s.minima()) {
                double[] j = s.jet(m[0], m[1]);
                assertEquals(0, Math.hypot(j[1], j[2]), 1e-4 * (1 + Math.abs(j[3])), id + " gradient at minimum");
                assertEquals(s.floor(), j[0], 1e-6, id + " value at minimum");
            }
        }
        Surface q = Surfaces.quadratic(25, 30);
        double[] j = q.jet(0, 0);
        assertEquals(25, LocalModel.condition(j[3], j[4], j[5]), 0.01, "the quadratic has the condition number asked");
    }

    @Test
    void gradientDescentWinsTheQuadraticRaceOnlyWhenWellConditioned() {
        Surface s = Surfaces.quadratic(50, 30);
        RaceExperiment r = new RaceExperiment(new CpuBackend(), s, List.of(new Method.Setting(Method.GD, 0.02,
                Double.NaN, Double.NaN), new Method.Setting(Method.MOMENTUM, 0.01, 0.8, Double.NaN)), -2.5, 1.5, 0, 64, 200, 1);
        while (!r.done()) r.step();
        Racer gd = r.racers().get(0), hb = r.racers().get(1);
        assertEquals(201, gd.size());
        assertTrue(hb.distance(200) < gd.distance(200), "momentum is further along the shallow direction");
        assertTrue(gd.loss(200) < gd.loss(0));
    }

    @Test
    void aTooLargeStepDivergesOneRacerAndNotTheOthers() {
        Surface s = Surfaces.byId("rosenbrock", 1, 0, "");
        RaceExperiment r = new RaceExperiment(new CpuBackend(), s, List.of(new Method.Setting(Method.GD, 0.1,
                Double.NaN, Double.NaN), new Method.Setting(Method.ADAM, 0.02, 0.9, 0.999)), -1.2, 2.2, 0, 64, 300, 1);
        while (!r.done()) r.step();
        assertTrue(r.racers().get(0).diverged());
        assertTrue(r.racers().get(0).divergedAt() < 20);
        assertTrue(!r.racers().get(1).diverged());
    }

    @Test
    void noiseIsSeededAndFullBatchIsExact() {
        Surface s = Surfaces.byId("himmelblau", 1, 0, "");
        float[] a = finalPoint(s, 0.5, 8, 42), b = finalPoint(s, 0.5, 8, 42), c = finalPoint(s, 0.5, 8, 43);
        assertArrayEquals(a, b, "same seed, same race");
        assertTrue(a[0] != c[0] || a[1] != c[1], "another seed, another race");
        float[] exact = finalPoint(s, 0, 64, 1), exact2 = finalPoint(s, 0, 64, 99);
        assertArrayEquals(exact, exact2, "no noise: the seed does not matter");
    }

    static float[] finalPoint(Surface s, double sigma, int batch, long seed) {
        RaceExperiment r = new RaceExperiment(new CpuBackend(), s, List.of(new Method.Setting(Method.GD, 0.01,
                Double.NaN, Double.NaN)), -0.3, -0.9, sigma, batch, 50, seed);
        while (!r.done()) r.step();
        Racer g = r.racers().get(0);
        return new float[] {g.x(50), g.y(50)};
    }

    @Test
    void localModelsAgreeWithTheSurfaceNearThePoint() {
        Surface s = Surfaces.byId("rosenbrock", 1, 0, "");
        LocalModel m = new LocalModel(new CpuBackend(), s, -0.5, 0.8, all());
        double d = 1e-3;
        assertEquals(s.value(-0.5 + d, 0.8 - d), m.quadratic(d, -d), 1e-8);
        assertEquals(s.value(-0.5 + d, 0.8 - d), m.linear(d, -d), 1e-3);
        double[] gdLanding = m.landings.get(0);
        assertEquals(-0.5 - 0.1 * m.gx, gdLanding[0], 1e-5, "one GD step is -lr g");
        double[] signLanding = m.landings.get(Method.SIGN.ordinal());
        assertEquals(0.02, Math.abs(signLanding[0] + 0.5), 1e-6, "one sign step moves each coordinate by lr");
        Surface q = Surfaces.quadratic(10, 0);
        LocalModel n = new LocalModel(new CpuBackend(), q, 1, 1, List.of());
        assertEquals(0, n.newton[0], 1e-9, "Newton jumps to a quadratic's minimum in one step");
        assertEquals(0, n.newton[1], 1e-9);
    }

    @Test
    void steepestDirectionsUnderEachNorm() {
        double[] g = {3, -1};
        assertArrayEquals(new double[] {1, -1}, NormGeometry.steepest(NormGeometry.Norm.LINF, g), 1e-12);
        assertArrayEquals(new double[] {1, 0}, NormGeometry.steepest(NormGeometry.Norm.L1, g), 1e-12);
        assertArrayEquals(new double[] {3 / Math.sqrt(10), -1 / Math.sqrt(10)},
                NormGeometry.steepest(NormGeometry.Norm.L2, g), 1e-12);
        assertEquals(4, NormGeometry.dual(NormGeometry.Norm.LINF, g), 1e-12, "the dual of linf is l1");
        assertEquals(3, NormGeometry.dual(NormGeometry.Norm.L1, g), 1e-12, "the dual of l1 is linf");
        for (NormGeometry.Norm k : NormGeometry.Norm.values()) {
            assertEquals(1, NormGeometry.norm(k, NormGeometry.steepest(k, g)), 1e-12, k + " direction is a unit");
        }
    }

    @Test
    void twoByTwoSvdPolarFactorAndNewtonSchulz() {
        double[][] ws = {{2, 1, 0.5, 1.5}, {0, -1, 3, 0.2}, {1, 2, 2, 4}, {-1, 0.3, 0.7, -2}};
        for (double[] w : ws) {
            double[] s = NormGeometry.svd2(w[0], w[1], w[2], w[3]);
            assertTrue(s[0] >= s[1] && s[1] >= 0);
            assertEquals(Math.abs(w[0] * w[3] - w[1] * w[2]), s[0] * s[1], 1e-9, "|det| = product of sigmas");
            assertEquals(w[0] * w[0] + w[1] * w[1] + w[2] * w[2] + w[3] * w[3], s[0] * s[0] + s[1] * s[1], 1e-9);
            double[] p = NormGeometry.polar2(w[0], w[1], w[2], w[3]);
            // orthogonal: PᵀP = I
            assertEquals(1, p[0] * p[0] + p[2] * p[2], 1e-9);
            assertEquals(0, p[0] * p[1] + p[2] * p[3], 1e-9);
            // W = P (PᵀW) with PᵀW symmetric positive semidefinite
            double h01 = p[0] * w[1] + p[2] * w[3], h10 = p[1] * w[0] + p[3] * w[2];
            assertEquals(h01, h10, 1e-9, "P^T W is symmetric");
            if (s[1] > 0.3) {
                double[] ns = NormGeometry.newtonSchulz2(new CpuBackend(), w, 10);
                for (int i = 0; i < 4; i++) assertEquals(p[i], ns[i], 0.35, "Newton-Schulz approximates UV^T");
            }
        }
    }

    @Test
    void rmsToRmsNormOfAStandardLayer() {
        double[] n = NormGeometry.layerNorms(64, 256, 1);
        assertEquals(Math.sqrt(256.0 / 64) * n[0], n[2], 1e-12);
        // a Gaussian (d_out, d_in) matrix with variance 1/d_in has ‖W‖₂ ≈ (√d_out + √d_in)/√d_in = 1.5
        assertEquals(1.5, n[0], 0.1);
        assertEquals(Math.sqrt(64), n[1], 0.3, "Frobenius norm ≈ √d_out");
    }
}
