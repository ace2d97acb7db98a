package descent.labs.generative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.tensor.Rng;
import org.junit.jupiter.api.Test;

/** The forward process q(x_t | x_0) is what the schedule says it is. */
class ScheduleTest {
    @Test
    void forwardProcessHasTheScheduledMeanAndVarianceAtSeveralT() {
        for (NoiseSchedule.Kind kind : NoiseSchedule.Kind.values()) {
            NoiseSchedule s = new NoiseSchedule(kind, 1000);
            int n = 200_000;
            Rng rng = new Rng(5);
            float[] x0 = new float[n];
            java.util.Arrays.fill(x0, 1.5f); // a fixed data point: E[x_t] = sqrt(ᾱ) x_0, Var[x_t] = 1 - ᾱ
            for (int t : new int[] {1, 100, 250, 500, 750, 1000}) {
                float[] out = new float[n];
                s.noised(x0, rng.normals(n, 1), t, out);
                double mean = 0, sq = 0;
                for (float v : out) mean += v;
                mean /= n;
                for (float v : out) sq += (v - mean) * (v - mean);
                double var = sq / (n - 1);
                double expMean = Math.sqrt(s.alphaBar(t)) * 1.5, expVar = 1 - s.alphaBar(t);
                // standard errors: sd / sqrt(n) for the mean, var sqrt(2 / n) for the variance; allow 5 of them
                assertEquals(expMean, mean, 5 * Math.sqrt(expVar / n) + 1e-6, kind + " mean at t=" + t);
                assertEquals(expVar, var, 5 * expVar * Math.sqrt(2.0 / n) + 1e-6, kind + " variance at t=" + t);
            }
        }
    }

    @Test
    void linearScheduleMatchesHoEtAlAndBothEndNearPureNoise() {
        NoiseSchedule lin = new NoiseSchedule(NoiseSchedule.Kind.LINEAR, 1000);
        assertEquals(1e-4, lin.beta(1), 1e-9);
        assertEquals(0.02, lin.beta(1000), 1e-9);
        assertTrue(lin.alphaBar(1000) < 1e-4, "x_T is essentially noise: " + lin.alphaBar(1000));
        NoiseSchedule cos = new NoiseSchedule(NoiseSchedule.Kind.COSINE, 1000);
        assertTrue(cos.alphaBar(1000) < 1e-4);
        for (int t = 1; t <= 1000; t++) {
            assertTrue(lin.alphaBar(t) < lin.alphaBar(t - 1) && cos.alphaBar(t) < cos.alphaBar(t - 1), "decreasing");
        }
        // the cosine schedule keeps more signal in the middle (Nichol and Dhariwal 2021, figure 5)
        assertTrue(cos.alphaBar(500) > lin.alphaBar(500));
        assertEquals(cos.alphaBar(500) / (1 - cos.alphaBar(500)), cos.snr(500), 1e-12);
    }

    @Test
    void samplerTimesAreEvenlySpacedAndEndAtZero() {
        NoiseSchedule s = new NoiseSchedule(NoiseSchedule.Kind.LINEAR, 1000);
        assertArrayEquals(new int[] {1000, 750, 500, 250, 0}, s.sampleTimes(4));
        assertArrayEquals(new int[] {1000, 0}, s.sampleTimes(1));
        int[] all = s.sampleTimes(1000);
        assertEquals(1001, all.length);
        for (int i = 0; i <= 1000; i++) assertEquals(1000 - i, all[i]);
        assertEquals(1001, s.sampleTimes(5000).length, "clamped to T");
    }
}
