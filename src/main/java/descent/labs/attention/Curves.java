package descent.labs.attention;

/**
 * A bounded history of one or more series sharing an x axis (update number). When it fills up, neighbouring points
 * are averaged in pairs, so a grokking run of 20 000 updates keeps its shape in a few thousand points and the
 * chart's cost stays flat.
 */
public final class Curves {
    public static final int CAPACITY = 2048;
    private final String[] names;
    private final float[] x;
    private final float[][] y;
    private int n;

    public Curves(String... names) {
        this.names = names;
        x = new float[CAPACITY];
        y = new float[names.length][CAPACITY];
    }

    public void add(float at, float... values) {
        if (n == CAPACITY) halve();
        x[n] = at;
        for (int s = 0; s < y.length; s++) y[s][n] = values[s];
        n++;
    }

    private void halve() {
        int m = n / 2;
        for (int i = 0; i < m; i++) {
            x[i] = x[2 * i + 1];
            for (float[] s : y) s[i] = (s[2 * i] + s[2 * i + 1]) / 2;
        }
        n = m;
    }

    public int size() {
        return n;
    }

    public String name(int series) {
        return names[series];
    }

    public int series() {
        return names.length;
    }

    /** A copy of the x values (update numbers). */
    public double[] xs() {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = x[i];
        return out;
    }

    /** A copy of one series. */
    public double[] ys(int series) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = y[series][i];
        return out;
    }

    /** The latest value of a series, or NaN when empty. */
    public float last(int series) {
        return n == 0 ? Float.NaN : y[series][n - 1];
    }

    public float lastX() {
        return n == 0 ? Float.NaN : x[n - 1];
    }

    public void clear() {
        n = 0;
    }
}
