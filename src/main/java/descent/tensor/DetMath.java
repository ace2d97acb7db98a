package descent.tensor;

/**
 * exp, log, sin and cos that give the same bits on the JVM and in WebAssembly.
 *
 * <p>{@code Math.exp} and friends may differ in the last bit between the JVM and the browser's JavaScript Math, so a
 * seeded dataset drawn with them would differ between a unit test and the page. These use only + - * / on doubles and
 * bit manipulation, which IEEE 754 rounds identically everywhere (Java 17 double arithmetic is strict, wasm's f64 is
 * IEEE, neither contracts to fused multiply-add). Accuracy is a few ulp, far more than a dataset needs; the tests
 * compare against {@code Math} to 1e-14 relative.
 */
public final class DetMath {
    private DetMath() {}

    public static final double PI = 3.141592653589793;
    private static final double LN2 = 0.6931471805599453;
    // ln 2 split so k * LN2_HI is exact for |k| < 2^20 (Cody and Waite 1980)
    private static final double LN2_HI = 0.693147180369123816490;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double INV_LN2 = 1.4426950408889634;
    // pi / 2 split the same way
    private static final double PIO2_HI = 1.57079632673412561417;
    private static final double PIO2_LO = 6.07710050650619224932e-11;
    private static final double TWO_OVER_PI = 0.6366197723675814;
    private static final double SQRT2 = 1.4142135623730951;

    /** Natural logarithm; x must be positive and finite (NaN otherwise, -inf at 0). */
    public static double log(double x) {
        if (!(x > 0)) return x == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
        if (x == Double.POSITIVE_INFINITY) return x;
        int scale = 0;
        if (x < Double.MIN_NORMAL) {
            x *= 18014398509481984.0; // 2^54: bring subnormals into the normal range
            scale = -54;
        }
        long bits = Double.doubleToRawLongBits(x);
        int e = (int) ((bits >>> 52) & 0x7ff) - 1023 + scale;
        double m = Double.longBitsToDouble((bits & 0x000fffffffffffffL) | 0x3ff0000000000000L); // in [1, 2)
        if (m > SQRT2) {
            m *= 0.5;
            e++;
        }
        // log m = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.172: the odd series converges by 0.03 per term
        double s = (m - 1) / (m + 1), s2 = s * s, term = s, sum = 0;
        for (int k = 1; k <= 27; k += 2) {
            sum += term / k;
            term *= s2;
        }
        return e * LN2_HI + (2 * sum + e * LN2_LO);
    }

    /** e^x; overflows to +inf above ~709.78 and underflows to 0 below ~-745. */
    public static double exp(double x) {
        if (x != x) return x;
        if (x > 709.78) return Double.POSITIVE_INFINITY;
        if (x < -745.2) return 0;
        double k = Math.floor(x * INV_LN2 + 0.5);
        double r = (x - k * LN2_HI) - k * LN2_LO; // |r| <= ln2 / 2
        // Taylor series to r^14 / 14!: below 1e-17 for |r| <= 0.35
        double term = 1, sum = 1;
        for (int i = 1; i <= 14; i++) {
            term *= r / i;
            sum += term;
        }
        return scalb(sum, (int) k);
    }

    /** x * 2^n by exponent arithmetic, in two halves so intermediate powers stay normal. */
    private static double scalb(double x, int n) {
        int half = n / 2;
        return x * pow2(half) * pow2(n - half);
    }

    private static double pow2(int n) {
        return Double.longBitsToDouble((long) (n + 1023) << 52);
    }

    public static double sin(double x) {
        return trig(x, 0);
    }

    public static double cos(double x) {
        return trig(x, 1);
    }

    /** Reduces by pi/2 and picks sin or cos of the remainder; accurate for |x| below about 1e6. */
    private static double trig(double x, int shift) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return Double.NaN;
        double q = Math.floor(x * TWO_OVER_PI + 0.5);
        double r = (x - q * PIO2_HI) - q * PIO2_LO; // |r| <= pi / 4
        int quadrant = (int) (((long) q + shift) & 3);
        double r2 = r * r;
        switch (quadrant) {
            case 0: return sinPoly(r, r2);
            case 1: return cosPoly(r2);
            case 2: return -sinPoly(r, r2);
            default: return -cosPoly(r2);
        }
    }

    /** Taylor series of sin on [-pi/4, pi/4] to r^19: truncation below 1e-19. */
    private static double sinPoly(double r, double r2) {
        double term = r, sum = r;
        for (int i = 2; i <= 18; i += 2) {
            term *= -r2 / (i * (i + 1));
            sum += term;
        }
        return sum;
    }

    private static double cosPoly(double r2) {
        double term = 1, sum = 1;
        for (int i = 1; i <= 17; i += 2) {
            term *= -r2 / (i * (i + 1));
            sum += term;
        }
        return sum;
    }

    /** tanh from exp, for generators that need a squashing curve. */
    public static double tanh(double x) {
        if (x > 20) return 1;
        if (x < -20) return -1;
        double e = exp(2 * x);
        return (e - 1) / (e + 1);
    }
}
