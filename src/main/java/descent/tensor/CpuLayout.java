package descent.tensor;

/** Permutation of axes on the CPU. */
final class CpuLayout {
    private CpuLayout() {}

    /** A float-encoded index, checked, so a bad label is an exception and not a silent read elsewhere. */
    static int index(float v, int bound) {
        int i = (int) v;
        if (i != v || i < 0 || i >= bound) {
            throw new IndexOutOfBoundsException("index " + v + " outside [0, " + bound + ")");
        }
        return i;
    }

    /**
     * out (shape permuted by axes) (+)= x. Walks out in order with a counter and the matching source strides, so
     * writes are sequential; the innermost source stride decides how well reads cache.
     */
    static void permute(float[] x, int[] shape, int[] axes, float[] out, boolean accumulate) {
        int r = shape.length;
        int total = Shape.size(shape);
        if (total == 0) return;
        if (r == 0) {
            out[0] = accumulate ? out[0] + x[0] : x[0];
            return;
        }
        int[] src = Shape.strides(shape);
        int[] os = new int[r], st = new int[r];
        for (int i = 0; i < r; i++) {
            os[i] = shape[axes[i]];
            st[i] = src[axes[i]];
        }
        int inner = os[r - 1], innerStride = st[r - 1];
        int rows = total / inner;
        int[] count = new int[r];
        int off = 0;
        for (int row = 0; row < rows; row++) {
            int o = row * inner;
            if (accumulate) {
                for (int j = 0; j < inner; j++) out[o + j] += x[off + j * innerStride];
            } else {
                for (int j = 0; j < inner; j++) out[o + j] = x[off + j * innerStride];
            }
            for (int d = r - 2; d >= 0; d--) {
                count[d]++;
                off += st[d];
                if (count[d] < os[d]) break;
                off -= st[d] * os[d];
                count[d] = 0;
            }
        }
    }
}
