package descent.labs.playground;

import descent.ui.ColorMap;

/** Pixel colours for the boundary figure: classes mixed by probability, thresholds, and linear regions. */
final class BoundaryColors {
    private BoundaryColors() {
    }

    /**
     * K classes: each cell mixes the class colours by the softmax probabilities in OKLab (so mixtures stay
     * perceptually between their parents) and fades toward white where the net is unsure. Discrete: the arg-max's
     * colour, lightened.
     */
    static int[] mix(float[] p, int k, boolean discrete) {
        int n = p.length / k;
        int[] out = new int[n];
        double[][] lab = new double[k][];
        for (int j = 0; j < k; j++) {
            lab[j] = ColorMap.classLab(j);
        }
        for (int i = 0; i < n; i++) {
            double l = 0, a = 0, b = 0, top = 0;
            int best = 0;
            for (int j = 0; j < k; j++) {
                double w = p[i * k + j];
                if (w > top) {
                    top = w;
                    best = j;
                }
                if (!discrete) {
                    l += w * lab[j][0];
                    a += w * lab[j][1];
                    b += w * lab[j][2];
                }
            }
            if (discrete) {
                l = lab[best][0];
                a = lab[best][1];
                b = lab[best][2];
                top = 0.75;
            }
            // certainty 1/k -> pale, 1 -> full colour; keep the palest still tinted
            double certainty = Math.max(0, (top - 1.0 / k) / (1 - 1.0 / k));
            double fade = 0.72 * (1 - certainty) + 0.18;
            out[i] = ColorMap.abgrOf(ColorMap.labToRgb(l + (0.97 - l) * fade, a * (1 - fade), b * (1 - fade)));
        }
        return out;
    }

    /** P(class 1) to two flat tones of the diverging map. */
    static float[] threshold(float[] p) {
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i] > 0.5f ? 0.85f : 0.15f;
        }
        return out;
    }

    /** Regression values rounded to bands of width {@code step}: contour-like terraces. */
    static float[] steps(float[] v, float step) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (Math.floor(v[i] / step) + 0.5) * step;
        }
        return out;
    }

    /**
     * One pastel colour per activation pattern, darker edges where the pattern changes between neighbouring cells
     * (the folds), ink where the predicted class changes (the decision boundary), and the tapped region lit up.
     */
    static int[] regions(long[] pattern, int res, float[] out, PlaygroundExperiment ex, long highlight) {
        int n = res * res;
        int k = ex.multiclass() ? ex.classes() : 1;
        int[] cls = new int[n];
        for (int i = 0; i < n; i++) {
            if (ex.multiclass()) {
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (out[i * k + j] > out[i * k + best]) {
                        best = j;
                    }
                }
                cls[i] = best;
            } else if (ex.regression()) {
                cls[i] = (int) Math.floor(out[i] / 0.25f);
            } else {
                cls[i] = out[i] > 0.5f ? 1 : 0;
            }
        }
        int[] px = new int[n];
        for (int r = 0; r < res; r++) {
            for (int c = 0; c < res; c++) {
                int i = r * res + c;
                long h = pattern[i];
                boolean lit = highlight != 0 && h == highlight;
                double hue = (mixBits(h) >>> 11) * 0x1.0p-53 * 360;
                double light = lit ? 0.93 : 0.80 + 0.08 * ((mixBits(h ^ 0x5bd1e995L) & 1));
                double chroma = lit ? 0.13 : 0.07;
                boolean fold = c + 1 < res && pattern[i + 1] != h || r + 1 < res && pattern[i + res] != h;
                boolean boundary = c + 1 < res && cls[i + 1] != cls[i] || r + 1 < res && cls[i + res] != cls[i];
                int rgb;
                if (boundary) {
                    rgb = 0x1b2333;
                } else {
                    double l = fold ? light - 0.22 : light;
                    double hr = Math.toRadians(hue);
                    rgb = ColorMap.labToRgb(l, chroma * Math.cos(hr), chroma * Math.sin(hr));
                }
                px[i] = ColorMap.abgrOf(rgb);
            }
        }
        return px;
    }

    private static long mixBits(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
