package descent.labs.generative;

import descent.tensor.DetMath;
import java.util.Arrays;

/**
 * The sliced Wasserstein-2 distance between two 2-D point sets of equal size (Rabin et al. 2011): project both onto
 * many directions, where optimal transport in 1-D is just matching sorted values, and average the squared distances.
 * Cheap (sorting), exact per slice, and zero only when the sets agree, so it measures sample quality over training.
 */
public final class SlicedWasserstein {
    /** Evenly spaced directions over the half circle: deterministic, so curves are not jittered by the metric. */
    public static final int DIRECTIONS = 64;

    private SlicedWasserstein() {}

    /** SW_2(a, b) for a, b (N, 2) with the same N. */
    public static double distance(float[] a, float[] b) {
        int n = a.length / 2;
        if (b.length != a.length || n == 0) throw new IllegalArgumentException("need two equal, non-empty point sets");
        double[] pa = new double[n], pb = new double[n];
        double total = 0;
        for (int k = 0; k < DIRECTIONS; k++) {
            double angle = DetMath.PI * k / DIRECTIONS, c = DetMath.cos(angle), s = DetMath.sin(angle);
            for (int i = 0; i < n; i++) {
                pa[i] = c * a[2 * i] + s * a[2 * i + 1];
                pb[i] = c * b[2 * i] + s * b[2 * i + 1];
            }
            Arrays.sort(pa);
            Arrays.sort(pb);
            double sum = 0;
            for (int i = 0; i < n; i++) sum += (pa[i] - pb[i]) * (pa[i] - pb[i]);
            total += sum / n;
        }
        return Math.sqrt(total / DIRECTIONS);
    }

    /** Rows of (N, 2) that are finite; a diverged sampler's NaNs would otherwise poison the sort. */
    public static boolean finite(float[] a) {
        for (float v : a) if (!Float.isFinite(v)) return false;
        return true;
    }
}
