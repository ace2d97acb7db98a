package descent.ui;

/**
 * Round tick values for an axis or a colour bar: steps of 1, 2 or 5 times a power of ten, about {@code target} of
 * them across [lo, hi]. Pure Java.
 *
 * <pre>{@code
 * double[] t = Ticks.nice(-0.83, 1.2, 5);   // {-0.5, 0, 0.5, 1}
 * String s = Ticks.label(t[0], t);           // "−0.5", with as many decimals as the step needs
 * }</pre>
 */
public final class Ticks {
    private Ticks() {
    }

    public static double[] nice(double lo, double hi, int target) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            return Double.isFinite(lo) ? new double[] {lo} : new double[0];
        }
        double step = step(lo, hi, target);
        double first = Math.ceil(lo / step - 1e-9) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] t = new double[Math.max(0, n)];
        for (int i = 0; i < t.length; i++) {
            double v = first + i * step;
            t[i] = Math.abs(v) < step * 1e-9 ? 0 : v;
        }
        return t;
    }

    /** The 1-2-5 step that gives about {@code target} ticks over [lo, hi]. */
    public static double step(double lo, double hi, int target) {
        double raw = (hi - lo) / Math.max(1, target);
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }

    /**
     * Ticks for a colour bar or axis in log10 units: the exponents of 1, 2 and 5 times powers of ten inside [lo, hi],
     * thinned to powers of ten (or every other one) when there would be far more than {@code target}. Label them
     * with {@code Fmt.sig(Math.pow(10, v), 2)}. Spans under one step fall back to {@link #nice}.
     */
    public static double[] log(double lo, double hi, int target) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            return nice(lo, hi, target);
        }
        for (double[] mantissas : new double[][] {{1, 2, 5}, {1}}) {
            for (int every = 1; every <= 8; every *= 2) {
                java.util.List<Double> t = new java.util.ArrayList<>();
                for (long k = (long) Math.floor(lo); k <= (long) Math.ceil(hi); k++) {
                    if (Math.floorMod(k, every) != 0) {
                        continue;
                    }
                    for (double m : mantissas) {
                        double v = k + Math.log10(m);
                        if (v >= lo - 1e-9 && v <= hi + 1e-9) {
                            t.add(v);
                        }
                    }
                }
                if (t.size() >= 2 && t.size() <= target + 1) {
                    double[] out = new double[t.size()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = t.get(i);
                    }
                    return out;
                }
                if (t.size() < 2) {
                    return nice(lo, hi, target);
                }
                if (mantissas.length > 1) {
                    break; // too many with 2 and 5: try powers of ten alone
                }
            }
        }
        return nice(lo, hi, target);
    }

    /** A tick label with just enough decimals to tell neighbouring ticks apart. */
    public static String label(double v, double[] ticks) {
        if (ticks.length < 2) {
            return Fmt.sig(v, 3);
        }
        double step = Math.abs(ticks[1] - ticks[0]);
        double big = Math.max(Math.abs(ticks[0]), Math.abs(ticks[ticks.length - 1]));
        if (big >= 1e5 || step < 1e-3) {
            return Fmt.sig(v, 2);
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return Fmt.fixed(v, decimals);
    }
}
