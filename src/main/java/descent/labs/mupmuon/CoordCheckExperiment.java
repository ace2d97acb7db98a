package descent.labs.mupmuon;

import descent.data.Dataset;
import descent.data.TinyImages;
import descent.nn.Parametrization;
import descent.optim.Adam;
import descent.optim.Optimizer;
import descent.optim.Sgd;
import descent.tensor.Autograd;
import descent.tensor.Backend;
import descent.tensor.Losses;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;

/**
 * The coordinate check of Tensor Programs V (Appendix D.1, "coord check"): train networks of growing width for a
 * few steps at one fixed learning rate and measure the typical size (RMS) of each layer's coordinates, and of how
 * far they moved since initialisation. Under standard parametrisation the moves grow with width (a wider layer sums
 * more correlated updates) until training blows up; under muP every curve is flat. The quickest test that a muP
 * implementation is right, and the reason its learning rates transfer.
 */
public final class CoordCheckExperiment {
    public record Config(int[] widths, double lr, int steps, boolean norm, boolean adam, int baseWidth, int batch,
                         long seed) {
    }

    public static final int LAYERS = CoordNet.LAYERS;
    public static final String[] LAYER_NAMES = {"hidden 1", "hidden 2", "hidden 3", "logits"};
    public final Config config;
    /**
     * rms[muP ? 1 : 0][width][step][k]: RMS of coordinates on the probe batch, NaN until measured. k = 0..3 are the
     * four layers' linear outputs z (the last is the logits), k = 4..6 the three hidden layers' outputs after the
     * ReLU (and the norm), which is what the next layer sees.
     */
    public final double[][][][] rms;
    /** moved[...][k]: RMS of (coordinates now − coordinates at step 0), same k. */
    public final double[][][][] moved;
    /** Measured quantities per step: {@link #LAYERS} linear outputs, then {@link #LAYERS} − 1 post-activations. */
    public static final int MEASURES = 2 * LAYERS - 1;
    private final Backend be;
    private final Tensor x, y;
    private int run, step;
    private CoordNet net;
    private Optimizer opt;
    private Tensor[] initial;

    public CoordCheckExperiment(Backend be, Config c) {
        this.be = be;
        this.config = c;
        Dataset d = WidthSweepExperiment.pooled(TinyImages.digits(c.batch, 16, 0.1, c.seed)); // as the sweep sees them
        x = Tensor.of(be, d.x, d.n, d.d).persistent();
        y = Tensor.indices(be, d.labels).persistent();
        rms = new double[2][c.widths.length][c.steps + 1][MEASURES];
        moved = new double[2][c.widths.length][c.steps + 1][MEASURES];
        for (double[][][] a : rms) for (double[][] b : a) for (double[] v : b) java.util.Arrays.fill(v, Double.NaN);
        for (double[][][] a : moved) for (double[][] b : a) for (double[] v : b) java.util.Arrays.fill(v, Double.NaN);
    }

    /** Runs go width by width, standard first: run r is width r / 2, muP if r is odd. */
    private int runs() {
        return 2 * config.widths.length;
    }

    public boolean done() {
        return run >= runs();
    }

    /** One unit: build a run's network (and measure step 0), or take one training step and measure. */
    public boolean step() {
        if (done()) return false;
        boolean muP = run % 2 == 1;
        int w = run / 2;
        if (net == null) {
            Parametrization pz = muP ? Parametrization.muP(config.baseWidth, !config.adam) : Parametrization.standard();
            net = new CoordNet(be, new Rng(config.seed), x.dim(1), config.widths[w], 10, pz, config.norm);
            opt = config.adam ? new Adam(net.parameters(), (float) config.lr)
                    : new Sgd(net.parameters(), (float) config.lr);
            initial = new Tensor[MEASURES];
            step = 0;
            measure(muP, w);
            return true;
        }
        try (Scope s = Scope.open()) {
            opt.zeroGrad();
            Losses.crossEntropy(net.forward(x), y).backward();
            opt.step();
        }
        step++;
        measure(muP, w);
        if (step == config.steps) {
            for (var p : net.parameters()) p.value.release();
            opt.reset();
            for (Tensor t : initial) t.release();
            net = null;
            run++;
        }
        return true;
    }

    /** RMS of every layer and of its move since step 0, as one small device tensor read once. */
    private void measure(boolean muP, int w) {
        float[] v;
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            Tensor[] h = net.activations(x);
            Tensor[] parts = new Tensor[2 * MEASURES];
            for (int l = 0; l < MEASURES; l++) {
                if (step == 0) {
                    initial[l] = Tensor.zeros(be, h[l].shape()).persistent();
                    be.copy(h[l].buffer(), initial[l].buffer(), h[l].size, false);
                }
                parts[2 * l] = h[l].square().mean().reshape(1);
                parts[2 * l + 1] = h[l].sub(initial[l]).square().mean().reshape(1);
            }
            v = descent.tensor.Layout.concat(0, parts).toHost();
        }
        int p = muP ? 1 : 0;
        for (int l = 0; l < MEASURES; l++) {
            rms[p][w][step][l] = Math.sqrt(v[2 * l]);
            moved[p][w][step][l] = Math.sqrt(v[2 * l + 1]);
        }
    }

    /** Fraction of units done. */
    public double progress() {
        return (double) (run * (config.steps + 1) + (net == null ? 0 : step + 1)) / (runs() * (config.steps + 1));
    }

    public void release() {
        if (net != null) {
            for (var p : net.parameters()) p.value.release();
            opt.reset();
            for (Tensor t : initial) if (t != null) t.release();
            net = null;
        }
        x.release();
        y.release();
    }
}
