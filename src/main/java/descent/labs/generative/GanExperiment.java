package descent.labs.generative;

import descent.nn.Activation;
import descent.nn.Mlp;
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
 * A GAN on 2-D data (Goodfellow et al. 2014), laid open the way GAN Lab shows it (Kahng et al. 2019): a generator G
 * maps 2-D uniform noise z to points, a discriminator D scores points as real or fake. One iteration trains D for
 * {@code dSteps} batches, then G for one, each with its own optimizer and learning rate.
 * <pre>
 *   log loss:      L_D = -log D(x) - log(1 - D(G(z)))      L_G = -log D(G(z))   (the non-saturating G loss)
 *   least squares: L_D = ½(D(x) - 1)² + ½ D(G(z))²         L_G = ½(D(G(z)) - 1)²  (Mao et al. 2017)
 * </pre>
 * The lab draws D's verdict over the plane, G's image of the latent square (its manifold), and on each fake point
 * the gradient -∂L_G/∂x: the direction D tells G to move it.
 */
public final class GanExperiment implements Training {
    public enum Loss { LOG, LEAST_SQUARES }
    public enum Opt { SGD, ADAM }

    public static final int TRAIN_POINTS = 2000;
    /** Fixed latent points whose images the lab draws, so fakes move smoothly from step to step. */
    public static final int SHOWN = 400;
    public static final int LATENT = 2;

    public static final class Config {
        public Data2D.Kind data = Data2D.Kind.GAUSSIANS;
        public float[] drawn;
        public int width = 64;
        public int hiddenLayers = 2;
        public Opt gOpt = Opt.ADAM, dOpt = Opt.ADAM;
        public double gLr = 1e-3, dLr = 1e-3;
        public int dSteps = 1;
        public Loss loss = Loss.LOG;
        public int batch = 128;
        public long seed = 1;
        /** Losses are read back every this many iterations (see {@link DiffusionExperiment.Config#statsEvery}). */
        public int statsEvery = 1;
    }

    public final Config config;
    public final Mlp generator, discriminator;
    public final float[] data;
    public final float[] shownLatent; // (SHOWN, 2)
    public final Series dLoss = new Series(), gLoss = new Series(), quality = new Series();
    public final double dataVsData;
    private final Backend be;
    private final Optimizer gOptimizer, dOptimizer;
    private final Rng rng;
    private final float[] reference;
    private final float[] qualityLatent;
    private long steps;
    private String divergence;

    public GanExperiment(Backend be, Config config) {
        this.be = be;
        this.config = config;
        Rng root = new Rng(config.seed);
        Data2D.Split split = Data2D.split(config.data, config.drawn, TRAIN_POINTS, root);
        data = split.train();
        reference = split.reference();
        dataVsData = split.floor();
        int[] g = sizes(LATENT, config.width, config.hiddenLayers, 2), d = sizes(2, config.width, config.hiddenLayers, 1);
        // leaky ReLU keeps gradients flowing through D to the fakes even where units are off
        generator = new Mlp(be, root.fork(), new Mlp.Config().sizes(g).activation(Activation.LEAKY_RELU));
        discriminator = new Mlp(be, root.fork(), new Mlp.Config().sizes(d).activation(Activation.LEAKY_RELU));
        gOptimizer = optimizer(config.gOpt, generator, config.gLr);
        dOptimizer = optimizer(config.dOpt, discriminator, config.dLr);
        rng = root.fork();
        shownLatent = rng.uniforms(SHOWN * LATENT, -1, 1);
        qualityLatent = root.fork().uniforms(QualityProbe.POINTS * LATENT, -1, 1);
        quality.add(0, distanceToData());
    }

    private static int[] sizes(int in, int width, int hidden, int out) {
        int[] s = new int[hidden + 2];
        s[0] = in;
        for (int i = 1; i <= hidden; i++) s[i] = width;
        s[hidden + 1] = out;
        return s;
    }

    private static Optimizer optimizer(Opt o, Mlp net, double lr) {
        if (o == Opt.SGD) return new Sgd(net.parameters(), (float) lr);
        Adam a = new Adam(net.parameters(), (float) lr);
        a.beta1 = 0.5f; // the DCGAN setting (Radford et al. 2016): less momentum, fewer oscillations
        return a;
    }

    /** One iteration: {@code dSteps} discriminator updates, then one generator update. */
    @Override
    public void step() {
        if (divergence != null) return;
        boolean stats = StatsCadence.reads(steps + 1, config.statsEvery);
        double d = 0;
        for (int k = 0; k < config.dSteps; k++) d = discriminatorStep(stats && k == config.dSteps - 1);
        double g = generatorStep(stats);
        steps++;
        if (!stats) return;
        if (!Double.isFinite(d) || !Double.isFinite(g)) {
            divergence = "A loss became NaN at iteration " + steps + " \u2014 try smaller learning rates, then Reset.";
            return;
        }
        dLoss.add(steps, d);
        gLoss.add(steps, g);
        if (steps % 50 == 0) quality.add(steps, distanceToData());
    }

    /** One discriminator update on a batch of real and fake points; returns L_D. */
    public double stepDiscriminator() {
        return discriminatorStep(true);
    }

    /** One generator update through the (fixed) discriminator; returns L_G. */
    public double stepGenerator() {
        return generatorStep(true);
    }

    /** A discriminator update; the loss is read back (a device wait on a GPU) only if asked, else NaN. */
    private double discriminatorStep(boolean read) {
        int bs = config.batch;
        float[] real = new float[bs * 2];
        for (int i = 0; i < bs; i++) {
            int j = rng.nextInt(TRAIN_POINTS);
            real[2 * i] = data[2 * j];
            real[2 * i + 1] = data[2 * j + 1];
        }
        try (Scope s = Scope.open()) {
            Tensor fake;
            try (Autograd.NoGrad ng = Autograd.noGrad()) {
                fake = generator.forward(latent(bs));
            }
            Tensor onReal = discriminator.forward(Tensor.of(be, real, bs, 2));
            Tensor onFake = discriminator.forward(fake);
            Tensor loss = config.loss == Loss.LOG
                    ? Losses.bceWithLogits(onReal, Tensor.full(be, 1f, bs, 1))
                            .add(Losses.bceWithLogits(onFake, Tensor.zeros(be, bs, 1)))
                    : onReal.sub(1f).square().mean().add(onFake.square().mean()).mul(0.5f);
            dOptimizer.zeroGrad();
            loss.backward();
            dOptimizer.learningRate((float) config.dLr);
            dOptimizer.step();
            return read ? loss.item() : Double.NaN;
        }
    }

    private double generatorStep(boolean read) {
        int bs = config.batch;
        try (Scope s = Scope.open()) {
            Tensor loss = generatorLoss(discriminator.forward(generator.forward(latent(bs))), bs);
            gOptimizer.zeroGrad();
            loss.backward();
            gOptimizer.learningRate((float) config.gLr);
            gOptimizer.step();
            return read ? loss.item() : Double.NaN;
        }
    }

    private Tensor generatorLoss(Tensor onFake, int n) {
        return config.loss == Loss.LOG ? Losses.bceWithLogits(onFake, Tensor.full(be, 1f, n, 1))
                : onFake.sub(1f).square().mean().mul(0.5f);
    }

    private Tensor latent(int n) {
        return Tensor.of(be, rng.uniforms(n * LATENT, -1, 1), n, LATENT);
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public String divergence() {
        return divergence;
    }

    /** G applied to latent points (N, 2). */
    public float[] generate(float[] z) {
        int n = z.length / LATENT;
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            return generator.forward(Tensor.of(be, z, n, LATENT)).toHost();
        }
    }

    /** D's belief that each point (N, 2) is real, in [0, 1] (for least squares, D's output clamped to [0, 1]). */
    public float[] realness(float[] pts) {
        int n = pts.length / 2;
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            Tensor out = discriminator.forward(Tensor.of(be, pts, n, 2));
            float[] v = (config.loss == Loss.LOG ? out.sigmoid() : out).toHost();
            for (int i = 0; i < n; i++) v[i] = Math.max(0f, Math.min(1f, v[i]));
            return v;
        }
    }

    /**
     * -∂L_G/∂x at each fake point (N, 2), scaled by N so it does not shrink with the number of points: where the
     * discriminator pushes each fake. The fakes are a leaf here, so the gradient stops at them.
     */
    public float[] fakeGradients(float[] fakes) {
        int n = fakes.length / 2;
        try (Scope s = Scope.open()) {
            Tensor x = Tensor.of(be, fakes, n, 2).requireGrad();
            generatorLoss(discriminator.forward(x), n).backward();
            float[] g = x.grad().toHost();
            dOptimizer.zeroGrad(); // the backward pass also reached D's weights; its next step starts clean
            for (int i = 0; i < g.length; i++) g[i] *= -n;
            return g;
        }
    }

    /** Sliced Wasserstein distance from generated points to held-out data. */
    public double distanceToData() {
        float[] fakes = generate(qualityLatent);
        return SlicedWasserstein.finite(fakes) ? SlicedWasserstein.distance(fakes, reference) : Double.NaN;
    }

    /**
     * For the mixture of Gaussians: how many of the 8 modes hold at least a quarter of their fair share of the
     * generated points (within 3 standard deviations). Mode collapse shows as this number dropping.
     */
    public int modesCovered(float[] fakes) {
        float[] c = Data2D.gaussianModes();
        double r = 3 * 0.08 * Data2D.SCALE;
        int n = fakes.length / 2, covered = 0;
        for (int k = 0; k < 8; k++) {
            int in = 0;
            for (int i = 0; i < n; i++) {
                double dx = fakes[2 * i] - c[2 * k], dy = fakes[2 * i + 1] - c[2 * k + 1];
                if (dx * dx + dy * dy < r * r) in++;
            }
            if (in * 8 * 4 >= n) covered++;
        }
        return covered;
    }

    /** The live knobs: learning rates and D steps apply from the next iteration. */
    public void live(double gLr, double dLr, int dSteps) {
        config.gLr = gLr;
        config.dLr = dLr;
        config.dSteps = dSteps;
    }
}
