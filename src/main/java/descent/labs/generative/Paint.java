package descent.labs.generative;

/**
 * Colours the lab computes itself (pure Java, so they can be tested): the faint density of the training data that
 * sits under every 2-D plot as a target to compare samples with, and the colours particles and arrows use.
 */
final class Paint {
    private Paint() {}

    /** Particles, their trails, the network's guesses, the field arrows, real data (as #rrggbb or rgba). */
    static final String PARTICLE = "#d9612f";
    static final int PARTICLE_RGB = 0xd9612f;
    static final String TRAIL = "rgba(217, 97, 47, 0.4)";
    static final int ESTIMATE_RGB = 0x23867a;
    static final String FIELD = "rgba(29, 53, 87, 0.75)";
    static final String FIELD_DARK = "rgba(190, 210, 240, 0.8)";
    static final int REAL_RGB = 0x1d6fb8;
    static final String LINE = "rgba(29, 111, 184, 0.55)";
    static final String CURVE = "rgba(217, 97, 47, 0.8)";

    /**
     * A histogram of points (N, 2) over [-e, e]² on a cells × cells grid, blurred twice with a 3 × 3 box, as tints of
     * teal over the panel colour (packed 0xAABBGGRR, row 0 at the top): where the data is dense the plot is greener.
     */
    static int[] density(float[] pts, int cells, double e, boolean dark) {
        float[] h = new float[cells * cells];
        for (int i = 0; i + 1 < pts.length; i += 2) {
            int c = (int) Math.floor((pts[i] + e) / (2 * e) * cells);
            int r = (int) Math.floor((e - pts[i + 1]) / (2 * e) * cells);
            if (c >= 0 && r >= 0 && c < cells && r < cells) h[r * cells + c]++;
        }
        h = blur(blur(h, cells), cells);
        float max = 0;
        for (float v : h) max = Math.max(max, v);
        int[] base = dark ? new int[] {23, 30, 45} : new int[] {255, 255, 255};
        int[] tint = dark ? new int[] {79, 195, 179} : new int[] {35, 134, 122};
        double strength = dark ? 0.42 : 0.30;
        int[] out = new int[cells * cells];
        for (int i = 0; i < out.length; i++) {
            double t = max == 0 ? 0 : strength * Math.sqrt(h[i] / max);
            int r = (int) Math.round(base[0] + t * (tint[0] - base[0]));
            int g = (int) Math.round(base[1] + t * (tint[1] - base[1]));
            int b = (int) Math.round(base[2] + t * (tint[2] - base[2]));
            out[i] = 0xff000000 | b << 16 | g << 8 | r;
        }
        return out;
    }

    private static float[] blur(float[] h, int n) {
        float[] o = new float[h.length];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                float s = 0;
                int k = 0;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        int rr = r + dr, cc = c + dc;
                        if (rr >= 0 && cc >= 0 && rr < n && cc < n) {
                            s += h[rr * n + cc];
                            k++;
                        }
                    }
                }
                o[r * n + c] = s / k;
            }
        }
        return o;
    }

    /** Points of a g × g grid over [-e, e]² (cell centres), as (g², 2). */
    static float[] grid(int g, double e) {
        float[] p = new float[2 * g * g];
        for (int r = 0; r < g; r++) {
            for (int c = 0; c < g; c++) {
                int i = r * g + c;
                p[2 * i] = (float) (-e + 2 * e * (c + 0.5) / g);
                p[2 * i + 1] = (float) (e - 2 * e * (r + 0.5) / g);
            }
        }
        return p;
    }

    /**
     * A robust scale for arrows: the 90th percentile of the vectors' lengths, so one huge vector near a mode does not
     * shrink all the others to dots.
     */
    static double typicalLength(float[] v) {
        int n = v.length / 2;
        double[] len = new double[n];
        for (int i = 0; i < n; i++) len[i] = Math.hypot(v[2 * i], v[2 * i + 1]);
        java.util.Arrays.sort(len);
        return n == 0 ? 1 : Math.max(1e-9, len[Math.min(n - 1, (int) (0.9 * n))]);
    }
}
