package descent.labs.playground;

/**
 * Drawn and imported points packed into the URL, so a link or an embed reproduces them: a kind letter ('c' for
 * classes, 'r' for real targets) then six URL-safe base-64 characters per point, 12 bits each for x, y and the
 * label. Coordinates are quantised to steps of 3/4095 over [-1.5, 1.5] (about the width of a pixel of the plot);
 * regression targets to steps of 4/4095 over [-2, 2]. Points are quantised when they enter the lab, so what a
 * link restores is bit for bit what was trained on.
 */
public final class PointCodec {
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    static final double COORD = 1.5, TARGET = 2;
    private static final int STEPS = 4095;

    /** The points of a custom dataset: xy interleaved, and labels or targets. */
    public record Points(float[] xy, int[] labels, float[] targets) {
        public int size() {
            return xy.length / 2;
        }

        public boolean regression() {
            return targets != null;
        }
    }

    private PointCodec() {
    }

    public static int maxChars(int points) {
        return 1 + 6 * points;
    }

    public static float quantizeCoord(double v) {
        return (float) unq(q(v, COORD), COORD);
    }

    public static float quantizeTarget(double v) {
        return (float) unq(q(v, TARGET), TARGET);
    }

    private static int q(double v, double range) {
        double t = (Math.max(-range, Math.min(range, v)) + range) / (2 * range);
        return (int) Math.round(t * STEPS);
    }

    private static double unq(int k, double range) {
        return k * (2 * range) / STEPS - range;
    }

    public static String encode(Points p) {
        StringBuilder sb = new StringBuilder(maxChars(p.size()));
        sb.append(p.regression() ? 'r' : 'c');
        for (int i = 0; i < p.size(); i++) {
            int x = q(p.xy()[2 * i], COORD), y = q(p.xy()[2 * i + 1], COORD);
            int l = p.regression() ? q(p.targets()[i], TARGET) : Math.max(0, Math.min(STEPS, p.labels()[i]));
            put(sb, x);
            put(sb, y);
            put(sb, l);
        }
        return sb.toString();
    }

    private static void put(StringBuilder sb, int v) {
        sb.append(ALPHABET.charAt(v >> 6 & 63)).append(ALPHABET.charAt(v & 63));
    }

    /** The points in {@code s}, or null if it is not a valid packing (the caller says so and keeps its data). */
    public static Points decode(String s) {
        if (s == null || s.isEmpty() || (s.charAt(0) != 'c' && s.charAt(0) != 'r') || (s.length() - 1) % 6 != 0) {
            return null;
        }
        boolean regression = s.charAt(0) == 'r';
        int n = (s.length() - 1) / 6;
        float[] xy = new float[2 * n];
        int[] labels = regression ? null : new int[n];
        float[] targets = regression ? new float[n] : null;
        for (int i = 0; i < n; i++) {
            int[] v = new int[3];
            for (int k = 0; k < 3; k++) {
                int hi = ALPHABET.indexOf(s.charAt(1 + 6 * i + 2 * k)), lo = ALPHABET.indexOf(s.charAt(2 + 6 * i
                        + 2 * k));
                if (hi < 0 || lo < 0) {
                    return null;
                }
                v[k] = hi << 6 | lo;
            }
            xy[2 * i] = (float) unq(v[0], COORD);
            xy[2 * i + 1] = (float) unq(v[1], COORD);
            if (regression) {
                targets[i] = (float) unq(v[2], TARGET);
            } else {
                if (v[2] >= 6) {
                    return null;
                }
                labels[i] = v[2];
            }
        }
        return new Points(xy, labels, targets);
    }
}
