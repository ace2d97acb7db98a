package descent.ui;

/**
 * Colour maps designed in OKLab (Ottosson 2020), where equal steps look equally different, so a map's lightness can
 * carry the value honestly. Pure Java: usable in tests and in the browser alike.
 *
 * <pre>{@code
 * ColorMap m = ColorMap.DIVERGING;          // or SEQUENTIAL, or ColorMap.classes(k)
 * int abgr = m.abgr(0.73);                  // t in [0, 1], packed for an ImageData Int32Array view
 * String css = m.css(0.73);                 // "#rrggbb" for strokes and fills
 * }</pre>
 *
 * <p>{@link #SEQUENTIAL} climbs in lightness from deep indigo through crimson and amber to pale yellow, never
 * reversing, so it reads in greyscale too. {@link #DIVERGING} is blue, a light neutral centre, orange, with the two
 * arms mirror images in lightness and chroma so neither side of zero looks more important. Both are computed from
 * their OKLCh definitions here and gamut-clipped by lowering chroma, not by clamping channels (which shifts hue).
 */
public final class ColorMap {
    /** Low to high values: loss surfaces, densities, attention weights. */
    public static final ColorMap SEQUENTIAL = sequential();
    /** Signed values around zero: weights, gradients, a network's output (class 0 blue, class 1 orange). */
    public static final ColorMap DIVERGING = diverging(255, 55);
    /** Greys from dark to light, for images. */
    public static final ColorMap GREYS = greys();

    private static final int N = 256;
    private final int[] lut = new int[N];
    private final String[] css = new String[N];

    private ColorMap(double[][] lab) {
        for (int i = 0; i < N; i++) {
            int rgb = labToRgb(lab[i][0], lab[i][1], lab[i][2]);
            lut[i] = 0xff000000 | (rgb & 0xff) << 16 | (rgb & 0xff00) | (rgb >> 16 & 0xff);
            css[i] = hex(rgb);
        }
    }

    /** Colour at t in [0, 1] (clamped; NaN gives the middle) packed as 0xAABBGGRR: little-endian RGBA bytes. */
    public int abgr(double t) {
        return lut[index(t)];
    }

    /** Colour at t in [0, 1] as {@code #rrggbb}. */
    public String css(double t) {
        return css[index(t)];
    }

    /** 0xRRGGBB of the colour at t. */
    public int rgb(double t) {
        int c = lut[index(t)];
        return (c & 0xff) << 16 | (c & 0xff00) | (c >> 16 & 0xff);
    }

    private static int index(double t) {
        if (!(t == t)) {
            return N / 2;
        }
        int i = (int) Math.round(t * (N - 1));
        return i < 0 ? 0 : i >= N ? N - 1 : i;
    }

    // ---- the maps -----------------------------------------------------------------------------------------------

    private static ColorMap sequential() {
        double[][] lab = new double[N][];
        for (int i = 0; i < N; i++) {
            double t = i / (N - 1.0);
            double l = 0.20 + 0.76 * t;
            // chroma rises to its peak in the reds and fades toward the pale end, where sRGB has little room
            double c = 0.075 + 0.11 * Math.sin(Math.PI * Math.min(1, t * 1.15));
            double h = 290 + 165 * t;
            lab[i] = clip(l, c, h);
        }
        return new ColorMap(lab);
    }

    /** Two arms of hues {@code hueLow} and {@code hueHigh} meeting at a light neutral; lightness mirrored. */
    static ColorMap diverging(double hueLow, double hueHigh) {
        double[][] lab = new double[N][];
        for (int i = 0; i < N; i++) {
            double s = Math.abs(i / (N - 1.0) * 2 - 1);
            double l = 0.965 - 0.43 * Math.pow(s, 0.9);
            double c = 0.15 * Math.pow(s, 0.8);
            lab[i] = clip(l, c, i < N / 2 ? hueLow : hueHigh);
        }
        return new ColorMap(lab);
    }

    private static ColorMap greys() {
        double[][] lab = new double[N][];
        for (int i = 0; i < N; i++) {
            lab[i] = new double[] {0.12 + 0.86 * i / (N - 1.0), 0, 0};
        }
        return new ColorMap(lab);
    }

    // ---- class colours ------------------------------------------------------------------------------------------

    /** Hue, lightness of class colours: blue and orange first (they match {@link #DIVERGING}), then four more. */
    private static final double[][] CLASS_LCH = {{0.56, 0.15, 255}, {0.70, 0.16, 55}, {0.62, 0.15, 150},
        {0.56, 0.17, 315}, {0.55, 0.18, 25}, {0.80, 0.15, 95}, {0.66, 0.11, 205}, {0.45, 0.08, 280}};

    /** Number of distinct class colours. */
    public static final int CLASS_COUNT = CLASS_LCH.length;

    /** 0xRRGGBB of class {@code k} (wraps past {@link #CLASS_COUNT}). */
    public static int classRgb(int k) {
        double[] c = CLASS_LCH[Math.floorMod(k, CLASS_COUNT)];
        double[] lab = clip(c[0], c[1], c[2]);
        return labToRgb(lab[0], lab[1], lab[2]);
    }

    public static String classCss(int k) {
        return hex(classRgb(k));
    }

    /** OKLab of class {@code k}, for mixing classes by probability. */
    public static double[] classLab(int k) {
        double[] c = CLASS_LCH[Math.floorMod(k, CLASS_COUNT)];
        return clip(c[0], c[1], c[2]);
    }

    // ---- OKLab ------------------------------------------------------------------------------------------------

    /** OKLCh to OKLab, lowering chroma until the colour fits sRGB. */
    static double[] clip(double l, double c, double hDeg) {
        double h = Math.toRadians(hDeg);
        for (int i = 0; i < 40; i++) {
            double a = c * Math.cos(h), b = c * Math.sin(h);
            if (inGamut(l, a, b)) {
                return new double[] {l, a, b};
            }
            c *= 0.95;
        }
        return new double[] {l, 0, 0};
    }

    private static boolean inGamut(double l, double a, double b) {
        double[] lin = labToLinear(l, a, b);
        for (double v : lin) {
            if (v < -1e-4 || v > 1 + 1e-4) {
                return false;
            }
        }
        return true;
    }

    /** OKLab to linear sRGB (Ottosson's published matrices). */
    static double[] labToLinear(double l, double a, double b) {
        double l1 = l + 0.3963377774 * a + 0.2158037573 * b;
        double m1 = l - 0.1055613458 * a - 0.0638541728 * b;
        double s1 = l - 0.0894841775 * a - 1.2914855480 * b;
        double l3 = l1 * l1 * l1, m3 = m1 * m1 * m1, s3 = s1 * s1 * s1;
        return new double[] {
            4.0767416621 * l3 - 3.3077115913 * m3 + 0.2309699292 * s3,
            -1.2684380046 * l3 + 2.6097574011 * m3 - 0.3413193965 * s3,
            -0.0041960863 * l3 - 0.7034186147 * m3 + 1.7076147010 * s3};
    }

    /** Linear sRGB to OKLab; the inverse of {@link #labToLinear}. */
    static double[] linearToLab(double r, double g, double b) {
        double l = Math.cbrt(0.4122214708 * r + 0.5363295178 * g + 0.0514459929 * b);
        double m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
        double s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
        return new double[] {
            0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s};
    }

    /** OKLab to packed 0xRRGGBB, gamma-encoded and clamped. */
    public static int labToRgb(double l, double a, double b) {
        double[] lin = labToLinear(l, a, b);
        return encode(lin[0]) << 16 | encode(lin[1]) << 8 | encode(lin[2]);
    }

    /** Perceived lightness (OKLab L) of a packed 0xRRGGBB colour. */
    public static double lightness(int rgb) {
        return linearToLab(decode(rgb >> 16 & 0xff), decode(rgb >> 8 & 0xff), decode(rgb & 0xff))[0];
    }

    private static int encode(double x) {
        x = x <= 0 ? 0 : x >= 1 ? 1 : x;
        double v = x <= 0.0031308 ? 12.92 * x : 1.055 * Math.pow(x, 1 / 2.4) - 0.055;
        return (int) Math.round(v * 255);
    }

    static double decode(int c) {
        double v = c / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** Packs 0xRRGGBB as 0xAABBGGRR (opaque), the byte order of ImageData on little-endian machines. */
    public static int abgrOf(int rgb) {
        return 0xff000000 | (rgb & 0xff) << 16 | (rgb & 0xff00) | (rgb >> 16 & 0xff);
    }

    public static String hex(int rgb) {
        String s = Integer.toHexString(rgb & 0xffffff);
        return "#" + "000000".substring(s.length()) + s;
    }

    /** {@code rgba(r, g, b, alpha)} for translucent strokes. */
    public static String rgba(int rgb, double alpha) {
        return "rgba(" + (rgb >> 16 & 0xff) + "," + (rgb >> 8 & 0xff) + "," + (rgb & 0xff) + "," + Fmt.fixed(alpha, 3)
                + ")";
    }
}
