package descent.tensor;

/**
 * An optimizer's elementwise update, run as one backend call per parameter tensor.
 *
 * <p>The CPU backend calls {@link #apply} on its own arrays; the WebGPU backend looks up the kernel called
 * {@link #kernel()} (e.g. {@code adam.wgsl}) and binds {@code hyper} as uniforms, the parameter, its gradient and
 * {@link #stateCount()} state buffers as storage. Each optimizer keeps its rule in its own file so the paper's update
 * and its CPU reference sit together.
 */
public interface UpdateRule {
    /** Name of the GPU kernel that implements the same rule. */
    String kernel();

    /** How many state tensors of the parameter's size the rule keeps (momentum, second moment, ...). */
    int stateCount();

    /**
     * Updates {@code p[0..n)} in place from gradient {@code g} and state {@code s[i][0..n)}.
     * {@code h} holds the scalar hyperparameters in the order the optimizer documents.
     */
    void apply(float[] h, float[] p, float[] g, float[][] s, int n);
}
