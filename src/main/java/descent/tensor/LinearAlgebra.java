package descent.tensor;

/** Matrix products with their backward rules: for C = A B, dA = dC B^T and dB = A^T dC. */
public final class LinearAlgebra {
    private LinearAlgebra() {}

    /**
     * a (..., m, k) times b (..., k, n) or b (k, n). Batch axes of a and b must match exactly, or b is 2-D and
     * shared across the batch (a linear layer applied to a sequence).
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        int[] as = a.shapeRef(), bs = b.shapeRef();
        if (as.length < 2 || bs.length < 2) {
            throw new IllegalArgumentException("matmul needs matrices, got " + a.describe() + " and " + b.describe());
        }
        int m = as[as.length - 2], k = as[as.length - 1];
        int k2 = bs[bs.length - 2], n = bs[bs.length - 1];
        if (k != k2) throw new IllegalArgumentException("matmul inner sizes differ: " + a.describe() + " @ " + b.describe());
        int batch = Shape.outer(as, as.length - 2);
        boolean shared = bs.length == 2;
        if (!shared) {
            if (bs.length != as.length || Shape.outer(bs, bs.length - 2) != batch) {
                throw new IllegalArgumentException("matmul batch axes differ: " + a.describe() + " @ " + b.describe());
            }
            for (int i = 0; i < as.length - 2; i++) {
                if (as[i] != bs[i]) throw new IllegalArgumentException("matmul batch axes differ: "
                        + a.describe() + " @ " + b.describe());
            }
        }
        int[] out = as.clone();
        out[out.length - 1] = n;
        int strideB = shared ? 0 : k * n;
        Tensor c = Tensor.result(out, a, b);
        Backend be = a.backend;
        be.matmul(a.buffer(), b.buffer(), c.buffer(), batch, m, k, n, false, false, m * k, strideB, false);
        c.setBackward(() -> {
            if (a.requiresGrad()) {
                // dA (m, k) += dC (m, n) B^T
                be.matmul(c.gradBuffer(), b.buffer(), a.gradBuffer(), batch, m, n, k, false, true, m * n, strideB, true);
            }
            if (b.requiresGrad()) {
                if (shared) {
                    // a shared B collects A^T dC over the whole batch: one (k, batch*m) x (batch*m, n) product
                    be.matmul(a.buffer(), c.gradBuffer(), b.gradBuffer(), 1, k, batch * m, n, true, false, 0, 0, true);
                } else {
                    be.matmul(a.buffer(), c.gradBuffer(), b.gradBuffer(), batch, k, m, n, true, false, m * k, m * n, true);
                }
            }
        });
        return c;
    }
}
