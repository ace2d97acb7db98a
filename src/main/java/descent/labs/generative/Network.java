package descent.labs.generative;

import descent.tensor.Tensor;

/** A time-conditioned network on flattened samples: x (N, D) and times t (N) in [0, 1] to an output (N, D). */
@FunctionalInterface
public interface Network {
    Tensor apply(Tensor x, float[] t);
}
