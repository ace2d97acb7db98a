package descent.nn;

import descent.tensor.Backend;
import descent.tensor.Norms;
import descent.tensor.Tensor;

/** Layer normalisation over the last axis with a learned gain and shift (Ba, Kiros and Hinton 2016). */
public final class LayerNorm extends Module {
    public final Parameter gain;  // (D)
    public final Parameter shift; // (D)
    private final float eps;

    public LayerNorm(Backend be, String name, int d) {
        super(be, name);
        this.eps = 1e-5f;
        gain = param("gain", Role.NORM, Tensor.full(be, 1f, d), 1, d, 1f);
        shift = param("shift", Role.BIAS, Tensor.zeros(be, d), 1, d, 1f);
    }

    @Override
    public Tensor forward(Tensor x) {
        return Norms.layerNorm(x, eps).mul(gain.value).add(shift.value);
    }
}
