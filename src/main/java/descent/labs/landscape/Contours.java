package descent.labs.landscape;

/**
 * Contour lines of a grid by marching squares: each cell's four corners above or below a level give one of 16 cases,
 * and the crossing points on its edges are placed by linear interpolation. Output is a list of segments in grid
 * coordinates (column, row), which the view maps to pixels.
 */
public final class Contours {
    private Contours() {
    }

    /**
     * Segments (x0, y0, x1, y1, ...) of the level set {v = level} of v (side x side, row-major). NaN cells are
     * skipped. The saddle cases (opposite corners on the same side) are resolved by the cell's mean value.
     */
    public static float[] segments(float[] v, int side, double level) {
        float[] out = new float[64];
        int n = 0;
        for (int r = 0; r + 1 < side; r++) {
            for (int c = 0; c + 1 < side; c++) {
                float tl = v[r * side + c], tr = v[r * side + c + 1];
                float bl = v[(r + 1) * side + c], br = v[(r + 1) * side + c + 1];
                if (Float.isNaN(tl + tr + bl + br)) continue;
                int code = (tl > level ? 8 : 0) | (tr > level ? 4 : 0) | (br > level ? 2 : 0) | (bl > level ? 1 : 0);
                if (code == 0 || code == 15) continue;
                // crossing points on the four edges: top, right, bottom, left
                float tx = c + frac(tl, tr, level), ty = r;
                float rx = c + 1, ry = r + frac(tr, br, level);
                float bx = c + frac(bl, br, level), by = r + 1;
                float lx = c, ly = r + frac(tl, bl, level);
                if (out.length < n + 8) out = java.util.Arrays.copyOf(out, out.length * 2);
                boolean centreHigh = (tl + tr + bl + br) / 4 > level;
                switch (code) {
                    case 1, 14 -> n = seg(out, n, lx, ly, bx, by);
                    case 2, 13 -> n = seg(out, n, bx, by, rx, ry);
                    case 3, 12 -> n = seg(out, n, lx, ly, rx, ry);
                    case 4, 11 -> n = seg(out, n, tx, ty, rx, ry);
                    case 6, 9 -> n = seg(out, n, tx, ty, bx, by);
                    case 7, 8 -> n = seg(out, n, lx, ly, tx, ty);
                    case 5 -> {   // tr and bl high
                        if (centreHigh) {
                            n = seg(out, n, lx, ly, tx, ty);
                            n = seg(out, n, bx, by, rx, ry);
                        } else {
                            n = seg(out, n, tx, ty, rx, ry);
                            n = seg(out, n, lx, ly, bx, by);
                        }
                    }
                    case 10 -> {  // tl and br high
                        if (centreHigh) {
                            n = seg(out, n, tx, ty, rx, ry);
                            n = seg(out, n, lx, ly, bx, by);
                        } else {
                            n = seg(out, n, lx, ly, tx, ty);
                            n = seg(out, n, bx, by, rx, ry);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static float frac(float a, float b, double level) {
        return a == b ? 0.5f : (float) Math.max(0, Math.min(1, (level - a) / (b - a)));
    }

    private static int seg(float[] out, int n, float x0, float y0, float x1, float y1) {
        out[n] = x0;
        out[n + 1] = y0;
        out[n + 2] = x1;
        out[n + 3] = y1;
        return n + 4;
    }

    /**
     * {@code count} contour levels between lo and hi: evenly spaced, or evenly spaced in log(v - floor) when
     * {@code log}, which puts more lines near the minimum where the interesting shape is.
     */
    public static double[] levels(double lo, double hi, int count, boolean log, double floor) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            double t = (i + 1.0) / (count + 1);
            out[i] = log ? floor + Math.exp(Math.log(lo - floor) + t * (Math.log(hi - floor) - Math.log(lo - floor)))
                    : lo + t * (hi - lo);
        }
        return out;
    }
}
