package descent.nn;

import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Tensor;

/** y = x W + b, with W stored (in, out) so a batch (N, in) multiplies without a transpose. */
public final class Linear extends Module {
    public final int in, out;
    public final Parameter weight; // (in, out)
    public final Parameter bias;   // (out), or null

    public Linear(Backend be, Rng rng, String name, int in, int out, Role role, boolean bias, Parametrization pz,
                  double gain) {
        super(be, name);
        this.in = in;
        this.out = out;
        double std = pz.initStd(role, in, out, gain);
        weight = param("weight", role, Tensor.of(be, rng.normals(in * out, std), in, out), in, out,
                pz.lrScale(role, in, out));
        this.bias = bias ? param("bias", Role.BIAS, Tensor.zeros(be, out), 1, out, pz.lrScale(Role.BIAS, 1, out)) : null;
    }

    public Linear(Backend be, Rng rng, String name, int in, int out) {
        this(be, rng, name, in, out, Role.HIDDEN, true, Parametrization.standard(), 1);
    }

    /** x (..., in) to (..., out). */
    @Override
    public Tensor forward(Tensor x) {
        Tensor y = x.rank() == 2 ? x.matmul(weight.value) : x.reshape(-1, in).matmul(weight.value);
        if (bias != null) y = y.add(bias.value);
        if (x.rank() != 2) {
            int[] s = x.shape();
            s[s.length - 1] = out;
            y = y.reshape(s);
        }
        return y;
    }
}
