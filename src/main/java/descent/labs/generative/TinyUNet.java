package descent.labs.generative;

import descent.nn.Conv2d;
import descent.nn.Linear;
import descent.nn.Parameter;
import descent.nn.Parametrization;
import descent.nn.Role;
import descent.tensor.Backend;
import descent.tensor.Images;
import descent.tensor.Layout;
import descent.tensor.Rng;
import descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The smallest U-Net (Ronneberger et al. 2015) that still is one, as the noise predictor for 16×16 images: one level
 * down and back up, with a skip connection that carries the full-resolution features across. The noise level enters
 * every block as a per-channel shift computed from the time features (as in Ho et al. 2020's residual blocks).
 * <pre>
 *   x (N, 1, 16, 16) ─ conv → e1 (C, 16×16) ─ pool → conv → e2 (2C, 8×8) ─ conv → m (2C, 8×8) ─ conv → (C, 8×8)
 *                       │                                                                     upsample ×2
 *                       └──────────────── concat ─────────────────────────────────────────── (2C, 16×16)
 *                                                                           conv → d (C, 16×16) ─ conv → ε̂ (1, 16×16)
 * </pre>
 */
public final class TinyUNet {
    public final int size, channels;
    private final Backend be;
    private final Conv2d in, down, mid, up, fuse, out;
    private final Linear t1, t2, t3;
    private final List<Parameter> params = new ArrayList<>();

    public TinyUNet(Backend be, Rng rng, int size, int channels) {
        if (size % 2 != 0) throw new IllegalArgumentException("the U-Net halves the image: size must be even");
        this.be = be;
        this.size = size;
        this.channels = channels;
        int c = channels;
        in = conv(be, rng, "in", 1, c);
        down = conv(be, rng, "down", c, 2 * c);
        mid = conv(be, rng, "mid", 2 * c, 2 * c);
        up = conv(be, rng, "up", 2 * c, c);
        fuse = conv(be, rng, "fuse", 2 * c, c);
        // the output layer starts small, so the first predictions are near zero rather than large random noise
        out = new Conv2d(be, rng, "out", c, 1, 3, 1, 1, true, Role.OUTPUT, Parametrization.standard(), 0.1);
        params.addAll(out.parameters());
        t1 = time(be, rng, "t1", c);
        t2 = time(be, rng, "t2", 2 * c);
        t3 = time(be, rng, "t3", c);
    }

    private Conv2d conv(Backend be, Rng rng, String name, int cin, int cout) {
        Conv2d m = new Conv2d(be, rng, name, cin, cout);
        params.addAll(m.parameters());
        return m;
    }

    private Linear time(Backend be, Rng rng, String name, int c) {
        Linear m = new Linear(be, rng, name, TimeMlp.FEATURES, c);
        params.addAll(m.parameters());
        return m;
    }

    /** x (N, S²) flattened images and times t (N) in [0, 1] to ε̂ (N, S²). */
    public Tensor forward(Tensor flat, float[] t) {
        int n = flat.dim(0), s = size;
        Tensor x = flat.reshape(n, 1, s, s);
        Tensor feats = Tensor.of(be, TimeMlp.timeFeatures(t), n, TimeMlp.FEATURES);
        Tensor e1 = in.forward(x).add(shift(t1, feats, n)).silu();                           // (N, C, S, S)
        Tensor e2 = down.forward(Images.avgPool2d(e1, 2, 2)).add(shift(t2, feats, n)).silu(); // (N, 2C, S/2, S/2)
        Tensor m = mid.forward(e2).silu();
        Tensor u = Images.upsample(up.forward(m).silu(), 2);                                // (N, C, S, S)
        Tensor d = fuse.forward(Layout.concat(1, u, e1)).add(shift(t3, feats, n)).silu();
        return out.forward(d).reshape(n, s * s);
    }

    /** A per-channel shift from the time features, shaped (N, C, 1, 1) to broadcast over the image. */
    private static Tensor shift(Linear proj, Tensor feats, int n) {
        return proj.forward(feats).reshape(n, proj.out, 1, 1);
    }

    public List<Parameter> parameters() {
        return params;
    }

    public int parameterCount() {
        int k = 0;
        for (Parameter p : params) k += p.size();
        return k;
    }
}
