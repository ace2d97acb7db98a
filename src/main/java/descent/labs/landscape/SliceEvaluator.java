package descent.labs.landscape;

/**
 * Evaluates the loss of one fixed dataset at many points of a plane through parameter space,
 * theta(a, b) = center + a d1 + b d2, in batches: the CPU path loads each point into a probe network in turn, the
 * WebGPU path evaluates a whole batch of perturbed parameter vectors in one dispatch. Both compute the same numbers.
 */
public interface SliceEvaluator {
    /**
     * Fixes the plane for the following calls. The arrays are kept and must not change while in use; passing the same
     * arrays again is free (a GPU uploads a plane once).
     */
    void plane(float[] center, float[] d1, float[] d2);

    /** out[i] = loss(theta(a[i], b[i])) for i < n. */
    void evaluate(float[] a, float[] b, int n, float[] out);

    /** How many points one {@link #evaluate} call should carry: a few on the CPU (one frame's work), many on a GPU. */
    int batchHint();

    /** "cpu" or "webgpu". */
    String path();

    /** Frees device memory. */
    default void release() {
    }
}
