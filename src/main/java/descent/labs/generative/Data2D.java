package descent.labs.generative;

import descent.data.Points2D;
import descent.tensor.Rng;

/**
 * The 2-D target densities of the lab, in lab coordinates: the engine's densities (drawn in [-1, 1]²) scaled by
 * {@link #SCALE}, so the data spreads about as far as the unit Gaussian noise it is mixed with; or points the user
 * drew, resampled with a little jitter so a few dozen taps describe a density rather than a point set.
 */
public final class Data2D {
    /** Lab coordinates are this many times the engine's unit square. */
    public static final double SCALE = 2;
    /** Fewer drawn points than this do not describe a density: the lab refuses them. */
    public static final int MIN_DRAWN = 20;
    /** Most points a drawing may hold (they travel in the URL). */
    public static final int MAX_DRAWN = 200;
    /** The spread added around each drawn point, in lab units. */
    public static final double DRAWN_JITTER = 0.06;

    public enum Kind { GAUSSIANS, SWISS_ROLL, MOONS, CHECKERBOARD, DRAWN }

    private Data2D() {}

    /**
     * What a 2-D generative experiment trains and is judged on: training points, a held-out reference sample for the
     * sliced Wasserstein distance, and that distance between the reference and a second fresh sample (the floor a
     * perfect model would reach with this many points).
     */
    public record Split(float[] train, float[] reference, double floor) {
    }

    /** Draws a {@link Split}, seeds taken from {@code root} in a fixed order (train, reference, second sample). */
    public static Split split(Kind kind, float[] drawn, int trainPoints, Rng root) {
        float[] train = sample(kind, drawn, trainPoints, root.nextLong());
        float[] reference = sample(kind, drawn, QualityProbe.POINTS, root.nextLong());
        double floor = SlicedWasserstein.distance(reference, sample(kind, drawn, QualityProbe.POINTS, root.nextLong()));
        return new Split(train, reference, floor);
    }

    /** n points (N, 2) from the density; {@code drawn} (M, 2) is used only by DRAWN and must hold MIN_DRAWN points. */
    public static float[] sample(Kind kind, float[] drawn, int n, long seed) {
        if (kind == Kind.DRAWN) return resample(drawn, n, seed);
        Points2D.Density d = switch (kind) {
            case SWISS_ROLL -> Points2D.Density.SWISS_ROLL;
            case MOONS -> Points2D.Density.MOONS;
            case CHECKERBOARD -> Points2D.Density.CHECKERBOARD;
            default -> Points2D.Density.GAUSSIAN_MIXTURE;
        };
        // the moons come with no spread of their own; the other densities already have width
        double noise = kind == Kind.MOONS ? 0.04 : 0.0;
        float[] x = Points2D.density(d, n, noise, seed).x;
        for (int i = 0; i < x.length; i++) x[i] *= (float) SCALE;
        return x;
    }

    /** Bootstrap of the drawn points with Gaussian jitter. */
    static float[] resample(float[] drawn, int n, long seed) {
        int m = drawn == null ? 0 : drawn.length / 2;
        if (m < MIN_DRAWN) throw new IllegalArgumentException(refusal(m));
        Rng rng = new Rng(seed);
        float[] x = new float[2 * n];
        for (int i = 0; i < n; i++) {
            int j = rng.nextInt(m);
            x[2 * i] = (float) (drawn[2 * j] + DRAWN_JITTER * rng.normal());
            x[2 * i + 1] = (float) (drawn[2 * j + 1] + DRAWN_JITTER * rng.normal());
        }
        return x;
    }

    /** Why a drawing of m points cannot be trained on, in words for the student. */
    public static String refusal(int m) {
        return "Draw at least " + MIN_DRAWN + " points to make a dataset \u2014 this drawing has " + m + ".";
    }

    /** The 8 mode centres of the Gaussian mixture, (8, 2), for counting which modes a generator covers. */
    public static float[] gaussianModes() {
        float[] c = new float[16];
        for (int k = 0; k < 8; k++) {
            double a = 2 * descent.tensor.DetMath.PI * k / 8;
            c[2 * k] = (float) (SCALE * 0.7 * descent.tensor.DetMath.cos(a));
            c[2 * k + 1] = (float) (SCALE * 0.7 * descent.tensor.DetMath.sin(a));
        }
        return c;
    }

    /**
     * Drawn points as text for the URL: "x,y;x,y;..." with two decimals. Parsing is strict and forgiving at once: bad
     * pairs are skipped, coordinates are clamped to the plot, at most MAX_DRAWN points are kept.
     */
    public static String format(float[] pts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < pts.length; i += 2) {
            if (sb.length() > 0) sb.append(';');
            sb.append(twoDecimals(pts[i])).append(',').append(twoDecimals(pts[i + 1]));
        }
        return sb.toString();
    }

    public static float[] parse(String text) {
        if (text == null || text.isEmpty()) return new float[0];
        String[] pairs = text.split(";");
        float[] out = new float[2 * Math.min(pairs.length, MAX_DRAWN)];
        int m = 0;
        for (String p : pairs) {
            if (m >= MAX_DRAWN) break;
            int comma = p.indexOf(',');
            if (comma < 0) continue;
            double x = number(p.substring(0, comma)), y = number(p.substring(comma + 1));
            if (Double.isNaN(x) || Double.isNaN(y)) continue;
            out[2 * m] = (float) clamp(x);
            out[2 * m + 1] = (float) clamp(y);
            m++;
        }
        return java.util.Arrays.copyOf(out, 2 * m);
    }

    /** The square the drawn points live in (and the 2-D plots show). */
    public static final double EXTENT = 3;

    private static double clamp(double v) {
        return Math.max(-EXTENT, Math.min(EXTENT, v));
    }

    private static double number(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 12 || !t.matches("-?\\d+(\\.\\d+)?|-?\\.\\d+")) return Double.NaN;
        return Double.parseDouble(t);
    }

    static String twoDecimals(double v) {
        long r = Math.round(v * 100);
        String sign = r < 0 ? "-" : "";
        r = Math.abs(r);
        String frac = Long.toString(r % 100);
        return sign + (r / 100) + (r % 100 == 0 ? "" : "." + (frac.length() == 1 ? "0" + frac : frac).replaceAll("0$", ""));
    }
}
