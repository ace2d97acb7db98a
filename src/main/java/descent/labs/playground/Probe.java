package descent.labs.playground;

/**
 * Looks at a trained network over the input plane: its output on a grid (the decision boundary), what each neuron
 * computes (the diagram's thumbnails), which ReLUs are on where (linear regions), and its local linear map at a
 * point. Grids are res × res cells over [-EXTENT, EXTENT]², row 0 at the top (largest x₂), like an image.
 *
 * <p>This is the seam for a GPU path: each grid is one batched forward pass, which a WebGPU backend could run for
 * large grids and wide nets; on the tiny default nets the CPU pass takes well under a millisecond.
 */
public final class Probe {
    static final int CHUNK = 256;
    private final PlaygroundExperiment ex;
    private final MlpKernel kernel;
    private int gridRes = -1;
    private float[] gridX;

    Probe(PlaygroundExperiment ex) {
        this.ex = ex;
        this.kernel = ex.kernel;
    }

    /** Plane coordinate of grid column (or, flipped, row) i of res. */
    public static double coord(int i, int res) {
        return -PlaygroundExperiment.EXTENT + (i + 0.5) * 2 * PlaygroundExperiment.EXTENT / res;
    }

    private float[] inputs(int res) {
        if (res != gridRes) {
            Features[] f = ex.config.features();
            gridX = new float[res * res * f.length];
            for (int r = 0; r < res; r++) {
                double b = -coord(r, res);
                for (int c = 0; c < res; c++) {
                    Features.compute(f, coord(c, res), b, gridX, r * res + c);
                }
            }
            gridRes = res;
        }
        return gridX;
    }

    /**
     * The network's answer over the plane: P(class 1) for binary data, the predicted value for regression, or for
     * K classes the softmax probabilities (res², K).
     */
    public float[] output(int res) {
        float[] x = inputs(res);
        int n = res * res, k = ex.outputs();
        float[] out = new float[n * k];
        for (int from = 0; from < n; from += CHUNK) {
            int m = Math.min(CHUNK, n - from);
            kernel.forward(x, from, m, false, 0);
            float[] z = kernel.logits();
            for (int r = 0; r < m; r++) {
                int o = (from + r) * k;
                switch (ex.task()) {
                    case BINARY -> out[o] = MlpKernel.sigmoid(z[r]);
                    case REGRESSION -> out[o] = z[r];
                    default -> softmax(z, r * k, k, out, o);
                }
            }
        }
        return out;
    }

    static void softmax(float[] z, int off, int k, float[] out, int o) {
        float max = z[off];
        for (int j = 1; j < k; j++) max = Math.max(max, z[off + j]);
        double sum = 0;
        for (int j = 0; j < k; j++) sum += Math.exp(z[off + j] - max);
        for (int j = 0; j < k; j++) out[o + j] = (float) (Math.exp(z[off + j] - max) / sum);
    }

    /**
     * What every neuron computes over the plane: for layer 0 the input features, then each hidden layer's
     * activations, then the outputs as {@link #output} gives them. Entry l is (nodes, res, res).
     */
    public float[][] neuronMaps(int res) {
        float[] x = inputs(res);
        int n = res * res, layers = kernel.layers;
        int[] sizes = ex.sizes;
        float[][] maps = new float[layers + 1][];
        for (int l = 0; l <= layers; l++) {
            maps[l] = new float[sizes[l] * n];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < sizes[0]; j++) {
                maps[0][j * n + i] = x[i * sizes[0] + j];
            }
        }
        float[] out = output(res);
        int k = sizes[layers];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                maps[layers][j * n + i] = out[i * k + j];
            }
        }
        for (int from = 0; from < n; from += CHUNK) {
            int m = Math.min(CHUNK, n - from);
            kernel.forward(x, from, m, false, 0);
            for (int l = 0; l + 1 < layers; l++) {
                int w = sizes[l + 1];
                float[] z = kernel.preActivation(l);
                for (int r = 0; r < m; r++) {
                    for (int j = 0; j < w; j++) {
                        maps[l + 1][j * n + from + r] = activate(z[r * w + j]);
                    }
                }
            }
        }
        return maps;
    }

    private float activate(float z) {
        return switch (kernel.act) {
            case RELU -> Math.max(z, 0f);
            case LEAKY_RELU -> z > 0 ? z : 0.01f * z;
            case TANH -> (float) Math.tanh(z);
            case SIGMOID -> MlpKernel.sigmoid(z);
            case GELU -> 0.5f * z * (1f + (float) Math.tanh(MlpKernel.GELU_C * (z + 0.044715f * z * z * z)));
            default -> z;
        };
    }

    /**
     * The activation pattern of every cell, hashed: which hidden units have z > 0. For piecewise-linear
     * activations each distinct pattern is one linear region (the set where a pattern holds is an intersection of
     * half-planes, so it is convex and connected).
     */
    public long[] patterns(int res) {
        return patterns(inputs(res), res * res);
    }

    private long[] patterns(float[] x, int n) {
        long[] out = new long[n];
        for (int from = 0; from < n; from += CHUNK) {
            int m = Math.min(CHUNK, n - from);
            kernel.forward(x, from, m, false, 0);
            for (int l = 0; l + 1 < kernel.layers; l++) {
                int w = ex.sizes[l + 1];
                float[] z = kernel.preActivation(l);
                for (int r = 0; r < m; r++) {
                    long h = out[from + r];
                    for (int j = 0; j < w; j++) {
                        h = h * 0x100000001B3L + (z[r * w + j] > 0 ? 0x9E37L : 0x1B87L);
                    }
                    out[from + r] = h;
                }
            }
        }
        return out;
    }

    /** The linear regions in view: the grid's patterns (for colouring) and how many regions there are. */
    public record Regions(long[] grid, int count, boolean exact) {
    }

    /**
     * Counts linear regions. A grid alone misses slivers thinner than a cell, so when the first layer sees the raw
     * coordinates its boundaries are straight lines, and every region (a convex polygon) has a corner at a crossing
     * of two lines, of a line and the window's edge, or at the window's corner: probing just around each such point
     * finds every region. With one hidden layer that count is exact; deeper layers bend their boundaries, and
     * their extra regions are counted as far as the grid resolves them.
     */
    public Regions regions(int res) {
        long[] grid = patterns(res);
        float[] probes = vertexProbes();
        long[] all = grid;
        if (probes != null) {
            long[] extra = patterns(probes, probes.length / ex.sizes[0]);
            all = java.util.Arrays.copyOf(grid, grid.length + extra.length);
            System.arraycopy(extra, 0, all, grid.length, extra.length);
        }
        return new Regions(grid, distinct(all), probes != null && kernel.layers == 2);
    }

    /** Feature rows for points around every vertex of the first layer's lines, or null if its inputs are not x₁, x₂. */
    private float[] vertexProbes() {
        Features[] f = ex.config.features();
        for (Features x : f) {
            if (x != Features.X1 && x != Features.X2) {
                return null;
            }
        }
        if (kernel.layers < 2) {
            return null;
        }
        int h = ex.sizes[1];
        double e = PlaygroundExperiment.EXTENT;
        float[] w = kernel.w[0], b = kernel.b[0];
        double[][] lines = new double[h + 4][];
        for (int j = 0; j < h; j++) {
            double wa = 0, wb = 0;
            for (int i = 0; i < f.length; i++) {
                if (f[i] == Features.X1) {
                    wa = w[i * h + j];
                } else {
                    wb = w[i * h + j];
                }
            }
            lines[j] = new double[] {wa, wb, b[j]};
        }
        // the window's edges as lines too, so line-edge crossings and corners come out of the same loop
        lines[h] = new double[] {1, 0, e};
        lines[h + 1] = new double[] {1, 0, -e};
        lines[h + 2] = new double[] {0, 1, e};
        lines[h + 3] = new double[] {0, 1, -e};
        java.util.List<double[]> vertices = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            for (int k = 0; k < i && k < h + 4; k++) {
                double[] p = lines[i], q = lines[k];
                double det = p[0] * q[1] - p[1] * q[0];
                if (Math.abs(det) < 1e-12) {
                    continue;
                }
                double x = (-p[2] * q[1] + p[1] * q[2]) / det, y = (-p[0] * q[2] + p[2] * q[0]) / det;
                if (Math.abs(x) <= e + 1e-9 && Math.abs(y) <= e + 1e-9) {
                    vertices.add(new double[] {x, y});
                }
            }
        }
        double eps = 1e-4 * e;
        float[] out = new float[vertices.size() * 8 * f.length];
        int n = 0;
        for (double[] v : vertices) {
            for (int k = 0; k < 8; k++) {
                double a = v[0] + eps * Math.cos(Math.PI / 4 * k + 0.3), c = v[1] + eps * Math.sin(Math.PI / 4 * k
                        + 0.3);
                if (Math.abs(a) < e && Math.abs(c) < e) {
                    Features.compute(f, a, c, out, n++);
                }
            }
        }
        return java.util.Arrays.copyOf(out, n * f.length);
    }

    /** Number of distinct values in {@code patterns}. */
    public static int distinct(long[] patterns) {
        long[] s = patterns.clone();
        java.util.Arrays.sort(s);
        int count = s.length == 0 ? 0 : 1;
        for (int i = 1; i < s.length; i++) {
            if (s[i] != s[i - 1]) {
                count++;
            }
        }
        return count;
    }

    /**
     * The network's local linear map at (a, b): the output it explains (the logit for binary data, the predicted
     * class's logit for K classes, the value for regression), its value there and its gradient with respect to the
     * plane. For a piecewise-linear net on the raw coordinates the tangent plane is exact on the whole region.
     */
    public record LocalMap(double a, double b, int output, double value, double dA, double dB, long pattern) {
        /** The tangent plane z ≈ dA·x₁ + dB·x₂ + intercept. */
        public double intercept() {
            return value - dA * a - dB * b;
        }
    }

    public LocalMap localMap(double a, double b) {
        Features[] f = ex.config.features();
        float[] x = new float[f.length];
        Features.compute(f, a, b, x, 0);
        kernel.forward(x, 0, 1, false, 0);
        float[] z = kernel.logits();
        int k = ex.outputs();
        int which = ex.task() == MlpKernel.Task.MULTICLASS ? PlaygroundExperiment.argmax(z, 0, k) : 0;
        double value = z[which];
        long pattern = 0;
        for (int l = 0; l + 1 < kernel.layers; l++) {
            float[] zl = kernel.preActivation(l);
            for (int j = 0; j < ex.sizes[l + 1]; j++) {
                pattern = pattern * 0x100000001B3L + (zl[j] > 0 ? 0x9E37L : 0x1B87L);
            }
        }
        float[] seed = new float[k];
        seed[which] = 1;
        kernel.seedOutputGradient(seed, 1);
        float[] g = new float[f.length];
        kernel.backward(1, false, 0, false, null, g);
        // chain rule through the features: d out / d a = sum_j d out / d f_j · d f_j / d a
        double da = 0, db = 0;
        for (int j = 0; j < f.length; j++) {
            double[] jac = f[j].jacobian(a, b);
            da += g[j] * jac[0];
            db += g[j] * jac[1];
        }
        return new LocalMap(a, b, which, value, da, db, pattern);
    }
}
