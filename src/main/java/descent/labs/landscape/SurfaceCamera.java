package descent.labs.landscape;

/**
 * The camera for the 3-D surface, shared by the WebGPU pipeline (as a matrix) and the Canvas2D fallback (as a
 * projection plus a back-to-front order of the quads, the painter's algorithm). World coordinates: the slice spans
 * x, y in [-1, 1], height z in [-0.5, 0.5] (up); the camera circles the z axis at {@code azimuth} and looks down
 * at {@code elevation}, with a mild perspective.
 */
public final class SurfaceCamera {
    /** Distance of the eye from the centre, in world units: large enough that the perspective stays gentle. */
    static final double EYE = 4.5;

    public double azimuth = -0.6, elevation = 0.55, zoom = 1;

    /** Turns by a drag of (dx, dy) in units of the view's size. */
    public void drag(double dx, double dy) {
        azimuth -= dx * Math.PI;
        elevation = Math.max(0.05, Math.min(1.5, elevation + dy * Math.PI * 0.6));
    }

    public void zoomBy(double factor) {
        zoom = Math.max(0.5, Math.min(4, zoom * factor));
    }

    /**
     * Projects (x, y, z) into out = (sx, sy, depth): sx to the right and sy up in [-1, 1] for the visible frame,
     * depth larger nearer the eye.
     */
    public void project(double x, double y, double z, double[] out) {
        double c = Math.cos(azimuth), s = Math.sin(azimuth);
        double x1 = c * x - s * y, y1 = s * x + c * y;                // turn about z
        double ce = Math.cos(elevation), se = Math.sin(elevation);
        double up = z * ce + y1 * se, depth = z * se - y1 * ce;       // tilt toward the eye
        double f = zoom * 0.8 * EYE / (EYE - depth);                 // perspective divide
        out[0] = x1 * f;
        out[1] = up * f;
        out[2] = depth;
    }

    /**
     * The quads of a side x side grid (index r * (side - 1) + c for the quad whose top-left corner is (c, r)),
     * farthest first, for painting. {@code z} holds the heights of the grid points, row 0 at y = +1.
     */
    public int[] paintOrder(float[] z, int side) {
        int q = side - 1;
        double[] depth = new double[q * q];
        double[] p = new double[3];
        Integer[] order = new Integer[q * q];
        for (int r = 0; r < q; r++) {
            for (int c = 0; c < q; c++) {
                double x = -1 + 2 * (c + 0.5) / q, y = 1 - 2 * (r + 0.5) / q;
                double h = (z[r * side + c] + z[r * side + c + 1] + z[(r + 1) * side + c] + z[(r + 1) * side + c + 1]) / 4;
                project(x, y, Double.isNaN(h) ? 0 : h, p);
                depth[r * q + c] = p[2];
                order[r * q + c] = r * q + c;
            }
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(depth[i], depth[j]));
        int[] out = new int[order.length];
        for (int i = 0; i < out.length; i++) out[i] = order[i];
        return out;
    }

    /**
     * The same transform as {@link #project} as a column-major 4 x 4 clip-space matrix for a vertex shader, with
     * {@code aspect} = width / height of the canvas. Depth maps into WebGPU's [0, 1], nearer smaller.
     */
    public float[] matrix(double aspect) {
        double c = Math.cos(azimuth), s = Math.sin(azimuth);
        double ce = Math.cos(elevation), se = Math.sin(elevation);
        // rows of the view rotation: screen-x, screen-up, depth (toward the eye)
        double[] rx = {c, -s, 0}, ru = {s * se, c * se, ce}, rd = {-s * ce, -c * ce, se};
        double k = zoom * 0.8 * EYE;
        float[] m = new float[16];
        double sx = aspect >= 1 ? 1 / aspect : 1, sy = aspect >= 1 ? 1 : aspect;
        for (int j = 0; j < 3; j++) {
            m[j * 4] = (float) (k * rx[j] * sx);       // clip x = k x1
            m[j * 4 + 1] = (float) (k * ru[j] * sy);   // clip y = k up
            m[j * 4 + 2] = (float) (-rd[j] / 4);       // clip z = (2 - depth) / 4 * w-normalised below
            m[j * 4 + 3] = (float) (-rd[j]);           // clip w = EYE - depth
        }
        m[12] = 0;
        m[13] = 0;
        m[14] = (float) (EYE / 4 * 0.5);
        m[15] = (float) EYE;
        return m;
    }
}
