package descent.tensor;

/** Ops that move values without arithmetic: reshape, permute, slice, concat, gather and scatter of rows. */
public final class Layout {
    private Layout() {}

    static int[] swapLast(int rank) {
        if (rank < 2) throw new IllegalArgumentException("transpose needs at least 2 axes");
        int[] axes = new int[rank];
        for (int i = 0; i < rank; i++) axes[i] = i;
        axes[rank - 2] = rank - 1;
        axes[rank - 1] = rank - 2;
        return axes;
    }

    public static Tensor reshape(Tensor x, int... target) {
        int[] shape = Shape.infer(target, x.size);
        Tensor v = x.view(shape);
        v.setBackward(() -> x.backend.copy(v.gradBuffer(), x.gradBuffer(), x.size, true));
        return v;
    }

    public static Tensor permute(Tensor x, int... axes) {
        int[] s = x.shapeRef();
        if (axes.length != s.length) throw new IllegalArgumentException("permute needs " + s.length + " axes");
        int[] out = new int[s.length];
        int[] inverse = new int[s.length];
        boolean[] seen = new boolean[s.length];
        for (int i = 0; i < axes.length; i++) {
            int a = Shape.axis(s, axes[i]);
            if (seen[a]) throw new IllegalArgumentException("axis " + a + " repeated in permute");
            seen[a] = true;
            out[i] = s[a];
            inverse[a] = i;
        }
        int[] resolved = new int[axes.length];
        for (int i = 0; i < axes.length; i++) resolved[i] = Shape.axis(s, axes[i]);
        Tensor y = Tensor.result(out, x);
        x.backend.permute(x.buffer(), s, resolved, y.buffer(), false);
        y.setBackward(() -> x.backend.permute(y.gradBuffer(), out, inverse, x.gradBuffer(), true));
        return y;
    }

    /** x[..., start:end, ...] along {@code axis}. */
    public static Tensor slice(Tensor x, int axis, int start, int end) {
        int[] s = x.shapeRef();
        int ax = Shape.axis(s, axis);
        if (start < 0 || end > s[ax] || start >= end) {
            throw new IllegalArgumentException("slice [" + start + ", " + end + ") of axis " + ax + " of " + x.describe());
        }
        int[] out = s.clone();
        out[ax] = end - start;
        int outer = Shape.outer(s, ax), inner = Shape.inner(s, ax), len = end - start;
        Tensor y = Tensor.result(out, x);
        x.backend.copyAxis(x.buffer(), s[ax], start, y.buffer(), len, 0, outer, len, inner, false);
        y.setBackward(() -> x.backend.copyAxis(y.gradBuffer(), len, 0, x.gradBuffer(), s[ax], start, outer, len,
                inner, true));
        return y;
    }

    /** Joins tensors along {@code axis}; all other axes must agree. */
    public static Tensor concat(int axis, Tensor... xs) {
        int[] s0 = xs[0].shapeRef();
        int ax = Shape.axis(s0, axis);
        int total = 0;
        for (Tensor t : xs) {
            int[] s = t.shapeRef();
            if (s.length != s0.length) throw new IllegalArgumentException("concat of different ranks");
            for (int i = 0; i < s.length; i++) {
                if (i != ax && s[i] != s0[i]) throw new IllegalArgumentException("concat: " + t.describe()
                        + " does not match " + xs[0].describe() + " off axis " + ax);
            }
            total += s[ax];
        }
        int[] out = s0.clone();
        out[ax] = total;
        int outer = Shape.outer(s0, ax), inner = Shape.inner(s0, ax);
        Tensor y = Tensor.result(out, xs);
        int off = 0;
        for (Tensor t : xs) {
            int len = t.shapeRef()[ax];
            t.backend.copyAxis(t.buffer(), len, 0, y.buffer(), total, off, outer, len, inner, false);
            off += len;
        }
        int fTotal = total;
        y.setBackward(() -> {
            int o = 0;
            for (Tensor t : xs) {
                int len = t.shapeRef()[ax];
                if (t.requiresGrad()) {
                    t.backend.copyAxis(y.gradBuffer(), fTotal, o, t.gradBuffer(), len, 0, outer, len, inner, true);
                }
                o += len;
            }
        });
        return y;
    }

    /** Rows of x (rows, ...) picked by an index tensor of any shape; the result is idx.shape + x.shape[1:]. */
    public static Tensor gatherRows(Tensor x, Tensor idx) {
        int[] s = x.shapeRef();
        int cols = Shape.inner(s, 0);
        int[] is = idx.shapeRef();
        int[] out = new int[is.length + s.length - 1];
        System.arraycopy(is, 0, out, 0, is.length);
        System.arraycopy(s, 1, out, is.length, s.length - 1);
        Tensor y = Tensor.result(out, x);
        x.backend.gatherRows(x.buffer(), s[0], idx.buffer(), y.buffer(), idx.size, cols, false);
        y.setBackward(() -> x.backend.scatterAddRows(y.gradBuffer(), idx.buffer(), idx.size, cols, x.gradBuffer(), s[0]));
        return y;
    }

    /**
     * Sums rows of src (rows, ...) into {@code outRows} rows by index: out[idx[i]] += src[i]. This is the aggregation
     * of message passing (each edge's message added to its target node).
     */
    public static Tensor scatterAddRows(Tensor src, Tensor idx, int outRows) {
        int[] s = src.shapeRef();
        if (idx.size != s[0]) throw new IllegalArgumentException("one index per row of " + src.describe());
        int cols = Shape.inner(s, 0);
        int[] out = s.clone();
        out[0] = outRows;
        Tensor y = Tensor.result(out, src);
        src.backend.fill(y.buffer(), 0f);
        src.backend.scatterAddRows(src.buffer(), idx.buffer(), s[0], cols, y.buffer(), outRows);
        y.setBackward(() -> src.backend.gatherRows(y.gradBuffer(), outRows, idx.buffer(), src.gradBuffer(), s[0], cols,
                true));
        return y;
    }
}
