package descent.data;

import descent.tensor.DetMath;
import descent.tensor.Rng;

/**
 * Seeded 2-D datasets for classification, regression and density estimation, in the square [-1, 1]^2 (noise may
 * push points a little outside). Drawn with {@link Rng} and {@link DetMath} only, so a seed gives the same points on
 * the JVM and in the browser. Classes are balanced: point i belongs to class i mod K.
 */
public final class Points2D {
    private Points2D() {}

    public enum Kind { CIRCLES, XOR, GAUSSIANS, SPIRAL, MOONS, CHECKERBOARD, RINGS }

    private static final double TAU = 2 * DetMath.PI;

    /** n points of the given kind; {@code classes} applies to gaussians, spiral, checkerboard and rings. */
    public static Dataset classification(Kind kind, int n, int classes, double noise, long seed) {
        if (n < 1 || n > 100_000) throw new IllegalArgumentException("n must be in [1, 100000]");
        int k = kind == Kind.CIRCLES || kind == Kind.XOR || kind == Kind.MOONS ? 2 : classes;
        if (k < 2 || k > 10) throw new IllegalArgumentException("classes must be in [2, 10]");
        Rng rng = new Rng(seed);
        float[] x = new float[2 * n];
        int[] y = new int[n];
        double[] p = new double[2];
        for (int i = 0; i < n; i++) {
            int c = i % k;
            point(kind, c, k, rng, p);
            x[2 * i] = (float) (p[0] + noise * rng.normal());
            x[2 * i + 1] = (float) (p[1] + noise * rng.normal());
            y[i] = c;
        }
        return Dataset.classification(kind.name().toLowerCase(), x, 2, y, k);
    }

    /** A noise-free point of class c. */
    private static void point(Kind kind, int c, int k, Rng rng, double[] p) {
        switch (kind) {
            case CIRCLES: {
                // inner disk against an outer annulus, with a gap between them
                double r = c == 0 ? 0.45 * Math.sqrt(rng.nextDouble()) : 0.7 + 0.25 * rng.nextDouble();
                polar(r, TAU * rng.nextDouble(), p);
                return;
            }
            case XOR: {
                // uniform in the square, kept 0.05 away from the axes as in TensorFlow Playground
                double u = rng.uniform(0.05, 1), v = rng.uniform(0.05, 1);
                boolean sameSign = c == 0;
                double sx = rng.nextDouble() < 0.5 ? -1 : 1;
                p[0] = sx * u;
                p[1] = (sameSign ? sx : -sx) * v;
                return;
            }
            case GAUSSIANS: {
                double angle = TAU * c / k;
                p[0] = 0.6 * DetMath.cos(angle) + 0.15 * rng.normal();
                p[1] = 0.6 * DetMath.sin(angle) + 0.15 * rng.normal();
                return;
            }
            case SPIRAL: {
                // arm c: radius grows with t while the angle turns 1.75 times, arms offset by 2 pi / k
                double t = rng.nextDouble();
                double r = 0.05 + 0.9 * t;
                polar(r, TAU * c / k + 1.75 * TAU * t, p);
                return;
            }
            case MOONS: {
                double a = DetMath.PI * rng.nextDouble();
                if (c == 0) {
                    p[0] = 0.6 * DetMath.cos(a) - 0.3;
                    p[1] = 0.6 * DetMath.sin(a) - 0.15;
                } else {
                    p[0] = 0.3 - 0.6 * DetMath.cos(a);
                    p[1] = 0.15 - 0.6 * DetMath.sin(a);
                }
                return;
            }
            case CHECKERBOARD: {
                // a 4 x 4 board: draw cells until one of colour c (cells coloured (row + col) mod k)
                while (true) {
                    int cx = rng.nextInt(4), cy = rng.nextInt(4);
                    if ((cx + cy) % k != c) continue;
                    p[0] = -1 + 0.5 * (cx + rng.nextDouble());
                    p[1] = -1 + 0.5 * (cy + rng.nextDouble());
                    return;
                }
            }
            case RINGS: {
                // k concentric rings of width 0.6 / k with gaps between them
                double w = 1.0 / k;
                double r = w * (c + 0.2 + 0.6 * rng.nextDouble());
                polar(r, TAU * rng.nextDouble(), p);
                return;
            }
            default: throw new IllegalArgumentException(kind.name());
        }
    }

    private static void polar(double r, double angle, double[] p) {
        p[0] = r * DetMath.cos(angle);
        p[1] = r * DetMath.sin(angle);
    }

    public enum Surface { PLANE, SINE, MULTI_GAUSSIAN }

    /**
     * Uniform inputs in the square with y = 0.6 x1 - 0.4 x2 (plane), sin(pi x1) cos(pi x2 / 2) (sine), or six
     * Gaussian bumps of alternating sign on a 3 x 2 grid (multi-Gaussian, as in TensorFlow Playground), plus noise.
     */
    public static Dataset regression(Surface s, int n, double noise, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[2 * n], t = new float[n];
        for (int i = 0; i < n; i++) {
            double a = rng.uniform(-1, 1), b = rng.uniform(-1, 1);
            double v = s == Surface.PLANE ? 0.6 * a - 0.4 * b
                    : s == Surface.SINE ? DetMath.sin(DetMath.PI * a) * DetMath.cos(DetMath.PI * b / 2)
                    : bumps(a, b);
            x[2 * i] = (float) a;
            x[2 * i + 1] = (float) b;
            t[i] = (float) (v + noise * rng.normal());
        }
        return Dataset.regression(s.name().toLowerCase(), x, 2, t, 1);
    }

    /** Sum of six bumps of width 0.25 at x in {-0.65, 0, 0.65}, y in {-0.45, 0.45}, signs as on a checkerboard. */
    static double bumps(double a, double b) {
        double v = 0;
        for (int i = 0; i < 6; i++) {
            double cx = -0.65 + 0.65 * (i % 3), cy = i < 3 ? 0.45 : -0.45;
            double sign = (i % 3 + i / 3) % 2 == 0 ? 1 : -1;
            double d2 = (a - cx) * (a - cx) + (b - cy) * (b - cy);
            v += sign * DetMath.exp(-d2 / (2 * 0.25 * 0.25));
        }
        return v;
    }

    public enum Density { SWISS_ROLL, GAUSSIAN_MIXTURE, MOONS, CHECKERBOARD }

    /** Samples from a 2-D density, the targets of the generative-models lab. */
    public static Dataset density(Density kind, int n, double noise, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[2 * n];
        double[] p = new double[2];
        for (int i = 0; i < n; i++) {
            switch (kind) {
                case SWISS_ROLL: {
                    double t = 1.5 * DetMath.PI * (1 + 2 * rng.nextDouble());
                    p[0] = t * DetMath.cos(t) / 15;
                    p[1] = t * DetMath.sin(t) / 15;
                    break;
                }
                case GAUSSIAN_MIXTURE: {
                    double a = TAU * rng.nextInt(8) / 8;
                    p[0] = 0.7 * DetMath.cos(a) + 0.08 * rng.normal();
                    p[1] = 0.7 * DetMath.sin(a) + 0.08 * rng.normal();
                    break;
                }
                case MOONS: point(Kind.MOONS, rng.nextInt(2), 2, rng, p); break;
                default: point(Kind.CHECKERBOARD, 0, 2, rng, p); break;
            }
            x[2 * i] = (float) (p[0] + noise * rng.normal());
            x[2 * i + 1] = (float) (p[1] + noise * rng.normal());
        }
        return Dataset.samples(kind.name().toLowerCase(), x, 2);
    }
}
