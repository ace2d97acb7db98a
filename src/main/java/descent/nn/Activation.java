package descent.nn;

import descent.tensor.Tensor;

/** Pointwise nonlinearities by name, with the init gain each wants (He et al. 2015; PyTorch's calculate_gain). */
public enum Activation {
    RELU(Math.sqrt(2)), LEAKY_RELU(Math.sqrt(2 / (1 + 0.01 * 0.01))), TANH(5.0 / 3), SIGMOID(1), GELU(Math.sqrt(2)),
    SILU(Math.sqrt(2)), SOFTPLUS(1), IDENTITY(1);

    public final double gain;

    Activation(double gain) {
        this.gain = gain;
    }

    public Tensor apply(Tensor x) {
        switch (this) {
            case RELU: return x.relu();
            case LEAKY_RELU: return x.leakyRelu(0.01f);
            case TANH: return x.tanh();
            case SIGMOID: return x.sigmoid();
            case GELU: return x.gelu();
            case SILU: return x.silu();
            case SOFTPLUS: return x.softplus();
            default: return x;
        }
    }
}
