package descent.optim;

import descent.nn.Parameter;
import descent.tensor.Autograd;
import descent.tensor.Binary;
import descent.tensor.Shape;
import descent.tensor.Tensor;
import java.util.List;

/** Gradient clipping by global norm (Pascanu, Mikolov and Bengio 2013), computed on the backend. */
public final class Clip {
    private Clip() {}

    /**
     * Scales all gradients by min(1, maxNorm / ||g||) where ||g|| is the norm of all gradients together, and returns
     * that norm as a device scalar (read it with {@code item()} only when showing it).
     */
    public static Tensor globalNorm(List<Parameter> params, float maxNorm) {
        try (Autograd.NoGrad g = Autograd.noGrad()) {
            Tensor total = null;
            for (Parameter p : params) {
                if (!p.value.hasGrad()) continue;
                Tensor s = p.value.grad().square().sum();
                total = total == null ? s : total.add(s);
            }
            if (total == null) return null;
            Tensor norm = total.sqrt();
            // maxNorm / max(norm, maxNorm) is 1 below the threshold and shrinks the step above it
            Tensor scale = norm.clampMin(maxNorm).reciprocal(maxNorm);
            for (Parameter p : params) {
                if (!p.value.hasGrad()) continue;
                int[] shape = p.value.shape();
                p.value.backend.binary(Binary.MUL, p.value.gradBuffer(), Shape.strides(shape), scale.buffer(),
                        new int[shape.length], p.value.gradBuffer(), shape);
            }
            return norm;
        }
    }
}
