package descent.labs.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.tensor.Rng;
import org.junit.jupiter.api.Test;

class SamplerTest {
    static float[] softmax(float[] z) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (float v : z) max = Math.max(max, v);
        float[] p = new float[z.length];
        for (int i = 0; i < z.length; i++) sum += Math.exp(z[i] - max);
        for (int i = 0; i < z.length; i++) p[i] = (float) (Math.exp(z[i] - max) / sum);
        return p;
    }

    /**
     * As T falls the mass on the arg-max grows to 1: float32 log-probabilities that differ at all differ by more than
     * ~1e-7, so at T = 1e-9 the runner-up weighs exp(-100) or less and the distribution is exactly greedy's.
     */
    @Test
    void temperatureTowardsZeroIsGreedy() {
        Rng rng = new Rng(3);
        for (int trial = 0; trial < 200; trial++) {
            float[] probs = softmax(rng.normals(20, 2));
            int greedy = Sampler.argmax(probs);
            double previous = 0;
            for (double temp : new double[] {1, 0.3, 0.1, 1e-2, 1e-3, 1e-5}) {
                float[] d = Sampler.distribution(probs, new Sampler.Decoding(false, temp, 0, 1));
                assertTrue(d[greedy] >= previous - 1e-6, "mass on the arg-max grows as the temperature falls");
                previous = d[greedy];
            }
            float[] cold = Sampler.distribution(probs, new Sampler.Decoding(false, 1e-9, 0, 1));
            assertArrayEquals(Sampler.distribution(probs, Sampler.Decoding.GREEDY), cold, "T = 1e-9 is greedy");
            assertEquals(greedy, Sampler.draw(cold, rng), "and a draw is the greedy token");
            assertArrayEquals(Sampler.distribution(probs, Sampler.Decoding.GREEDY),
                    Sampler.distribution(probs, new Sampler.Decoding(false, 0, 0, 1)), "temperature 0 is greedy");
        }
    }

    @Test
    void temperatureOneKeepsTheModelsDistribution() {
        float[] probs = softmax(new Rng(5).normals(12, 1));
        float[] d = Sampler.distribution(probs, new Sampler.Decoding(false, 1, 0, 1));
        for (int i = 0; i < probs.length; i++) assertEquals(probs[i], d[i], 1e-6);
    }

    /** Top-p keeps the smallest set of most likely tokens whose mass reaches p, checked against brute force. */
    @Test
    void topPKeepsTheSmallestSetReachingP() {
        Rng rng = new Rng(9);
        for (int trial = 0; trial < 300; trial++) {
            float[] probs = softmax(rng.normals(10, 1.5));
            double p = 0.05 + 0.9 * rng.nextDouble();
            float[] d = Sampler.distribution(probs, new Sampler.Decoding(false, 1, 0, p));
            int kept = 0;
            double keptMass = 0, minKept = 1, maxDropped = 0;
            for (int i = 0; i < probs.length; i++) {
                if (d[i] > 0) {
                    kept++;
                    keptMass += probs[i];
                    minKept = Math.min(minKept, probs[i]);
                } else {
                    maxDropped = Math.max(maxDropped, probs[i]);
                }
            }
            assertTrue(keptMass >= p - 1e-6, "kept mass " + keptMass + " reaches p " + p);
            assertTrue(minKept >= maxDropped, "kept tokens are the most likely ones");
            // smallest: brute force over set sizes, most likely first
            float[] sorted = probs.clone();
            java.util.Arrays.sort(sorted);
            double mass = 0;
            int smallest = 0;
            while (mass < p - 1e-6) mass += sorted[sorted.length - 1 - smallest++];
            assertEquals(smallest, kept, "p = " + p);
            double sum = 0;
            for (float v : d) sum += v;
            assertEquals(1, sum, 1e-5, "renormalised");
        }
    }

    @Test
    void topPWorkedExample() {
        float[] probs = {0.1f, 0.5f, 0.3f, 0.1f};
        float[] d = Sampler.distribution(probs, new Sampler.Decoding(false, 1, 0, 0.8));
        assertArrayEquals(new float[] {0, 0.625f, 0.375f, 0}, d, 1e-6f, "0.5 + 0.3 reaches 0.8 exactly");
        d = Sampler.distribution(probs, new Sampler.Decoding(false, 1, 0, 0.81));
        assertEquals(3, count(d), "0.81 needs a third token; the tie goes to the lower id");
        assertTrue(d[0] > 0 && d[3] == 0);
    }

    @Test
    void topKKeepsKTokens() {
        float[] probs = softmax(new Rng(1).normals(30, 1));
        for (int k = 1; k <= 30; k += 7) {
            float[] d = Sampler.distribution(probs, new Sampler.Decoding(false, 1, k, 1));
            assertEquals(k, count(d));
        }
    }

    @Test
    void drawsFollowTheDistribution() {
        float[] d = {0.2f, 0f, 0.5f, 0.3f};
        int[] counts = new int[4];
        Rng rng = new Rng(4);
        for (int i = 0; i < 20000; i++) counts[Sampler.draw(d, rng)]++;
        assertEquals(0, counts[1], "a removed token is never drawn");
        for (int i : new int[] {0, 2, 3}) assertEquals(d[i], counts[i] / 20000.0, 0.015);
    }

    static int count(float[] d) {
        int n = 0;
        for (float v : d) if (v > 0) n++;
        return n;
    }
}
