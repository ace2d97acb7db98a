package descent.data;

import descent.tensor.DetMath;
import descent.tensor.Rng;

/**
 * Small labelled grayscale images drawn procedurally (values in [0, 1], white on black, rows (N, S*S) for S = 16 or
 * 28): geometric shapes, and digits 0-9 drawn as pen strokes through a random affine map (rotation, scale, shear,
 * shift) with random stroke width and pixel noise. Deterministic per seed on every platform.
 */
public final class TinyImages {
    private TinyImages() {}

    public static final String[] SHAPES = {"circle", "square", "triangle", "cross", "ring"};

    /** Pen strokes of each digit in a unit box (x right, y down); a stroke is x0, y0, x1, y1, ... */
    private static final double[][][] DIGITS = {
        {ellipse(0.5, 0.5, 0.24, 0.38, 16)},
        {{0.35, 0.25, 0.52, 0.1, 0.52, 0.9}},
        {{0.25, 0.3, 0.35, 0.14, 0.5, 0.1, 0.66, 0.15, 0.74, 0.3, 0.68, 0.46, 0.25, 0.9, 0.77, 0.9}},
        {{0.25, 0.14, 0.72, 0.14, 0.46, 0.44, 0.68, 0.56, 0.72, 0.76, 0.54, 0.9, 0.26, 0.86}},
        {{0.64, 0.9, 0.64, 0.1, 0.2, 0.64, 0.8, 0.64}},
        {{0.74, 0.1, 0.32, 0.1, 0.28, 0.46, 0.56, 0.42, 0.72, 0.56, 0.72, 0.78, 0.52, 0.9, 0.26, 0.85}},
        {{0.7, 0.12, 0.46, 0.2, 0.31, 0.44, 0.28, 0.7, 0.4, 0.9, 0.6, 0.9, 0.72, 0.72, 0.62, 0.52, 0.42, 0.52,
          0.3, 0.66}},
        {{0.24, 0.1, 0.76, 0.1, 0.44, 0.9}},
        {ellipse(0.5, 0.3, 0.18, 0.19, 12), ellipse(0.5, 0.69, 0.22, 0.21, 12)},
        {ellipse(0.48, 0.32, 0.2, 0.2, 12), {0.68, 0.32, 0.6, 0.9}},
    };

    private static double[] ellipse(double cx, double cy, double rx, double ry, int segments) {
        double[] p = new double[2 * (segments + 1)];
        for (int i = 0; i <= segments; i++) {
            double a = 2 * DetMath.PI * i / segments;
            p[2 * i] = cx + rx * DetMath.cos(a);
            p[2 * i + 1] = cy + ry * DetMath.sin(a);
        }
        return p;
    }

    /** Stroke-drawn digits with labels 0-9 (balanced). */
    public static Dataset digits(int n, int size, double noise, long seed) {
        checkSize(size);
        Rng rng = new Rng(seed);
        float[] x = new float[n * size * size];
        int[] y = new int[n];
        double[] m = new double[6];
        for (int i = 0; i < n; i++) {
            int label = i % 10;
            y[i] = label;
            randomAffine(rng, m, 15, 0.8, 1.1, 0.2, 0.1);
            double width = rng.uniform(0.07, 0.13);
            drawStrokes(DIGITS[label], m, width, x, i * size * size, size);
            addNoise(rng, noise, x, i * size * size, size * size);
        }
        return Dataset.classification("digits " + size + "x" + size, x, size * size, y, 10);
    }

    /** Shapes (see {@link #SHAPES}) of random size, position and rotation, outlined or filled by chance. */
    public static Dataset shapes(int n, int size, double noise, long seed) {
        checkSize(size);
        Rng rng = new Rng(seed);
        float[] x = new float[n * size * size];
        int[] y = new int[n];
        double[] m = new double[6];
        int k = SHAPES.length;
        for (int i = 0; i < n; i++) {
            int label = i % k;
            y[i] = label;
            randomAffine(rng, m, label == 0 || label == 4 ? 0 : 45, 0.7, 1.05, 0, 0.12);
            double width = rng.uniform(0.08, 0.14);
            drawStrokes(shape(label), m, width, x, i * size * size, size);
            addNoise(rng, noise, x, i * size * size, size * size);
        }
        return Dataset.classification("shapes " + size + "x" + size, x, size * size, y, k);
    }

    private static double[][] shape(int label) {
        switch (label) {
            case 0: { // a filled disk: concentric strokes
                return new double[][] {ellipse(0.5, 0.5, 0.3, 0.3, 20), ellipse(0.5, 0.5, 0.2, 0.2, 16),
                    ellipse(0.5, 0.5, 0.1, 0.1, 10), {0.5, 0.5, 0.5, 0.5}};
            }
            case 1: return new double[][] {{0.2, 0.2, 0.8, 0.2, 0.8, 0.8, 0.2, 0.8, 0.2, 0.2}};
            case 2: return new double[][] {{0.5, 0.15, 0.85, 0.8, 0.15, 0.8, 0.5, 0.15}};
            case 3: return new double[][] {{0.5, 0.15, 0.5, 0.85}, {0.15, 0.5, 0.85, 0.5}};
            default: return new double[][] {ellipse(0.5, 0.5, 0.32, 0.32, 20)};
        }
    }

    private static void checkSize(int size) {
        if (size != 16 && size != 28) throw new IllegalArgumentException("image size must be 16 or 28, got " + size);
    }

    /** m maps unit-box points (u, v) to (m0 u + m1 v + m2, m3 u + m4 v + m5), all around the box centre. */
    private static void randomAffine(Rng rng, double[] m, double maxDegrees, double sLo, double sHi, double shear,
                                     double shift) {
        double a = rng.uniform(-maxDegrees, maxDegrees) * DetMath.PI / 180;
        double s = rng.uniform(sLo, sHi), h = rng.uniform(-shear, shear);
        double c = DetMath.cos(a), sn = DetMath.sin(a);
        // rotation * scale * shear(x += h y)
        m[0] = s * c;
        m[1] = s * (c * h - sn);
        m[3] = s * sn;
        m[4] = s * (sn * h + c);
        double tx = rng.uniform(-shift, shift), ty = rng.uniform(-shift, shift);
        m[2] = 0.5 + tx - (m[0] + m[1]) * 0.5;
        m[5] = 0.5 + ty - (m[3] + m[4]) * 0.5;
    }

    /** Anti-aliased pen: a pixel's ink is how far it lies inside the stroke's half-width, clamped to [0, 1]. */
    private static void drawStrokes(double[][] strokes, double[] m, double width, float[] img, int off, int size) {
        double half = width * size / 2;
        for (double[] s : strokes) {
            for (int i = 0; i + 3 < s.length; i += 2) {
                double ax = (m[0] * s[i] + m[1] * s[i + 1] + m[2]) * size;
                double ay = (m[3] * s[i] + m[4] * s[i + 1] + m[5]) * size;
                double bx = (m[0] * s[i + 2] + m[1] * s[i + 3] + m[2]) * size;
                double by = (m[3] * s[i + 2] + m[4] * s[i + 3] + m[5]) * size;
                int x0 = Math.max(0, (int) (Math.min(ax, bx) - half - 1)), x1 = Math.min(size - 1, (int) (Math.max(ax, bx) + half + 1));
                int y0 = Math.max(0, (int) (Math.min(ay, by) - half - 1)), y1 = Math.min(size - 1, (int) (Math.max(ay, by) + half + 1));
                for (int py = y0; py <= y1; py++) {
                    for (int px = x0; px <= x1; px++) {
                        double d = segmentDistance(px + 0.5, py + 0.5, ax, ay, bx, by);
                        double ink = Math.min(1, Math.max(0, half - d + 0.5));
                        int p = off + py * size + px;
                        if (ink > img[p]) img[p] = (float) ink;
                    }
                }
            }
        }
    }

    private static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        double ex = ax + t * dx - px, ey = ay + t * dy - py;
        return Math.sqrt(ex * ex + ey * ey);
    }

    private static void addNoise(Rng rng, double noise, float[] img, int off, int n) {
        if (noise <= 0) return;
        for (int i = off; i < off + n; i++) img[i] = (float) Math.min(1, Math.max(0, img[i] + noise * rng.normal()));
    }

    /** A plain-text picture of one image ('#' ink, '+' some, '.' none), for tests and debugging. */
    public static String ascii(Dataset d, int row) {
        int size = (int) Math.round(Math.sqrt(d.d));
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float v = d.x[row * d.d + y * size + x];
                sb.append(v > 0.6 ? '#' : v > 0.2 ? '+' : '.');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
