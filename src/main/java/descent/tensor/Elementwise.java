package descent.tensor;

/** Elementwise ops with their backward rules; binary ops broadcast by NumPy's rule. */
public final class Elementwise {
    private Elementwise() {}

    public static Tensor unary(Unary op, float alpha, Tensor x) {
        Tensor y = Tensor.result(x.shapeRef().clone(), x);
        x.backend.unary(op, alpha, x.buffer(), y.buffer(), x.size);
        y.setBackward(() -> x.backend.unaryBackward(op, alpha, x.buffer(), y.buffer(), y.gradBuffer(),
                x.gradBuffer(), x.size));
        return y;
    }

    public static Tensor binary(Binary op, Tensor a, Tensor b) {
        if (a.backend != b.backend) throw new IllegalArgumentException("operands live on different backends");
        int[] out = Shape.broadcast(a.shapeRef(), b.shapeRef());
        int[] sa = Shape.broadcastStrides(a.shapeRef(), out);
        int[] sb = Shape.broadcastStrides(b.shapeRef(), out);
        Tensor y = Tensor.result(out, a, b);
        a.backend.binary(op, a.buffer(), sa, b.buffer(), sb, y.buffer(), out);
        y.setBackward(() -> a.backend.binaryBackward(op, a.buffer(), sa, b.buffer(), sb, y.gradBuffer(), out,
                a.requiresGrad() ? a.gradBuffer() : null, b.requiresGrad() ? b.gradBuffer() : null));
        return y;
    }

    /**
     * Inverted dropout with a seeded, counter-based mask: the same seed drops the same units on every backend. In
     * evaluation ({@code p == 0}) it is the identity.
     */
    public static Tensor dropout(Tensor x, float p, long seed) {
        if (p < 0f || p >= 1f) throw new IllegalArgumentException("dropout probability must be in [0, 1): " + p);
        if (p == 0f) return x;
        Tensor y = Tensor.result(x.shapeRef().clone(), x);
        x.backend.dropout(x.buffer(), y.buffer(), x.size, p, seed);
        y.setBackward(() -> x.backend.dropoutBackward(y.gradBuffer(), x.gradBuffer(), x.size, p, seed));
        return y;
    }
}
