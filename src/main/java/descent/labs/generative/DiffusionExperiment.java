package descent.labs.generative;

import descent.data.Dataset;
import descent.nn.Parameter;
import descent.optim.Adam;
import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import java.util.List;

/**
 * A denoising diffusion model trained live, on 2-D points (with a {@link TimeMlp}) or on 16×16 images (with a
 * {@link TinyUNet}). Each step draws a batch of data x_0, noise levels t ~ U{1..T} and noise ε, forms
 * x_t = sqrt(ᾱ_t) x_0 + sqrt(1 - ᾱ_t) ε and regresses the network's output on ε (or x_0, or v). The loss is kept per
 * quarter of the t range, since denoising a nearly clean point and a nearly pure-noise one are different tasks.
 * Samples come from a {@link DiffusionSampler}; for points a probe measures sample quality as training goes.
 */
public final class DiffusionExperiment implements Training {
    public static final int T = 1000;
    public static final int TRAIN = 2000;
    public static final int BUCKETS = 4;
    /** DDIM steps (η = 0) of the quality probe's sampler. */
    public static final int PROBE_STEPS = 25;

    public static final class Config {
        public Data2D.Kind data = Data2D.Kind.GAUSSIANS;
        public float[] drawn;
        /** Null for 2-D points; otherwise the image set to learn. */
        public ImageSet images;
        public NoiseSchedule.Kind schedule = NoiseSchedule.Kind.LINEAR;
        public Prediction prediction = Prediction.EPS;
        /** Hidden units of the MLP (points) or base channels of the U-Net (images). */
        public int width = 128;
        public int hiddenLayers = 3;
        public double lr = 2e-3;
        public int batch = 256;
        public long seed = 1;
        /** Training steps between quality measurements (points only; 0 switches the probe off). */
        public int qualityEvery = 100;
        /**
         * Losses are read back every this many steps. 1 on the CPU; more on a GPU, where each read waits for the
         * device, so the step loop stays on the GPU in between.
         */
        public int statsEvery = 1;
        /** Decay of the weight average the samplers use (0 samples with the live weights). */
        public double averageDecay = 0.995;
    }

    public final Config config;
    public final NoiseSchedule schedule;
    /** Dimension of one sample: 2 for points, 256 for images. */
    public final int dim;
    /** Training data (N, D): points in lab coordinates, or images scaled to [-1, 1]. */
    public final float[] data;
    /** Class of each training image (null for points). */
    public final int[] labels;
    public final LossLog losses = new LossLog(BUCKETS);
    /** SW distance between two fresh data sets of the probe's size: the floor the quality curve approaches. */
    public final double dataVsData;
    private final Backend be;
    /** The network being trained, and its weight average, which every sampler uses. */
    private final Network train, net;
    private final WeightAverage average;
    private final int parameterCount;
    private final Adam adam;
    private final Rng rng;
    private final float[] forwardNoise; // (N, D): one fixed ε per example, so scrubbing t in the forward view is smooth
    private final QualityProbe probe;
    private final float[] reference;
    private long steps;
    private String divergence;

    public DiffusionExperiment(Backend be, Config config) {
        this.be = be;
        this.config = config;
        this.schedule = new NoiseSchedule(config.schedule, T);
        Rng root = new Rng(config.seed);
        List<Parameter> params, twin;
        if (config.images == null) {
            dim = 2;
            Data2D.Split split = Data2D.split(config.data, config.drawn, TRAIN, root);
            data = split.train();
            labels = null;
            reference = split.reference();
            dataVsData = split.floor();
            long init = root.nextLong();
            TimeMlp mlp = new TimeMlp(be, new Rng(init), 2, config.width, config.hiddenLayers);
            TimeMlp avg = new TimeMlp(be, new Rng(init), 2, config.width, config.hiddenLayers);
            train = mlp::forward;
            net = avg::forward;
            params = mlp.parameters();
            twin = avg.parameters();
        } else {
            dim = ImageSet.PIXELS;
            Dataset d = config.images.load(TRAIN, root.nextLong());
            data = new float[d.x.length];
            for (int i = 0; i < data.length; i++) data[i] = 2 * d.x[i] - 1;
            labels = d.labels;
            reference = null;
            dataVsData = Double.NaN;
            long init = root.nextLong();
            TinyUNet unet = new TinyUNet(be, new Rng(init), ImageSet.SIZE, config.width);
            TinyUNet avg = new TinyUNet(be, new Rng(init), ImageSet.SIZE, config.width);
            train = unet::forward;
            net = avg::forward;
            params = unet.parameters();
            twin = avg.parameters();
        }
        int count = 0;
        for (Parameter p : params) count += p.size();
        parameterCount = count;
        forwardNoise = root.normals(data.length, 1);
        adam = new Adam(params, (float) config.lr);
        average = new WeightAverage(params, twin, config.averageDecay);
        rng = root.fork();
        long probeSeed = root.nextLong();
        probe = new QualityProbe(config.images == null ? config.qualityEvery : 0, reference,
                () -> sampler(DiffusionSampler.Method.DDIM, 0, PROBE_STEPS, QualityProbe.POINTS, probeSeed, 0));
    }

    public boolean images() {
        return config.images != null;
    }

    public int examples() {
        return data.length / dim;
    }

    /** One step of denoising score matching on a fresh batch. */
    @Override
    public void step() {
        if (divergence != null) return;
        int bs = config.batch, d = dim, n = examples();
        float[] x0 = new float[bs * d], eps = rng.normals(bs * d, 1), xt = new float[bs * d];
        float[] a = new float[bs], b = new float[bs], tn = new float[bs];
        int[] ts = new int[bs];
        for (int i = 0; i < bs; i++) {
            int j = rng.nextInt(n), t = 1 + rng.nextInt(T);
            ts[i] = t;
            tn[i] = (float) t / T;
            a[i] = (float) schedule.signal(t);
            b[i] = (float) schedule.noise(t);
            System.arraycopy(data, j * d, x0, i * d, d);
            for (int k = i * d; k < (i + 1) * d; k++) xt[k] = a[i] * x0[k] + b[i] * eps[k];
        }
        float[] rowErr = null;
        boolean stats = StatsCadence.reads(steps + 1, config.statsEvery);
        try (Scope s = Scope.open()) {
            Tensor target = config.prediction.target(Tensor.of(be, x0, bs, d), Tensor.of(be, eps, bs, d),
                    Tensor.of(be, a, bs, 1), Tensor.of(be, b, bs, 1));
            Tensor err = train.apply(Tensor.of(be, xt, bs, d), tn).sub(target).square().mean(1, false); // (N)
            adam.zeroGrad();
            err.mean().backward();
            adam.learningRate((float) config.lr);
            adam.step();
            if (stats) rowErr = err.toHost();
        }
        average.update();
        steps++;
        if (stats && !losses.add(steps, rowErr, ts, T)) {
            divergence = "The loss became NaN at step " + steps + " \u2014 try a smaller learning rate, then Reset.";
            return;
        }
        probe.advance(steps);
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public String divergence() {
        return divergence;
    }

    public int parameterCount() {
        return parameterCount;
    }

    /** The learning rate is live: a new value applies from the next step. */
    public void learningRate(double lr) {
        config.lr = lr;
    }

    /** The training data after the forward process to level t, each example with its own fixed ε. */
    public float[] forward(int t) {
        float[] out = new float[data.length];
        schedule.noised(data, forwardNoise, t, out);
        return out;
    }

    /** The first {@code count} examples after the forward process to level t. */
    public float[] forward(int t, int count) {
        int len = Math.min(count * dim, data.length);
        float[] x0 = java.util.Arrays.copyOf(data, len), out = new float[len];
        schedule.noised(x0, java.util.Arrays.copyOf(forwardNoise, len), t, out);
        return out;
    }

    /** A sampler over this model from fresh noise (N samples, seeded). */
    public DiffusionSampler sampler(DiffusionSampler.Method method, double eta, int sampleSteps, int count,
                                    long seed, int maxFrames) {
        Rng r = new Rng(seed);
        return new DiffusionSampler(be, net, schedule, config.prediction, method, eta, sampleSteps,
                r.normals(count * dim, 1), dim, clipRange(), r.nextLong(), maxFrames);
    }

    /** x̂₀ is clipped to the data's range: images live in [-1, 1], points inside the plotted square. */
    public float clipRange() {
        return images() ? 1f : (float) Data2D.EXTENT;
    }

    public Network network() {
        return net;
    }

    /** The learned score at points (N, D) at level t: the field the reverse process follows. */
    public float[] score(float[] pts, int t) {
        return DiffusionSampler.score(net, be, schedule, config.prediction, pts, dim, t);
    }

    /** Sliced Wasserstein distance of samples to held-out data, against training steps (points only). */
    public Series quality() {
        return probe.history;
    }

    public float[] qualityReference() {
        return reference;
    }

    public void release() {
        probe.release();
    }
}
