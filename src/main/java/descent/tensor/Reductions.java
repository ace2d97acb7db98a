package descent.tensor;

/** Sums, means and maxima along an axis, and softmax / log-softmax, with their backward rules. */
public final class Reductions {
    private Reductions() {}

    /** Reduces every element to a scalar of shape (). */
    public static Tensor all(Reduce op, Tensor x) {
        Tensor y = Tensor.result(new int[0], x);
        x.backend.reduce(op, x.buffer(), y.buffer(), 1, x.size, 1);
        y.setBackward(() -> x.backend.reduceBackward(op, x.buffer(), y.buffer(), y.gradBuffer(), x.gradBuffer(),
                1, x.size, 1));
        return y;
    }

    public static Tensor along(Reduce op, Tensor x, int axis, boolean keepDim) {
        int[] s = x.shapeRef();
        int ax = Shape.axis(s, axis);
        int outer = Shape.outer(s, ax), n = s[ax], inner = Shape.inner(s, ax);
        Tensor y = Tensor.result(Shape.reduced(s, ax, keepDim), x);
        x.backend.reduce(op, x.buffer(), y.buffer(), outer, n, inner);
        y.setBackward(() -> x.backend.reduceBackward(op, x.buffer(), y.buffer(), y.gradBuffer(), x.gradBuffer(),
                outer, n, inner));
        return y;
    }

    public static Tensor softmax(Tensor x, int axis, boolean log) {
        int[] s = x.shapeRef();
        int ax = Shape.axis(s, axis);
        int outer = Shape.outer(s, ax), n = s[ax], inner = Shape.inner(s, ax);
        Tensor y = Tensor.result(s.clone(), x);
        x.backend.softmax(x.buffer(), y.buffer(), outer, n, inner, log, 0);
        y.setBackward(() -> x.backend.softmaxBackward(y.buffer(), y.gradBuffer(), x.gradBuffer(), outer, n, inner, log));
        return y;
    }

    /**
     * Softmax over the last axis of scores (..., T, T) where query t sees keys 0..t only: the attention weights of a
     * causal model. Masked entries are exactly 0 and get no gradient.
     */
    public static Tensor causalSoftmax(Tensor scores) {
        int[] s = scores.shapeRef();
        int t = s[s.length - 1];
        if (s.length < 2 || s[s.length - 2] != t) {
            throw new IllegalArgumentException("causal softmax needs square (..., T, T) scores, got " + scores.describe());
        }
        int rows = scores.size / t;
        Tensor y = Tensor.result(s.clone(), scores);
        scores.backend.softmax(scores.buffer(), y.buffer(), rows, t, 1, false, t);
        y.setBackward(() -> scores.backend.softmaxBackward(y.buffer(), y.gradBuffer(), scores.gradBuffer(), rows, t, 1,
                false));
        return y;
    }
}
