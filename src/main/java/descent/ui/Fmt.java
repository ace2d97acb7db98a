package descent.ui;

/** Number formatting for people: readable, short, and identical on the JVM and in Wasm (no String.format). */
public final class Fmt {
    private Fmt() {
    }

    /** Rounds to {@code digits} significant digits. */
    public static double roundSig(double v, int digits) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        double p = Math.pow(10, digits - 1 - Math.floor(Math.log10(Math.abs(v))));
        return Math.round(v * p) / p;
    }

    /** {@code v} with {@code digits} significant digits, without exponent between 1e-4 and 1e6. */
    public static String sig(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "\u2212\u221e";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-4) {
            int e = (int) Math.floor(Math.log10(a));
            double m = roundSig(v / Math.pow(10, e), digits);
            if (Math.abs(m) >= 10) {
                m /= 10;
                e++;
            }
            return trim(fixed(m, digits - 1)) + "e" + e;
        }
        int decimals = Math.max(0, digits - 1 - (int) Math.floor(Math.log10(a)));
        return fixed(roundSig(v, digits), decimals);
    }

    /** {@code v} with exactly {@code decimals} digits after the point. */
    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return sig(v, 3);
        }
        double p = Math.pow(10, decimals);
        long scaled = Math.round(Math.abs(v) * p);
        String digits = Long.toString(scaled);
        String sign = v < 0 && scaled != 0 ? "\u2212" : "";
        if (decimals == 0) {
            return sign + digits;
        }
        while (digits.length() <= decimals) {
            digits = "0" + digits;
        }
        int cut = digits.length() - decimals;
        return sign + digits.substring(0, cut) + "." + digits.substring(cut);
    }

    /** Plain ASCII minus, for CSV and URLs. */
    public static String ascii(String s) {
        return s.replace('\u2212', '-');
    }

    /** 12.3k, 4.5M: for rates and counts in badges. */
    public static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return sig(v / 1e9, 3) + "G";
        }
        if (a >= 1e6) {
            return sig(v / 1e6, 3) + "M";
        }
        if (a >= 1e4) {
            return sig(v / 1e3, 3) + "k";
        }
        return a >= 100 ? fixed(v, 0) : sig(v, 3);
    }

    private static String trim(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
