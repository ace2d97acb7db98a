package descent.labs.landscape;

/** The few vector operations the landscape needs on flat parameter vectors, accumulated in double. */
final class Vec {
    private Vec() {
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }

    static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** a - b. */
    static float[] sub(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] - b[i];
        return out;
    }

    /** y += c x. */
    static void axpy(double c, float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) y[i] = (float) (y[i] + c * x[i]);
    }

    static void scale(float[] x, double c) {
        for (int i = 0; i < x.length; i++) x[i] = (float) (x[i] * c);
    }

    /**
     * The point of the plane theta = center + a d1 + b d2, written into out. The same float expression, in the same
     * order, as every evaluator uses, so that a = b = 0 gives back center bit for bit.
     */
    static void point(float[] center, float[] d1, float[] d2, float a, float b, float[] out) {
        for (int i = 0; i < out.length; i++) out[i] = center[i] + a * d1[i] + b * d2[i];
    }
}
