package descent.tensor;

/** Scalar losses, each the mean over examples. */
public final class Losses {
    private Losses() {}

    /**
     * Cross-entropy of logits (N, K) against class indices (N): mean of -log softmax(logits)[n, y_n], fused so the
     * backward is the familiar (softmax - onehot) / N.
     */
    public static Tensor crossEntropy(Tensor logits, Tensor target) {
        int[] s = logits.shapeRef();
        if (s.length != 2) throw new IllegalArgumentException("cross-entropy wants (N, K) logits, got " + logits.describe());
        int rows = s[0], classes = s[1];
        if (target.size != rows) throw new IllegalArgumentException("need " + rows + " targets, got " + target.describe());
        Tensor loss = Tensor.result(new int[0], logits);
        Backend be = logits.backend;
        be.crossEntropy(logits.buffer(), target.buffer(), loss.buffer(), rows, classes);
        loss.setBackward(() -> be.crossEntropyBackward(logits.buffer(), target.buffer(), loss.gradBuffer(),
                logits.gradBuffer(), rows, classes));
        return loss;
    }

    /** Binary cross-entropy of logits z against targets t in [0, 1], same shapes; stable for large |z|. */
    public static Tensor bceWithLogits(Tensor logits, Tensor target) {
        if (logits.size != target.size) {
            throw new IllegalArgumentException("bce: " + logits.describe() + " vs targets " + target.describe());
        }
        Tensor loss = Tensor.result(new int[0], logits);
        Backend be = logits.backend;
        int n = logits.size;
        be.bceWithLogits(logits.buffer(), target.buffer(), loss.buffer(), n);
        loss.setBackward(() -> be.bceWithLogitsBackward(logits.buffer(), target.buffer(), loss.gradBuffer(),
                logits.gradBuffer(), n));
        return loss;
    }

    /** Mean squared error, composed from sub, square and mean. */
    public static Tensor mse(Tensor prediction, Tensor target) {
        return prediction.sub(target).square().mean();
    }
}
