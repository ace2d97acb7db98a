package descent.tensor;

/**
 * A handle to device storage of {@code length} float32 values, owned by one {@link Backend}.
 * The engine never looks inside: the CPU backend keeps a {@code float[]}, the WebGPU backend a GPUBuffer.
 */
public abstract class Buffer {
    public final int length;

    protected Buffer(int length) {
        this.length = length;
    }
}
