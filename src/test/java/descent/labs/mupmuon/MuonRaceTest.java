package descent.labs.mupmuon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.tensor.CpuBackend;
import org.junit.jupiter.api.Test;

/**
 * The race on the CPU backend, hidden width 64, batch 32, seed 1, default rates. Measured: after 150 steps the
 * losses are 0.012 (Muon), 0.019 (AdamW), 0.097 (SGD), 1.16 (sign descent at 3e-4; the lab's default is now 1e-3);
 * the update of hidden layer 1 has stable rank ‖ΔW‖²_F / ‖ΔW‖²₂ about 30 of 64 under Muon, with its median
 * singular value two thirds of its largest, against 1.2–3 for AdamW, SGD and sign descent, whose median is under 2%.
 */
class MuonRaceTest {
    @Test
    void muonsUpdatesAreFlatAndEveryoneLearns() {
        var e = new MuonRaceExperiment(new CpuBackend(), new MuonRaceExperiment.Config(64, 32, 0.02, 3e-3, 0.05,
                1e-3, 10, 1));
        assertEquals("AdamW", e.muonRule(0));
        assertEquals("Muon", e.muonRule(1));
        assertEquals("Muon", e.muonRule(2));
        assertEquals("AdamW", e.muonRule(3));
        for (int t = 0; t <= 150; t++) e.step();
        assertEquals(150, e.probedAt());
        float[] h = e.history().toHost();
        int row = 150 % MuonRaceExperiment.HISTORY;
        assertEquals(150, h[row * 5], 0);
        for (int r = 0; r < 4; r++) {
            assertTrue(h[row * 5 + 1 + r] < 0.6 * Math.log(10), "racer " + r + " learns: " + h[row * 5 + 1 + r]);
        }
        float[] p = e.probe().toHost();
        for (int r = 0; r < 4; r++) {
            double[] s = Spectra.singularValues(e.slice(p, e.offset(r, 1, true), 1), 64, 64);
            double fro = 0;
            for (double v : s) fro += v * v;
            double stableRank = fro / (s[0] * s[0]), median = s[32] / s[0];
            if (r == 0) {
                assertTrue(stableRank > 20 && median > 0.5, "Muon: " + stableRank + ", " + median);
            } else {
                assertTrue(stableRank < 5 && median < 0.1, r + ": " + stableRank + ", " + median);
            }
        }
        // the probe's weights are the racers' weights, and the momentum is what Muon orthogonalises
        float[] w = e.weight(2, 3).value.toHost();
        float[] packed = e.slice(p, e.offset(2, 3, false), 3);
        for (int i = 0; i < w.length; i++) assertEquals(w[i], packed[i], 0);
        float[] u = e.slice(p, e.momentumOffset(0), 1);
        double norm = 0;
        for (float v : u) norm += v * v;
        assertTrue(norm > 0 && Double.isFinite(norm), "momentum captured");
    }
}
