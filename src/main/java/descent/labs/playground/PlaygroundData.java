package descent.labs.playground;

import descent.data.Dataset;
import descent.data.Points2D;
import descent.labs.playground.PointCodec.Points;

/**
 * The points of one run: all of them (for drawing and export), split into train and test, with the network's input
 * features precomputed for each split. Generated sets are drawn by the engine's seeded {@link Points2D}; custom sets
 * come from the URL. Custom points are split point by point (a low-discrepancy sequence on the index), so adding a
 * point never reshuffles the others between train and test.
 */
final class PlaygroundData {
    final boolean regression;
    final int classes;
    final Features[] features;
    final float[] xy;          // (N, 2), every point
    final int[] labels;        // (N) classes, or null for regression
    final float[] targets;     // (N) real targets, or null
    final boolean[] isTest;    // (N)
    final Split train, test;

    /** One side of the split: positions (n, 2), features (n, D), labels or targets. */
    static final class Split {
        final int n;
        final float[] xy, x;
        final int[] labels;
        final float[] targets;

        Split(int n, float[] xy, float[] x, int[] labels, float[] targets) {
            this.n = n;
            this.xy = xy;
            this.x = x;
            this.labels = labels;
            this.targets = targets;
        }
    }

    private PlaygroundData(boolean regression, int classes, Features[] features, float[] xy, int[] labels,
            float[] targets, boolean[] isTest) {
        this.regression = regression;
        this.classes = classes;
        this.features = features;
        this.xy = xy;
        this.labels = labels;
        this.targets = targets;
        this.isTest = isTest;
        this.train = side(false);
        this.test = side(true);
    }

    static PlaygroundData of(PlaygroundConfig c) {
        if (c.data().equals("custom")) {
            Points p = c.custom() != null ? c.custom() : new Points(new float[0], new int[0], null);
            return of(p, c.classCount(), c.features(), c.testShare(), c.dataSeed());
        }
        Dataset d = generate(c);
        boolean[] isTest = new boolean[d.n];
        // the engine's seeded split, recorded as a flag per point so drawing and export can show it
        int[] perm = new descent.tensor.Rng(c.dataSeed()).permutation(d.n);
        int nTest = (int) Math.round(d.n * c.testShare());
        for (int i = 0; i < nTest; i++) {
            isTest[perm[i]] = true;
        }
        return new PlaygroundData(c.regression(), c.classCount(), c.features(), d.x, d.labels, d.targets, isTest);
    }

    static PlaygroundData of(Points p, int classes, Features[] features, double testShare, long seed) {
        int n = p.size();
        boolean[] isTest = new boolean[n];
        double offset = (seed % 1000) * 0.001;
        for (int i = 0; i < n; i++) {
            double u = (offset + (i + 1) * 0.6180339887498949) % 1.0;
            isTest[i] = u < testShare;
        }
        return new PlaygroundData(p.regression(), p.regression() ? 1 : classes, features, p.xy(), p.labels(),
                p.targets(), isTest);
    }

    private static Dataset generate(PlaygroundConfig c) {
        long seed = c.dataSeed();
        return switch (c.data()) {
            case "plane" -> Points2D.regression(Points2D.Surface.PLANE, c.n(), c.noise(), seed);
            case "multigauss" -> Points2D.regression(Points2D.Surface.MULTI_GAUSSIAN, c.n(), c.noise(), seed);
            default -> Points2D.classification(kind(c.data()), c.n(), c.classCount(), c.noise(), seed);
        };
    }

    private static Points2D.Kind kind(String name) {
        return switch (name) {
            case "xor" -> Points2D.Kind.XOR;
            case "gaussians" -> Points2D.Kind.GAUSSIANS;
            case "spiral" -> Points2D.Kind.SPIRAL;
            case "moons" -> Points2D.Kind.MOONS;
            case "checkerboard" -> Points2D.Kind.CHECKERBOARD;
            case "rings" -> Points2D.Kind.RINGS;
            default -> Points2D.Kind.CIRCLES;
        };
    }

    private Split side(boolean wantTest) {
        int n = 0;
        for (boolean t : isTest) {
            if (t == wantTest) {
                n++;
            }
        }
        float[] sxy = new float[2 * n];
        int[] sl = labels == null ? null : new int[n];
        float[] st = targets == null ? null : new float[n];
        int k = 0;
        for (int i = 0; i < isTest.length; i++) {
            if (isTest[i] != wantTest) {
                continue;
            }
            sxy[2 * k] = xy[2 * i];
            sxy[2 * k + 1] = xy[2 * i + 1];
            if (sl != null) {
                sl[k] = labels[i];
            }
            if (st != null) {
                st[k] = targets[i];
            }
            k++;
        }
        return new Split(n, sxy, Features.compute(features, sxy, n), sl, st);
    }

    int size() {
        return isTest.length;
    }

    /** All points as the packable form (what "edit" starts from and what export writes). */
    Points points() {
        return new Points(xy.clone(), labels == null ? null : labels.clone(), targets == null ? null
                : targets.clone());
    }
}
