package descent.labs.mupmuon;

import descent.tensor.Rng;

/**
 * Host-side linear algebra for the pictures: singular values (and vectors) of small matrices, random orthogonal
 * matrices, matrices with a prescribed spectrum, and the RMS→RMS operator norm. Double precision, plain loops: these
 * run on a readback of at most a few hundred rows, a few times a second, never inside a training step.
 */
public final class Spectra {
    private Spectra() {
    }

    /** A thin SVD A = U diag(s) V^T of an (m, n) matrix, r = min(m, n); s descending, U (m, r) and V (n, r) row-major. */
    public record Svd(double[] s, double[] u, double[] v, int m, int n) {
        public int rank() {
            return s.length;
        }
    }

    /** Singular values of a row-major (rows, cols) matrix, largest first. */
    public static double[] singularValues(float[] a, int rows, int cols) {
        return svd(a, rows, cols, false).s;
    }

    /**
     * One-sided Jacobi (Hestenes 1958): rotate pairs of columns until every pair is orthogonal; the column norms are
     * then the singular values. It works on the orientation with fewer columns, so a (128, 32) and a (32, 128) matrix
     * both cost 32 columns of length 128. Accurate to the last digits even for tiny singular values, which matters
     * here: Newton–Schulz is all about what happens to the small ones.
     */
    public static Svd svd(float[] a, int rows, int cols, boolean vectors) {
        boolean wide = cols > rows;
        int m = wide ? cols : rows; // column length
        int n = wide ? rows : cols; // number of columns, = rank bound
        double[][] b = new double[n][m]; // columns of B (A, or A^T when wide)
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (wide) b[i][j] = a[i * cols + j];
                else b[j][i] = a[i * cols + j];
            }
        }
        double[][] v = vectors ? identity(n) : null;
        for (int sweep = 0; sweep < 60; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = 0, beta = 0, gamma = 0;
                    double[] bp = b[p], bq = b[q];
                    for (int i = 0; i < m; i++) {
                        alpha += bp[i] * bp[i];
                        beta += bq[i] * bq[i];
                        gamma += bp[i] * bq[i];
                    }
                    if (Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta) || gamma == 0) continue;
                    rotated = true;
                    // the rotation that zeroes the (p, q) entry of B^T B (Golub and Van Loan, Alg. 8.6.1)
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0) t = 1;
                    double c = 1 / Math.sqrt(1 + t * t), s = c * t;
                    rotate(bp, bq, c, s);
                    if (v != null) rotate(v[p], v[q], c, s);
                }
            }
            if (!rotated) break;
        }
        double[] norms = new double[n];
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            double ss = 0;
            for (int i = 0; i < m; i++) ss += b[j][i] * b[j][i];
            norms[j] = Math.sqrt(ss);
            order[j] = j;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(norms[y], norms[x]));
        double[] s = new double[n];
        for (int k = 0; k < n; k++) s[k] = norms[order[k]];
        if (!vectors) return new Svd(s, null, null, rows, cols);
        // B's columns are the left vectors of B scaled by s; V's rows (as rotated) hold the right vectors
        double[] left = new double[m * n], right = new double[n * n];
        for (int k = 0; k < n; k++) {
            int j = order[k];
            for (int i = 0; i < m; i++) left[i * n + k] = s[k] > 0 ? b[j][i] / s[k] : 0;
            for (int i = 0; i < n; i++) right[i * n + k] = v[j][i];
        }
        // for a wide A we decomposed A^T = left s right^T, so A = right s left^T
        return wide ? new Svd(s, right, left, rows, cols) : new Svd(s, left, right, rows, cols);
    }

    private static void rotate(double[] x, double[] y, double c, double s) {
        for (int i = 0; i < x.length; i++) {
            double xi = x[i], yi = y[i];
            x[i] = c * xi - s * yi;
            y[i] = s * xi + c * yi;
        }
    }

    private static double[][] identity(int n) {
        double[][] e = new double[n][n];
        for (int i = 0; i < n; i++) e[i][i] = 1;
        return e;
    }

    /**
     * u_k^T X v_k for every singular pair k of {@code basis}: the singular values of X if X shares the basis's singular
     * vectors, which every Newton–Schulz iterate of the basis's matrix does (each step is an odd polynomial in X).
     * Absolute values, since a polynomial may flip a sign.
     */
    public static double[] inBasis(Svd basis, float[] x) {
        int m = basis.m, n = basis.n, r = basis.rank();
        double[] out = new double[r];
        double[] xv = new double[m];
        for (int k = 0; k < r; k++) {
            for (int i = 0; i < m; i++) {
                double acc = 0;
                for (int j = 0; j < n; j++) acc += x[i * n + j] * basis.v[j * r + k];
                xv[i] = acc;
            }
            double d = 0;
            for (int i = 0; i < m; i++) d += basis.u[i * r + k] * xv[i];
            out[k] = Math.abs(d);
        }
        return out;
    }

    /** An (n, k) matrix with orthonormal columns, Haar-distributed: Gram–Schmidt (twice, for float safety) of normals. */
    public static double[] orthonormalColumns(int n, int k, Rng rng) {
        if (k > n) throw new IllegalArgumentException("cannot fit " + k + " orthonormal columns in " + n + " dimensions");
        double[][] q = new double[k][n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) q[j][i] = rng.normal();
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < j; p++) {
                    double d = 0;
                    for (int i = 0; i < n; i++) d += q[p][i] * q[j][i];
                    for (int i = 0; i < n; i++) q[j][i] -= d * q[p][i];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) norm += q[j][i] * q[j][i];
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) q[j][i] /= norm;
        }
        double[] out = new double[n * k];
        for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) out[i * k + j] = q[j][i];
        return out;
    }

    /** A (rows, cols) matrix U diag(s) V^T with random singular vectors and the given singular values. */
    public static float[] withSpectrum(int rows, int cols, double[] s, Rng rng) {
        int r = Math.min(rows, cols);
        if (s.length != r) throw new IllegalArgumentException("need " + r + " singular values, got " + s.length);
        double[] u = orthonormalColumns(rows, r, rng), v = orthonormalColumns(cols, r, rng);
        float[] a = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double acc = 0;
                for (int k = 0; k < r; k++) acc += u[i * r + k] * s[k] * v[j * r + k];
                a[i * cols + j] = (float) acc;
            }
        }
        return a;
    }

    /** r singular values spaced evenly in log between 1 and {@code smallest}: a condition number of 1/smallest. */
    public static double[] geometric(int r, double smallest) {
        double[] s = new double[r];
        for (int k = 0; k < r; k++) s[k] = r == 1 ? 1 : Math.pow(smallest, (double) k / (r - 1));
        return s;
    }

    /**
     * The RMS→RMS operator norm of a layer y = x W with W stored (in, out): the most it can grow the RMS of a vector,
     * sqrt(in / out) ||W||_2. Under it a well-scaled layer has norm about 1 at every width (Bernstein and Newhouse,
     * "Modular duality", 2024), which is the yardstick both muP and Muon use.
     */
    public static double rmsToRms(double spectralNorm, int in, int out) {
        return Math.sqrt((double) in / out) * spectralNorm;
    }

    /** The largest singular value by power iteration on A^T A (cheaper than a full SVD for a chart of norms). */
    public static double spectralNorm(float[] a, int rows, int cols, int iterations) {
        double[] x = new double[cols], y = new double[rows];
        // a start that is almost surely not orthogonal to the top right singular vector
        for (int j = 0; j < cols; j++) x[j] = (1 + 0.37 * (j % 7)) / Math.sqrt(cols);
        double sigma = 0;
        for (int it = 0; it < iterations; it++) {
            double nx = 0;
            for (double xi : x) nx += xi * xi;
            nx = Math.sqrt(nx);
            if (nx == 0 || !Double.isFinite(nx)) return nx == 0 ? 0 : Double.NaN;
            for (int j = 0; j < cols; j++) x[j] /= nx;
            double ny = 0;
            for (int i = 0; i < rows; i++) {
                double acc = 0;
                for (int j = 0; j < cols; j++) acc += a[i * cols + j] * x[j];
                y[i] = acc;
                ny += acc * acc;
            }
            sigma = Math.sqrt(ny); // ||A x|| with x unit: converges to sigma_1 from below
            java.util.Arrays.fill(x, 0);
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) x[j] += a[i * cols + j] * y[i];
        }
        return sigma;
    }
}
