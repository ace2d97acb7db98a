package descent.nn;

import descent.tensor.Backend;
import descent.tensor.Norms;
import descent.tensor.Tensor;

/** RMS normalisation over the last axis with a learned gain, no centring (Zhang and Sennrich 2019). */
public final class RmsNorm extends Module {
    public final Parameter gain; // (D)
    private final float eps;

    public RmsNorm(Backend be, String name, int d) {
        super(be, name);
        this.eps = 1e-6f;
        gain = param("gain", Role.NORM, Tensor.full(be, 1f, d), 1, d, 1f);
    }

    @Override
    public Tensor forward(Tensor x) {
        return Norms.rmsNorm(x, eps).mul(gain.value);
    }
}
