package descent.labs.playground;

/**
 * The input features TensorFlow Playground offers, computed from a point (x₁, x₂) of the plane. A network sees only
 * the enabled ones, in this order; {@link #jacobian} lets the lab carry a gradient back to the plane itself.
 */
public enum Features {
    X1("x1", "x\u2081"), X2("x2", "x\u2082"), X1_SQ("x1sq", "x\u2081\u00b2"), X2_SQ("x2sq", "x\u2082\u00b2"),
    X1_X2("x1x2", "x\u2081x\u2082"), SIN_X1("sin1", "sin x\u2081"), SIN_X2("sin2", "sin x\u2082");

    /** The knob (and URL) name. */
    public final String knob;
    /** How the course writes it. */
    public final String label;

    Features(String knob, String label) {
        this.knob = knob;
        this.label = label;
    }

    /**
     * The value of this feature at (a, b). Our plane is TensorFlow Playground's [-6, 6] square scaled by 1/6, so the
     * sine features use sin 6x to show the same bands it does.
     */
    public double value(double a, double b) {
        switch (this) {
            case X1: return a;
            case X2: return b;
            case X1_SQ: return a * a;
            case X2_SQ: return b * b;
            case X1_X2: return a * b;
            case SIN_X1: return Math.sin(SIN_SCALE * a);
            default: return Math.sin(SIN_SCALE * b);
        }
    }

    /** d value / d a and d value / d b at (a, b). */
    public double[] jacobian(double a, double b) {
        switch (this) {
            case X1: return new double[] {1, 0};
            case X2: return new double[] {0, 1};
            case X1_SQ: return new double[] {2 * a, 0};
            case X2_SQ: return new double[] {0, 2 * b};
            case X1_X2: return new double[] {b, a};
            case SIN_X1: return new double[] {SIN_SCALE * Math.cos(SIN_SCALE * a), 0};
            default: return new double[] {0, SIN_SCALE * Math.cos(SIN_SCALE * b)};
        }
    }

    /** The angular frequency of the sine features over the [-1, 1] square. */
    public static final double SIN_SCALE = 6;

    /** Fills {@code out[row * d ...]} with the enabled features of point (a, b); d = enabled.length. */
    public static void compute(Features[] enabled, double a, double b, float[] out, int row) {
        int d = enabled.length;
        for (int j = 0; j < d; j++) {
            out[row * d + j] = (float) enabled[j].value(a, b);
        }
    }

    /** Features of many points: xy (N, 2) interleaved, to (N, d). */
    public static float[] compute(Features[] enabled, float[] xy, int n) {
        float[] out = new float[n * enabled.length];
        for (int i = 0; i < n; i++) {
            compute(enabled, xy[2 * i], xy[2 * i + 1], out, i);
        }
        return out;
    }
}
