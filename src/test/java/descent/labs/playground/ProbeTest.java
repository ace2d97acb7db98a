package descent.labs.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProbeTest {
    /**
     * For one hidden ReLU layer on (x₁, x₂), unit j is on where w₁ⱼx₁ + w₂ⱼx₂ + bⱼ > 0: its regions are the cells of an
     * arrangement of lines. Inside a convex window, lines in general position cut it into
     * 1 + (lines crossing the window) + (crossings of two lines inside the window) regions.
     */
    static int directCount(PlaygroundExperiment ex) {
        float[] w = ex.weights(0), b = ex.biases(0);
        int h = ex.sizes()[1];
        double e = PlaygroundExperiment.EXTENT;
        int lines = 0, crossings = 0;
        for (int j = 0; j < h; j++) {
            double a1 = w[j], a2 = w[h + j], c = b[j];
            // a line crosses the square iff the corners are not all on one side
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (double[] p : new double[][] {{-e, -e}, {-e, e}, {e, -e}, {e, e}}) {
                double v = a1 * p[0] + a2 * p[1] + c;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (lo < 0 && hi > 0) {
                lines++;
            }
            for (int k = 0; k < j; k++) {
                double d1 = w[k], d2 = w[h + k], f = b[k];
                double det = a1 * d2 - a2 * d1;
                double x = (-c * d2 + a2 * f) / det, y = (-a1 * f + c * d1) / det;
                if (Math.abs(x) < e && Math.abs(y) < e) {
                    crossings++;
                }
            }
        }
        return 1 + lines + crossings;
    }

    @Test
    void oneHiddenLayerRegionCountEqualsTheDirectCount() {
        int checked = 0;
        for (int seed = 1; seed <= 12; seed++) {
            for (int width : new int[] {2, 4, 6}) {
                PlaygroundExperiment ex = new PlaygroundExperiment(MlpKernelTest.params("data=spiral&hidden=" + width
                        + "&act=relu&seed=" + seed + "&opt=adam&lr=0.02"));
                for (int i = 0; i < 200; i++) {
                    ex.step();
                }
                Probe.Regions r = ex.probe().regions(64);
                assertTrue(r.exact());
                assertEquals(directCount(ex), r.count(), "seed " + seed + ", width " + width);
                checked++;
            }
        }
        assertEquals(36, checked);
    }

    @Test
    void aCoarseGridAloneMissesSliversTheVertexProbesFind() {
        int missed = 0;
        for (int seed = 1; seed <= 12; seed++) {
            PlaygroundExperiment ex = new PlaygroundExperiment(MlpKernelTest.params("hidden=6&act=relu&seed=" + seed));
            missed += directCount(ex) - Probe.distinct(ex.probe().patterns(64));
        }
        assertTrue(missed > 0, "the probes are needed: a 64 x 64 grid alone undercounts");
    }

    @Test
    void aLinearNetIsOneRegionAndDepthAddsRegions() {
        PlaygroundExperiment linear = new PlaygroundExperiment(MlpKernelTest.params("hidden=&act=relu"));
        assertEquals(1, Probe.distinct(linear.probe().patterns(64)));
        PlaygroundExperiment deep = new PlaygroundExperiment(MlpKernelTest.params("hidden=8,8,8&act=relu&seed=2"));
        PlaygroundExperiment shallow = new PlaygroundExperiment(MlpKernelTest.params("hidden=8&act=relu&seed=2"));
        assertTrue(Probe.distinct(deep.probe().patterns(200)) > Probe.distinct(shallow.probe().patterns(200)));
    }

    @Test
    void localMapIsTheGradientOnThePlane() {
        PlaygroundExperiment ex = new PlaygroundExperiment(MlpKernelTest.params(
                "data=circles&hidden=5,3&act=tanh&x1sq=1&sin2=1&x1x2=1&seed=4"));
        for (int i = 0; i < 100; i++) {
            ex.step();
        }
        Probe p = ex.probe();
        double a = 0.31, b = -0.47, h = 1e-3;
        Probe.LocalMap m = p.localMap(a, b);
        double fa = (p.localMap(a + h, b).value() - p.localMap(a - h, b).value()) / (2 * h);
        double fb = (p.localMap(a, b + h).value() - p.localMap(a, b - h).value()) / (2 * h);
        assertEquals(fa, m.dA(), 2e-2 * Math.max(0.1, Math.abs(fa)));
        assertEquals(fb, m.dB(), 2e-2 * Math.max(0.1, Math.abs(fb)));
    }

    @Test
    void reluTangentPlaneIsExactInsideItsRegion() {
        PlaygroundExperiment ex = new PlaygroundExperiment(MlpKernelTest.params("hidden=6,6&act=relu&seed=7"));
        Probe p = ex.probe();
        Probe.LocalMap m = p.localMap(0.2, 0.1);
        Probe.LocalMap near = p.localMap(0.2 + 1e-3, 0.1 - 1e-3);
        if (near.pattern() == m.pattern()) {
            double predicted = m.dA() * near.a() + m.dB() * near.b() + m.intercept();
            assertEquals(predicted, near.value(), 1e-5);
        }
    }

    @Test
    void outputsAreProbabilitiesForClasses() {
        PlaygroundExperiment ex = new PlaygroundExperiment(MlpKernelTest.params("data=gaussians&classes=4&hidden=4"));
        float[] out = ex.probe().output(8);
        assertEquals(64 * 4, out.length);
        for (int i = 0; i < 64; i++) {
            double s = 0;
            for (int k = 0; k < 4; k++) {
                s += out[i * 4 + k];
            }
            assertEquals(1, s, 1e-5);
        }
        float[][] maps = ex.probe().neuronMaps(8);
        assertEquals(3, maps.length, "inputs, one hidden layer, outputs");
        assertEquals(2 * 64, maps[0].length);
        assertEquals(4 * 64, maps[1].length);
    }
}
