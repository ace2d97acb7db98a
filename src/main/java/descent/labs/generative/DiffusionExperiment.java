package descent.labs.generative;

import descent.optim.Adam;
import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;

/**
 * A denoising diffusion model on 2-D points, trained live: each step draws a batch of data x_0, noise levels
 * t ~ U{1..T} and noise ε, forms x_t = sqrt(ᾱ_t) x_0 + sqrt(1 - ᾱ_t) ε and regresses the network's output on ε (or
 * x_0, or v). The loss is reported per quarter of the t range, since the four quarters are very different tasks.
 * Samples come from a {@link DiffusionSampler}; a built-in probe measures sample quality as training goes.
 */
public final class DiffusionExperiment {
    public static final int T = 1000;
    public static final int TRAIN_POINTS = 2000;
    public static final int BUCKETS = 4;
    /** DDIM steps (η = 0) of the quality probe's sampler. */
    public static final int PROBE_STEPS = 25;

    public static final class Config {
        public Data2D.Kind data = Data2D.Kind.GAUSSIANS;
        public float[] drawn;
        public NoiseSchedule.Kind schedule = NoiseSchedule.Kind.LINEAR;
        public Prediction prediction = Prediction.EPS;
        public int width = 128;
        public int hiddenLayers = 3;
        public double lr = 2e-3;
        public int batch = 256;
        public long seed = 1;
        /** Training steps between quality measurements (0 switches the probe off). */
        public int qualityEvery = 100;
    }

    public final Config config;
    public final NoiseSchedule schedule;
    public final TimeMlp model;
    public final float[] data;                  // (TRAIN_POINTS, 2)
    private final Backend be;
    private final Adam adam;
    private final Rng rng;
    private final float[] forwardNoise;         // (TRAIN_POINTS, 2) one fixed ε per point, for the forward-process view
    private final float[] qualityReference;     // (PROBE, 2) fresh data the probe compares against
    public final double dataVsData;             // SW between two fresh data sets of PROBE points: the floor
    private final QualityProbe probe;
    public final LossLog losses = new LossLog(BUCKETS);
    private long steps;
    private String divergence;

    public DiffusionExperiment(Backend be, Config config) {
        this.be = be;
        this.config = config;
        this.schedule = new NoiseSchedule(config.schedule, T);
        Rng root = new Rng(config.seed);
        data = Data2D.sample(config.data, config.drawn, TRAIN_POINTS, root.nextLong());
        forwardNoise = root.normals(data.length, 1);
        qualityReference = Data2D.sample(config.data, config.drawn, QualityProbe.POINTS, root.nextLong());
        dataVsData = SlicedWasserstein.distance(qualityReference,
                Data2D.sample(config.data, config.drawn, QualityProbe.POINTS, root.nextLong()));
        model = new TimeMlp(be, root.fork(), 2, config.width, config.hiddenLayers);
        adam = new Adam(model.parameters(), (float) config.lr);
        rng = root.fork();
        long probeSeed = root.nextLong();
        probe = new QualityProbe(config.qualityEvery, qualityReference,
                () -> sampler(DiffusionSampler.Method.DDIM, 0, PROBE_STEPS, QualityProbe.POINTS, probeSeed, 0));
    }

    /** One step of denoising score matching on a fresh batch. */
    public void step() {
        if (divergence != null) return;
        int bs = config.batch;
        float[] x0 = new float[bs * 2], eps = rng.normals(bs * 2, 1), a = new float[bs], b = new float[bs];
        float[] xt = new float[bs * 2], tn = new float[bs];
        int[] ts = new int[bs];
        for (int i = 0; i < bs; i++) {
            int j = rng.nextInt(TRAIN_POINTS), t = 1 + rng.nextInt(T);
            ts[i] = t;
            tn[i] = (float) t / T;
            a[i] = (float) schedule.signal(t);
            b[i] = (float) schedule.noise(t);
            for (int d = 0; d < 2; d++) {
                x0[2 * i + d] = data[2 * j + d];
                xt[2 * i + d] = a[i] * x0[2 * i + d] + b[i] * eps[2 * i + d];
            }
        }
        float[] rowErr;
        try (Scope s = Scope.open()) {
            Tensor target = config.prediction.target(Tensor.of(be, x0, bs, 2), Tensor.of(be, eps, bs, 2),
                    Tensor.of(be, a, bs, 1), Tensor.of(be, b, bs, 1));
            Tensor out = model.forward(Tensor.of(be, xt, bs, 2), tn);
            Tensor err = out.sub(target).square().mean(1, false); // (N): squared error per example
            Tensor loss = err.mean();
            adam.zeroGrad();
            loss.backward();
            adam.learningRate((float) config.lr);
            adam.step();
            rowErr = err.toHost();
        }
        steps++;
        if (!losses.add(steps, rowErr, ts, T)) {
            divergence = "The loss became NaN at step " + steps + " \u2014 try a smaller learning rate, then Reset.";
            return;
        }
        probe.advance(steps);
    }

    public long steps() {
        return steps;
    }

    public String divergence() {
        return divergence;
    }

    /** The learning rate is live: a new value applies from the next step. */
    public void learningRate(double lr) {
        config.lr = lr;
    }

    /** The training points after the forward process to level t (each point keeps its own ε, so scrubbing t is smooth). */
    public float[] forward(int t) {
        float[] out = new float[data.length];
        schedule.noised(data, forwardNoise, t, out);
        return out;
    }

    /** A sampler over this model from fresh noise (N particles, seeded). */
    public DiffusionSampler sampler(DiffusionSampler.Method method, double eta, int sampleSteps, int particles,
                                    long seed, int maxFrames) {
        Rng r = new Rng(seed);
        return new DiffusionSampler(be, network(), schedule, config.prediction, method, eta, sampleSteps,
                r.normals(particles * 2, 1), 2, clipRange(), r.nextLong(), maxFrames);
    }

    /** x̂₀ is clipped a little beyond the plot: the data never lies there, noise estimates sometimes do. */
    public static float clipRange() {
        return (float) Data2D.EXTENT;
    }

    public Network network() {
        return model::forward;
    }

    /** The learned score at points (N, 2) at level t. */
    public float[] score(float[] pts, int t) {
        return DiffusionSampler.score(network(), be, schedule, config.prediction, pts, 2, t);
    }

    /** Sliced Wasserstein distance of samples to held-out data, against training steps. */
    public Series quality() {
        return probe.history;
    }

    public void release() {
        probe.release();
    }

    public float[] qualityReference() {
        return qualityReference;
    }
}
