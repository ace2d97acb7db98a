package descent.labs.generative;

import descent.data.Dataset;
import descent.nn.Activation;
import descent.nn.Mlp;
import descent.optim.Adam;
import descent.tensor.Autograd;
import descent.tensor.Backend;
import descent.tensor.Losses;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;

/**
 * A variational autoencoder (Kingma and Welling 2014) on 16×16 images with a 2-D latent, so the latent space can be
 * drawn. The encoder outputs a Gaussian q(z | x) = N(μ, diag σ²); a sample z = μ + σ ⊙ ε (the reparameterisation
 * trick, so gradients reach μ and σ) goes through the decoder, which outputs a Bernoulli probability per pixel.
 * <pre>
 *   loss = E_q[-log p(x | z)]  +  β KL(q(z | x) || N(0, I))
 *        = Σ_pixels BCE(decoder(z), x)  +  β ½ Σ_j (μ_j² + σ_j² - log σ_j² - 1)
 * </pre>
 * β = 1 is the evidence lower bound; larger β (Higgins et al. 2017) presses the codes toward the prior, trading
 * sharp reconstructions for a smoother, fuller latent plane.
 */
public final class VaeExperiment implements Training {
    public static final int SIZE = ImageSet.SIZE, PIXELS = ImageSet.PIXELS, LATENT = 2;
    public static final int TRAIN = 2000, TEST = 200;

    public static final class Config {
        public ImageSet images = ImageSet.DIGITS;
        public int width = 128;
        public double beta = 1;
        public double lr = 2e-3;
        public int batch = 64;
        public long seed = 1;
        /** Losses are read back every this many steps (see {@link DiffusionExperiment.Config#statsEvery}). */
        public int statsEvery = 1;
    }

    public final Config config;
    public final Dataset train, test;
    public final Mlp encoder, decoder;
    /** Per-image terms of the loss, smoothed: reconstruction (nats) and KL (nats). */
    public final Series recon = new Series(), kl = new Series();
    private final Backend be;
    private final Adam adam;
    private final Rng rng;
    private double emaRecon = Double.NaN, emaKl = Double.NaN;
    private long steps;
    private String divergence;

    public VaeExperiment(Backend be, Config config) {
        this.be = be;
        this.config = config;
        Rng root = new Rng(config.seed);
        Dataset all = config.images.load(TRAIN + TEST, root.nextLong());
        Dataset[] split = all.split((double) TEST / (TRAIN + TEST), root.nextLong());
        train = split[0];
        test = split[1];
        int w = config.width;
        encoder = new Mlp(be, root.fork(), new Mlp.Config().sizes(PIXELS, w, 2 * LATENT).activation(Activation.RELU));
        decoder = new Mlp(be, root.fork(), new Mlp.Config().sizes(LATENT, w, PIXELS).activation(Activation.RELU));
        java.util.List<descent.nn.Parameter> ps = new java.util.ArrayList<>(encoder.parameters());
        ps.addAll(decoder.parameters());
        adam = new Adam(ps, (float) config.lr);
        rng = root.fork();
    }

    /** One step of maximising the ELBO (with weight β on the KL term) on a random batch. */
    @Override
    public void step() {
        if (divergence != null) return;
        int bs = config.batch;
        float[] x = new float[bs * PIXELS];
        for (int i = 0; i < bs; i++) System.arraycopy(train.x, rng.nextInt(train.n) * PIXELS, x, i * PIXELS, PIXELS);
        double r = 0, k = 0;
        boolean stats = StatsCadence.reads(steps + 1, config.statsEvery);
        try (Scope s = Scope.open()) {
            Tensor images = Tensor.of(be, x, bs, PIXELS);
            Tensor h = encoder.forward(images);                    // (N, 4)
            Tensor mu = h.slice(1, 0, LATENT), logVar = h.slice(1, LATENT, 2 * LATENT);
            Tensor eps = Tensor.of(be, rng.normals(bs * LATENT, 1), bs, LATENT);
            Tensor z = mu.add(logVar.mul(0.5f).exp().mul(eps)); // (N, 2)
            Tensor logits = decoder.forward(z);                  // (N, 256)
            // BCE is a mean over all pixels; times PIXELS it is the per-image sum, -log p(x | z)
            Tensor reconLoss = Losses.bceWithLogits(logits, images).mul(PIXELS);
            Tensor klLoss = mu.square().add(logVar.exp()).sub(logVar).sub(1f).sum(1, false).mean().mul(0.5f);
            Tensor loss = reconLoss.add(klLoss.mul((float) config.beta));
            adam.zeroGrad();
            loss.backward();
            adam.learningRate((float) config.lr);
            adam.step();
            if (stats) {
                r = reconLoss.item();
                k = klLoss.item();
            }
        }
        steps++;
        if (!stats) return;
        if (!Double.isFinite(r) || !Double.isFinite(k)) {
            divergence = "The loss became NaN at step " + steps + " \u2014 try a smaller learning rate, then Reset.";
            return;
        }
        emaRecon = Double.isNaN(emaRecon) ? r : 0.95 * emaRecon + 0.05 * r;
        emaKl = Double.isNaN(emaKl) ? k : 0.95 * emaKl + 0.05 * k;
        recon.add(steps, emaRecon);
        kl.add(steps, emaKl);
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public String divergence() {
        return divergence;
    }

    /** The means μ (N, 2) of q(z | x) for images (N, 256). */
    public float[] encode(float[] images) {
        int n = images.length / PIXELS;
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            return encoder.forward(Tensor.of(be, images, n, PIXELS)).slice(1, 0, LATENT).toHost();
        }
    }

    /** Pixel probabilities (N, 256) the decoder gives latent points z (N, 2). */
    public float[] decode(float[] z) {
        int n = z.length / LATENT;
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            return decoder.forward(Tensor.of(be, z, n, LATENT)).sigmoid().toHost();
        }
    }

    /** Decoded images over a k × k grid of the latent square [-r, r]², row 0 at the top (largest z₂). */
    public float[] decoderGrid(int k, double r) {
        float[] z = new float[k * k * LATENT];
        for (int row = 0; row < k; row++) {
            for (int col = 0; col < k; col++) {
                int i = row * k + col;
                z[2 * i] = (float) (-r + 2 * r * col / (k - 1));
                z[2 * i + 1] = (float) (r - 2 * r * row / (k - 1));
            }
        }
        return decode(z);
    }

    /** Decoded images along the straight line between the codes μ of test images a and b, k images in all. */
    public float[] interpolate(int a, int b, int k) {
        float[] mu = encode(testImages(new int[] {a, b}));
        float[] z = new float[k * LATENT];
        for (int i = 0; i < k; i++) {
            float f = k == 1 ? 0 : (float) i / (k - 1);
            z[2 * i] = (1 - f) * mu[0] + f * mu[2];
            z[2 * i + 1] = (1 - f) * mu[1] + f * mu[3];
        }
        return decode(z);
    }

    /** Reconstructions decoder(μ(x)) of images (N, 256): the mean path, no sampling. */
    public float[] reconstruct(float[] images) {
        return decode(encode(images));
    }

    public float[] testImages(int[] idx) {
        float[] out = new float[idx.length * PIXELS];
        for (int i = 0; i < idx.length; i++) System.arraycopy(test.x, idx[i] * PIXELS, out, i * PIXELS, PIXELS);
        return out;
    }

    /** Mean squared pixel error of reconstructions of the held-out images. */
    public double heldOutError() {
        return mse(reconstruct(test.x), test.x);
    }

    /** The same error for the baseline that answers every image with the mean training image. */
    public double meanImageError() {
        float[] mean = new float[PIXELS];
        for (int i = 0; i < train.n; i++) for (int p = 0; p < PIXELS; p++) mean[p] += train.x[i * PIXELS + p] / train.n;
        float[] guess = new float[test.x.length];
        for (int i = 0; i < test.n; i++) System.arraycopy(mean, 0, guess, i * PIXELS, PIXELS);
        return mse(guess, test.x);
    }

    static double mse(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return s / a.length;
    }

    public void beta(double beta) {
        config.beta = beta;
    }

    public void learningRate(double lr) {
        config.lr = lr;
    }
}
