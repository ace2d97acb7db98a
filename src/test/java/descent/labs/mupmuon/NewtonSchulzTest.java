package descent.labs.mupmuon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.labs.mupmuon.NewtonSchulzExperiment.Input;
import descent.optim.Muon;
import descent.tensor.CpuBackend;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Newton–Schulz as the lab shows it. Measured on the CPU backend (float32), seeds 1–5:
 * <ul>
 *   <li>Five quintic steps on 128×32 and 32×128 Gaussian matrices give singular values in [0.6818, 1.0446]: their
 *       normalised spectrum starts in [0.086, 0.27], and the quintic composed five times maps that range onto
 *       [0.68183, 1.0447]. The issue's [0.68, 1.2] holds with room at the top.</li>
 *   <li>On 64×64 Gaussian matrices the largest values end ≤ 1.2009 but the smallest can end far below 0.68
 *       (0.097 for seed 4): a square Gaussian matrix's smallest singular value over its Frobenius norm is about
 *       n^−1.5 ≈ 0.002, and five steps multiply a small value by at most 3.4445⁵ ≈ 485. What the coefficients give
 *       is [0.68183, 1.20237] for every normalised input in [0.0021, 1]; the test checks exactly that.</li>
 *   <li>The cubic on a 64×64 input with condition number 2 reaches ‖XXᵀ − I‖_F = 3.0e-4 at step 9 (1e-3 is crossed
 *       between steps 8 and 9) and stalls at the float32 floor, 1.2e-6; with condition number 10 it takes 12 steps.</li>
 * </ul>
 */
class NewtonSchulzTest {
    final CpuBackend be = new CpuBackend();

    /** The band the quintic composed five times gives on normalised inputs in [0.0021, 1], sampled finely. */
    static final double QUINTIC_LO = 0.6818, QUINTIC_HI = 1.2024;

    @Test
    void fiveQuinticStepsMapRectangularSpectraIntoTheBand() {
        for (int[] shape : new int[][] {{128, 32}, {32, 128}}) {
            for (long seed = 1; seed <= 5; seed++) {
                var e = new NewtonSchulzExperiment(be, Input.GAUSSIAN, shape[0], shape[1], 0, null,
                        NsSchedule.QUINTIC, 5, seed);
                double[] r = e.range(5);
                String what = shape[0] + "x" + shape[1] + " seed " + seed;
                assertTrue(r[0] >= QUINTIC_LO && r[1] <= 1.045, what + ": [" + r[0] + ", " + r[1] + "]");
                assertTrue(e.range(0)[0] > 0.08, what + ": a rectangular Gaussian matrix is well conditioned");
            }
        }
    }

    @Test
    void fiveQuinticStepsOnSquareMatricesReachTheBandAboveItsThreshold() {
        double[] band = NsSchedule.QUINTIC.band(5, 0.0021, 1, 20000);
        assertEquals(0.68183, band[0], 1e-4);
        assertEquals(1.20237, band[1], 1e-4);
        int below = 0;
        for (long seed = 1; seed <= 5; seed++) {
            var e = new NewtonSchulzExperiment(be, Input.GAUSSIAN, 64, 64, 0, null, NsSchedule.QUINTIC, 5, seed);
            assertTrue(e.range(5)[1] <= QUINTIC_HI, "largest after five steps, seed " + seed);
            for (int i = 0; i < e.inputSingular.length; i++) {
                double in = e.inputSingular[i] / e.frobenius, out = e.singular[5][i];
                if (in >= 0.0021) {
                    assertTrue(out >= QUINTIC_LO && out <= QUINTIC_HI, "seed " + seed + " value " + i + ": " + out);
                } else {
                    below++;
                    assertTrue(out < 3.4445 * 3.4445 * 3.4445 * 3.4445 * 3.4445 * in, "grows at most by a^5");
                }
            }
        }
        assertTrue(below > 0, "some square Gaussian spectra start below the threshold (that is the point)");
    }

    @Test
    void theCubicOrthogonalisesAWellConditionedMatrixWithinFifteenSteps() {
        var e = new NewtonSchulzExperiment(be, Input.SPECTRUM, 64, 64, 0.5, null, NsSchedule.CUBIC, 15, 3);
        int first = -1;
        for (int k = 0; k <= 15; k++) {
            if (first < 0 && e.orthoErrorF[k] < 1e-3) first = k;
        }
        assertEquals(9, first, "steps to ||X X^T - I||_F < 1e-3");
        assertTrue(e.orthoErrorF[15] < 1e-5, "and it stays converged: " + e.orthoErrorF[15]);
        var harder = new NewtonSchulzExperiment(be, Input.SPECTRUM, 64, 64, 0.1, null, NsSchedule.CUBIC, 15, 3);
        assertTrue(harder.orthoErrorF[12] < 1e-3 && harder.orthoErrorF[11] > 1e-3, "condition number 10: 12 steps");
    }

    @Test
    void measuredSingularValuesFollowTheComposedPolynomial() {
        NsSchedule pe = NsSchedule.parse(NsSchedule.POLAR_EXPRESS, false).schedule();
        for (NsSchedule s : new NsSchedule[] {NsSchedule.CUBIC, NsSchedule.QUINTIC, pe}) {
            var e = new NewtonSchulzExperiment(be, Input.SPECTRUM, 48, 80, 0.01, null, s, 7, 11);
            for (int k = 0; k <= 7; k++) {
                double[] want = e.predicted(k);
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], e.singular[k][i], 2e-5, "step " + k + " value " + i);
                }
            }
        }
    }

    /** Condition number 1000, seven steps: ‖XXᵀ − I‖₂ is 0.076 with Polar Express's schedule, 0.53 with the quintic. */
    @Test
    void polarExpressBeatsTheQuinticOnAHardSpectrum() {
        NsSchedule pe = NsSchedule.parse(NsSchedule.POLAR_EXPRESS, false).schedule();
        var quintic = new NewtonSchulzExperiment(be, Input.SPECTRUM, 64, 64, 1e-3, null, NsSchedule.QUINTIC, 7, 2);
        var polar = new NewtonSchulzExperiment(be, Input.SPECTRUM, 64, 64, 1e-3, null, pe, 7, 2);
        assertTrue(polar.orthoError2[7] < 0.2 * quintic.orthoError2[7],
                polar.orthoError2[7] + " vs " + quintic.orthoError2[7]);
    }

    @Test
    void theStepwiseIterationIsMuonsNewtonSchulz() {
        float[] g = new Rng(4).normals(24 * 40, 1);
        for (int[] shape : new int[][] {{24, 40}, {40, 24}}) {
            var e = new NewtonSchulzExperiment(be, Input.GIVEN, shape[0], shape[1], 0, g, NsSchedule.QUINTIC, 5, 0);
            float[] muon;
            try (Scope s = Scope.open()) {
                muon = Muon.newtonSchulz(Tensor.of(be, g, shape[0], shape[1]), 3.4445f, -4.7750f, 2.0315f, 5).toHost();
            }
            for (int i = 0; i < muon.length; i++) assertEquals(muon[i], e.result[i], 1e-6, "entry " + i);
        }
    }

    @Test
    void svdRecoversAPrescribedSpectrumAndItsVectors() {
        double[] s = {3, 1.5, 0.2, 1e-4};
        float[] a = Spectra.withSpectrum(7, 4, s, new Rng(9));
        for (float[] m : new float[][] {a, transpose(a, 7, 4)}) {
            boolean wide = m != a;
            Spectra.Svd d = Spectra.svd(m, wide ? 4 : 7, wide ? 7 : 4, true);
            for (int i = 0; i < 4; i++) assertEquals(s[i], d.s()[i], 1e-6 * Math.max(1, s[i]));
            double[] back = Spectra.inBasis(d, m);
            for (int i = 0; i < 4; i++) assertEquals(s[i], back[i], 1e-6);
        }
        assertEquals(3, Spectra.spectralNorm(a, 7, 4, 100), 1e-6);
    }

    static float[] transpose(float[] a, int r, int c) {
        float[] t = new float[a.length];
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) t[j * r + i] = a[i * c + j];
        return t;
    }

    @Test
    void typedCoefficientsAreParsedOrRefusedWithAMessage() {
        NsSchedule.Parsed ok = NsSchedule.parse("(3.4445, \u22124.775, 2.0315)", true);
        assertTrue(ok.ok());
        assertEquals(-4.775, ok.schedule().at(0)[1], 0);
        assertEquals(ok.schedule().at(0)[2], ok.schedule().at(9)[2], 0, "the last triple repeats");
        NsSchedule.Parsed pe = NsSchedule.parse(NsSchedule.POLAR_EXPRESS, false);
        assertEquals(7, pe.schedule().length());
        NsSchedule back = NsSchedule.parse(pe.schedule().format(), false).schedule();
        for (int k = 0; k < 7; k++) assertEquals(pe.schedule().at(k)[2], back.at(k)[2], 0, "format reads back");
        for (String bad : new String[] {"", "1, 2", "1, 2, 3, 4", "a, b, c", "1, 2, NaN", "1, 2, 1e999",
                "<script>alert(1)</script>", "1, 2, 3; 4, 5, 6", "1, 2, 300", "0x10, 1, 2"}) {
            NsSchedule.Parsed p = NsSchedule.parse(bad, true);
            assertFalse(p.ok(), bad);
            assertNotNull(p.error(), bad);
            assertNull(p.schedule(), bad);
        }
        assertTrue(NsSchedule.parse("1, 2", true).error().contains("three numbers"));
        assertTrue(NsSchedule.parse("1, x, 3", true).error().contains("\u201cx\u201d is not a number"));
        assertTrue(NsSchedule.parse("1, 2, 3; 4, 5", false).error().startsWith("Triple 2"));
        assertFalse(NsSchedule.parse("1,1,1;".repeat(11), false).ok(), "at most ten triples");
    }
}
