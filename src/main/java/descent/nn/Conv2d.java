package descent.nn;

import descent.tensor.Backend;
import descent.tensor.Images;
import descent.tensor.Rng;
import descent.tensor.Tensor;

/** A 2-D convolution layer over (N, C, H, W) with a k x k kernel, stride and zero padding. */
public final class Conv2d extends Module {
    public final int cin, cout, k, stride, pad;
    public final Parameter weight; // (Cout, Cin, k, k)
    public final Parameter bias;   // (Cout), or null

    public Conv2d(Backend be, Rng rng, String name, int cin, int cout, int k, int stride, int pad, boolean bias,
                  Role role, Parametrization pz, double gain) {
        super(be, name);
        this.cin = cin;
        this.cout = cout;
        this.k = k;
        this.stride = stride;
        this.pad = pad;
        int fanIn = cin * k * k, fanOut = cout * k * k;
        double std = pz.initStd(role, fanIn, fanOut, gain);
        weight = param("weight", role, Tensor.of(be, rng.normals(cout * fanIn, std), cout, cin, k, k), fanIn, fanOut,
                pz.lrScale(role, fanIn, fanOut));
        this.bias = bias ? param("bias", Role.BIAS, Tensor.zeros(be, cout), 1, cout, 1f) : null;
    }

    /** A hidden-role 3 x 3 "same" convolution with ReLU gain, the common case. */
    public Conv2d(Backend be, Rng rng, String name, int cin, int cout) {
        this(be, rng, name, cin, cout, 3, 1, 1, true, Role.HIDDEN, Parametrization.standard(), Math.sqrt(2));
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = Images.conv2d(x, weight.value, stride, pad);
        return bias == null ? y : y.add(bias.value.reshape(cout, 1, 1));
    }
}
