package descent.labs.landscape;

import java.util.List;

/**
 * The plane the optimizer actually moved in (Li et al. 2018, sec. 7): principal components of the snapshots
 * theta_0 ... theta_n taken relative to the origin (the current weights), and each snapshot's coordinates in that
 * plane.
 *
 * <p>Why PCA: two random directions are nearly orthogonal to the path in a space of thousands of dimensions, so a
 * random slice would show the path as a dot. The top two components of the (centred) snapshot matrix are the plane
 * that holds most of the movement; their explained variance says how faithful the flat picture is.
 *
 * <p>Computed through the S x S Gram matrix of the centred snapshots (S snapshots, P parameters, S much smaller
 * than P): if G u = lambda u with G = X X^T, then X^T u / sqrt(lambda) is a unit principal direction.
 */
public final class Pca {
    /** Unit principal directions (P), largest variance first. */
    public final float[][] directions;
    /** Fraction of the total variance along each direction. */
    public final double[] explained;
    /** coords[s] = the coordinates of snapshot s - origin along each direction. */
    public final double[][] coords;

    private Pca(float[][] directions, double[] explained, double[][] coords) {
        this.directions = directions;
        this.explained = explained;
        this.coords = coords;
    }

    /** The top {@code k} components of {@code snapshots} (each P long), coordinates relative to {@code origin}. */
    public static Pca of(List<float[]> snapshots, float[] origin, int k) {
        int s = snapshots.size(), p = origin.length;
        if (s < 2) throw new IllegalArgumentException("PCA needs at least two snapshots");
        double[] mean = new double[p];
        for (float[] t : snapshots) for (int i = 0; i < p; i++) mean[i] += t[i];
        for (int i = 0; i < p; i++) mean[i] /= s;
        double[][] x = new double[s][p]; // (S, P) centred snapshots
        for (int r = 0; r < s; r++) {
            float[] t = snapshots.get(r);
            for (int i = 0; i < p; i++) x[r][i] = t[i] - mean[i];
        }
        double[][] gram = new double[s][s]; // (S, S)
        for (int a = 0; a < s; a++) {
            for (int b = a; b < s; b++) {
                double dot = 0;
                for (int i = 0; i < p; i++) dot += x[a][i] * x[b][i];
                gram[a][b] = dot;
                gram[b][a] = dot;
            }
        }
        SymEigen eig = new SymEigen(gram);
        double total = 0;
        for (double v : eig.values) total += Math.max(0, v);
        k = Math.min(k, s);
        float[][] dirs = new float[k][p];
        double[] explained = new double[k];
        for (int c = 0; c < k; c++) {
            double lambda = Math.max(eig.values[c], 0);
            explained[c] = total == 0 ? 0 : lambda / total;
            double[] d = new double[p];
            for (int r = 0; r < s; r++) {
                double u = eig.vectors[c][r];
                for (int i = 0; i < p; i++) d[i] += u * x[r][i];
            }
            double norm = 0;
            for (double v : d) norm += v * v;
            norm = Math.sqrt(norm);
            for (int i = 0; i < p; i++) dirs[c][i] = norm == 0 ? 0f : (float) (d[i] / norm);
        }
        for (int c = 0; c < k; c++) {
            // a component's sign is arbitrary: orient each so the path starts on the negative side, which keeps the
            // picture from flipping between refreshes
            double start = 0;
            for (int i = 0; i < p; i++) start += (double) (snapshots.get(0)[i] - origin[i]) * dirs[c][i];
            if (start > 0) for (int i = 0; i < p; i++) dirs[c][i] = -dirs[c][i];
        }
        double[][] coords = new double[s][k];
        for (int r = 0; r < s; r++) {
            float[] t = snapshots.get(r);
            for (int c = 0; c < k; c++) {
                double dot = 0;
                for (int i = 0; i < p; i++) dot += (double) (t[i] - origin[i]) * dirs[c][i];
                coords[r][c] = dot;
            }
        }
        return new Pca(dirs, explained, coords);
    }
}
