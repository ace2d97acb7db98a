package descent.labs.landscape;

import descent.tensor.Rng;

/**
 * Random directions for a slice of the landscape, scaled so that a step of 1 along them means the same thing in
 * every layer.
 *
 * <p>Why: a ReLU network computes the same function when a layer's weights are multiplied by c and the next layer's
 * divided by c, so the raw loss surface can look sharp or flat at will. Li et al. (2018, sec. 4) fix the scale by
 * drawing d from N(0, I) and then, filter by filter, d_f &larr; d_f / |d_f| &middot; |theta_f|. Directions for
 * biases and batch-norm parameters are set to zero (their code's default {@code ignore='biasbn'}).
 */
public final class Directions {
    /** How a Gaussian direction is scaled: per filter (Li et al.), per layer tensor, or not at all. */
    public enum Norm { FILTER, LAYER, NONE }

    private Directions() {
    }

    /** A seeded Gaussian direction (P), the same for a given seed and size on every platform. */
    public static float[] gaussian(long seed, int size) {
        return new Rng(seed).normals(size, 1);
    }

    /** The direction {@code raw} scaled for theta by {@code norm}; {@code raw} is not modified. */
    public static float[] normalise(ParamVector layout, float[] raw, float[] theta, Norm norm) {
        float[] d = raw.clone();
        for (int i = 0; i < layout.params.size(); i++) {
            int off = layout.offset(i), n = layout.params.get(i).size();
            if (!layout.hasFilters(i)) {
                for (int k = off; k < off + n; k++) d[k] = 0f; // biases and norm gains stay put
                continue;
            }
            if (norm == Norm.FILTER) {
                for (ParamVector.Filter f : layout.filtersOf(i)) {
                    double dn = ParamVector.norm(d, f);
                    ParamVector.scale(d, f, dn == 0 ? 0 : ParamVector.norm(theta, f) / dn);
                }
            } else if (norm == Norm.LAYER) {
                ParamVector.Filter whole = new ParamVector.Filter(off, n, 1);
                double dn = ParamVector.norm(d, whole);
                ParamVector.scale(d, whole, dn == 0 ? 0 : ParamVector.norm(theta, whole) / dn);
            }
        }
        return d;
    }

    /** The seed of direction k (0 or 1) for a slice seed: two independent streams. */
    public static long seedOf(long sliceSeed, int k) {
        return Rng.mix64(sliceSeed * 2 + k + 0x5EED_D1CEL);
    }
}
