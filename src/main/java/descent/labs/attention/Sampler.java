package descent.labs.attention;

import descent.tensor.DetMath;
import descent.tensor.Rng;

/**
 * Turning a next-token distribution into a choice, as language models are decoded: temperature, then top-k, then
 * top-p (nucleus, Holtzman et al. 2020), then a draw, or simply the arg-max (greedy). Pure functions on host arrays;
 * ties are broken towards the lower token id so every browser picks the same token.
 */
public final class Sampler {
    /** How to decode: {@code greedy} ignores the rest; topK 0 keeps all tokens; topP 1 keeps all. */
    public record Decoding(boolean greedy, double temperature, int topK, double topP) {
        public static final Decoding GREEDY = new Decoding(true, 1, 0, 1);
    }

    private Sampler() {
    }

    /**
     * The distribution a token is drawn from, given the model's probabilities (V). Temperature T rescales the logits:
     * p_i^(1/T), renormalised; T = 0 (or greedy) puts all mass on the arg-max. Tokens cut by top-k or top-p get 0.
     */
    public static float[] distribution(float[] probs, Decoding d) {
        int v = probs.length;
        float[] out = new float[v];
        if (d.greedy() || d.temperature() <= 0) {
            out[argmax(probs)] = 1f;
            return out;
        }
        // work with log p so a small temperature does not underflow before the max is subtracted
        double max = Double.NEGATIVE_INFINITY;
        double[] z = new double[v];
        for (int i = 0; i < v; i++) {
            z[i] = probs[i] > 0 ? DetMath.log(probs[i]) / d.temperature() : Double.NEGATIVE_INFINITY;
            max = Math.max(max, z[i]);
        }
        double sum = 0;
        double[] p = new double[v];
        for (int i = 0; i < v; i++) {
            p[i] = z[i] == Double.NEGATIVE_INFINITY ? 0 : DetMath.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < v; i++) p[i] /= sum;
        int[] rank = ranking(p);
        int keep = d.topK() > 0 ? Math.min(d.topK(), v) : v;
        keep = Math.min(keep, nucleusSize(p, rank, keep, d.topP()));
        double kept = 0;
        for (int r = 0; r < keep; r++) kept += p[rank[r]];
        for (int r = 0; r < keep; r++) out[rank[r]] = (float) (p[rank[r]] / kept);
        return out;
    }

    /**
     * Top-p: how many of the first {@code limit} ranked tokens form the smallest set whose probability (renormalised
     * over those {@code limit}) reaches p. At least one token is always kept.
     */
    static int nucleusSize(double[] p, int[] rank, int limit, double topP) {
        if (topP >= 1) return limit;
        double total = 0;
        for (int r = 0; r < limit; r++) total += p[rank[r]];
        double mass = 0;
        for (int r = 0; r < limit; r++) {
            mass += p[rank[r]];
            // probabilities arrive as float32: a mass within float rounding (1e-6) of p counts as reaching it
            if (mass >= topP * total - 1e-6) return r + 1;
        }
        return limit;
    }

    /** Token ids by decreasing probability, ties by increasing id. */
    static int[] ranking(double[] p) {
        Integer[] idx = new Integer[p.length];
        for (int i = 0; i < p.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) out[i] = idx[i];
        return out;
    }

    /** Draws a token from a distribution with the lab's seeded generator. */
    public static int draw(float[] dist, Rng rng) {
        double u = rng.nextDouble(), c = 0;
        int last = -1;
        for (int i = 0; i < dist.length; i++) {
            if (dist[i] <= 0) continue;
            c += dist[i];
            last = i;
            if (u < c) return i;
        }
        return last; // rounding left u just above the total: the last kept token
    }

    public static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}
