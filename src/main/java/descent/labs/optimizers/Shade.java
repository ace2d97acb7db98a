package descent.labs.optimizers;

/**
 * Contour pictures of a surface as pixels: a soft fill by log(f − floor), and thin lines at log-spaced levels (four
 * per decade), so a narrow valley and a wide plateau both show their shape. Pure Java, packed 0xAABBGGRR.
 */
final class Shade {
    private Shade() {
    }

    interface Field {
        double at(double x, double y);
    }

    /** Colours {low, high, line} for light and dark pages, chosen so coloured trails stay the strongest marks. */
    static int[] palette(boolean dark) {
        return dark ? new int[] {0x1a2130, 0x4a6b96, 0x8fb0d8} : new int[] {0xfdfbf6, 0xb4c6de, 0x6f8db5};
    }

    /**
     * Renders f over box {x0, x1, y0, y1} into w × h pixels (row 0 = top = y1). {@code lines}: draw contour lines;
     * {@code lineRgb} their colour (RGB). Values below floor are clamped to it.
     */
    static int[] render(Field f, double[] box, int w, int h, double floor, boolean dark, int lineRgb, boolean fill) {
        double[] t = new double[w * h];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < h; j++) {
            double y = box[3] - (box[3] - box[2]) * (j + 0.5) / h;
            for (int i = 0; i < w; i++) {
                double x = box[0] + (box[1] - box[0]) * (i + 0.5) / w;
                double v = f.at(x, y) - floor;
                double l = Math.log10(Math.max(v, 0) + 1e-6);
                t[j * w + i] = Double.isFinite(l) ? l : Double.NaN;
                if (Double.isFinite(l)) {
                    lo = Math.min(lo, l);
                    hi = Math.max(hi, l);
                }
            }
        }
        if (!(hi > lo)) hi = lo + 1;
        int[] pal = palette(dark);
        int[] out = new int[w * h];
        for (int k = 0; k < w * h; k++) {
            double v = t[k];
            double s = Double.isNaN(v) ? 1 : (v - lo) / (hi - lo);
            int rgb = fill ? mix(pal[0], pal[1], Math.pow(s, 1.4)) : pal[0];
            int i = k % w, j = k / w;
            if (lineRgb >= 0 && i + 1 < w && j + 1 < h && !Double.isNaN(v)) {
                // a level line passes between this pixel and its right or lower neighbour
                int here = (int) Math.floor(v * 4);
                double r = t[k + 1], d = t[k + w];
                if ((!Double.isNaN(r) && (int) Math.floor(r * 4) != here) || (!Double.isNaN(d)
                        && (int) Math.floor(d * 4) != here)) {
                    rgb = mix(rgb, lineRgb, here % 4 == 0 ? 0.75 : 0.4);
                }
            }
            out[k] = 0xff000000 | ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
        }
        return out;
    }

    static int mix(int a, int b, double s) {
        s = Math.max(0, Math.min(1, s));
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - s) + ((b >> 16) & 0xff) * s);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - s) + ((b >> 8) & 0xff) * s);
        int bl = (int) Math.round((a & 0xff) * (1 - s) + (b & 0xff) * s);
        return (r << 16) | (g << 8) | bl;
    }
}
