package descent.labs.attention;

/**
 * The token embeddings W_E (V, C) projected on their two principal components, kept between calls: power iteration
 * warm-starts from the previous components (a few iterations suffice while training moves the weights a little),
 * and each component keeps its sign, so the picture moves smoothly instead of flipping.
 */
public final class EmbeddingPca {
    private double[][] components; // 2 x (C)
    /** Share of the embeddings' variance along each of the two components. */
    public final double[] explained = new double[2];

    /** Coordinates (V, 2) of the rows of {@code e} (V, C). */
    public float[] project(float[] e, int v, int c) {
        double[] mean = new double[c];
        for (int i = 0; i < v; i++) for (int k = 0; k < c; k++) mean[k] += e[i * c + k];
        for (int k = 0; k < c; k++) mean[k] /= v;
        double[] cov = new double[c * c]; // (C, C), centred
        double total = 0;
        for (int i = 0; i < v; i++) {
            for (int a = 0; a < c; a++) {
                double xa = e[i * c + a] - mean[a];
                total += xa * xa;
                for (int b = a; b < c; b++) cov[a * c + b] += xa * (e[i * c + b] - mean[b]);
            }
        }
        for (int a = 0; a < c; a++) for (int b = 0; b < a; b++) cov[a * c + b] = cov[b * c + a];
        boolean fresh = components == null || components[0].length != c;
        if (fresh) components = new double[2][c];
        for (int k = 0; k < 2; k++) {
            double[] x = components[k];
            if (fresh) for (int j = 0; j < c; j++) x[j] = 1 + 0.1 * ((j * 7 + k * 3) % 11); // fixed, generic start
            double[] previous = x.clone();
            double lambda = 0;
            for (int it = 0; it < (fresh ? 100 : 12); it++) {
                double[] y = multiply(cov, x, c);
                if (k == 1) deflate(y, components[0]);
                lambda = normalise(y);
                x = y;
            }
            if (!fresh && dot(x, previous) < 0) for (int j = 0; j < c; j++) x[j] = -x[j];
            components[k] = x;
            explained[k] = total > 0 ? lambda / total : 0;
        }
        float[] out = new float[v * 2];
        for (int i = 0; i < v; i++) {
            for (int k = 0; k < 2; k++) {
                double s = 0;
                for (int j = 0; j < c; j++) s += (e[i * c + j] - mean[j]) * components[k][j];
                out[i * 2 + k] = (float) s;
            }
        }
        return out;
    }

    private static double[] multiply(double[] m, double[] x, int c) {
        double[] y = new double[c];
        for (int a = 0; a < c; a++) {
            double s = 0;
            for (int b = 0; b < c; b++) s += m[a * c + b] * x[b];
            y[a] = s;
        }
        return y;
    }

    /** Removes the first component from y, so iteration finds the second. */
    private static void deflate(double[] y, double[] first) {
        double d = dot(y, first);
        for (int j = 0; j < y.length; j++) y[j] -= d * first[j];
    }

    /** Scales x to unit length and returns its former length (the eigenvalue, once converged). */
    private static double normalise(double[] x) {
        double n = Math.sqrt(dot(x, x));
        if (n == 0) return 0;
        for (int j = 0; j < x.length; j++) x[j] /= n;
        return n;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) s += a[j] * b[j];
        return s;
    }
}
