package descent.labs.generative;

import descent.optim.Adam;
import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;

/**
 * Conditional flow matching with straight paths (rectified flow: Liu, Gong and Liu 2022; Lipman et al. 2022) on 2-D
 * data. A training pair is a noise point x_0 ~ N(0, I) and a data point x_1, joined by the straight line
 * x_t = (1 - t) x_0 + t x_1; the network regresses the line's velocity x_1 - x_0 at (x_t, t). Averaged over all pairs
 * through a point, that regression learns a velocity field whose flow carries the noise distribution onto the data.
 * The paths of that flow are curved where training lines cross, which is why few-step sampling loses quality.
 */
public final class FlowExperiment implements Training {
    public static final int TRAIN_POINTS = 2000;
    public static final int BUCKETS = 4;
    /** The numbers of steps the quality sweep tries, for each solver. */
    public static final int[] SWEEP_STEPS = {1, 2, 4, 8, 16, 32};

    public static final class Config {
        public Data2D.Kind data = Data2D.Kind.GAUSSIANS;
        public float[] drawn;
        public int width = 128;
        public int hiddenLayers = 3;
        public double lr = 2e-3;
        public int batch = 256;
        public long seed = 1;
        /** Whether the quality-versus-steps sweep runs alongside training. */
        public boolean sweep = true;
        public double averageDecay = 0.995;
        /** Losses are read back every this many steps (see {@link DiffusionExperiment.Config#statsEvery}). */
        public int statsEvery = 1;
    }

    public final Config config;
    /** The network being trained, and its weight average, which the samplers use (see {@link WeightAverage}). */
    public final TimeMlp model, averaged;
    private final WeightAverage average;
    public final float[] data; // (TRAIN_POINTS, 2)
    public final LossLog losses = new LossLog(BUCKETS);
    public final double dataVsData;
    private final Backend be;
    private final Adam adam;
    private final Rng rng;
    private final float[] reference;
    private final Sweep sweep;
    private long steps;
    private String divergence;

    public FlowExperiment(Backend be, Config config) {
        this.be = be;
        this.config = config;
        Rng root = new Rng(config.seed);
        Data2D.Split split = Data2D.split(config.data, config.drawn, TRAIN_POINTS, root);
        data = split.train();
        reference = split.reference();
        dataVsData = split.floor();
        long init = root.nextLong();
        model = new TimeMlp(be, new Rng(init), 2, config.width, config.hiddenLayers);
        averaged = new TimeMlp(be, new Rng(init), 2, config.width, config.hiddenLayers);
        adam = new Adam(model.parameters(), (float) config.lr);
        average = new WeightAverage(model.parameters(), averaged.parameters(), config.averageDecay);
        rng = root.fork();
        sweep = new Sweep(root.nextLong());
    }

    /** One step of flow matching on a fresh batch of (noise, data, t) triples. */
    @Override
    public void step() {
        if (divergence != null) return;
        int bs = config.batch;
        float[] x0 = rng.normals(bs * 2, 1), xt = new float[bs * 2], v = new float[bs * 2], tn = new float[bs];
        int[] bucketT = new int[bs];
        for (int i = 0; i < bs; i++) {
            int j = rng.nextInt(TRAIN_POINTS);
            float t = rng.nextFloat();
            tn[i] = t;
            bucketT[i] = 1 + Math.min(999, (int) (t * 1000));
            for (int d = 0; d < 2; d++) {
                float x1 = data[2 * j + d];
                xt[2 * i + d] = (1 - t) * x0[2 * i + d] + t * x1;
                v[2 * i + d] = x1 - x0[2 * i + d];
            }
        }
        float[] rowErr = null;
        boolean stats = StatsCadence.reads(steps + 1, config.statsEvery);
        try (Scope s = Scope.open()) {
            Tensor out = model.forward(Tensor.of(be, xt, bs, 2), tn);
            Tensor err = out.sub(Tensor.of(be, v, bs, 2)).square().mean(1, false); // (N)
            adam.zeroGrad();
            err.mean().backward();
            adam.learningRate((float) config.lr);
            adam.step();
            if (stats) rowErr = err.toHost();
        }
        average.update();
        steps++;
        if (stats && !losses.add(steps, rowErr, bucketT, 1000)) {
            divergence = "The loss became NaN at step " + steps + " \u2014 try a smaller learning rate, then Reset.";
            return;
        }
        if (config.sweep) sweep.advance();
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public String divergence() {
        return divergence;
    }

    public void learningRate(double lr) {
        config.lr = lr;
    }

    public Network network() {
        return averaged::forward;
    }

    public FlowSampler sampler(FlowSampler.Solver solver, int sampleSteps, int particles, long seed, int maxFrames) {
        Rng r = new Rng(seed);
        return new FlowSampler(be, network(), solver, sampleSteps, r.normals(particles * 2, 1), 2, r.nextLong(),
                maxFrames);
    }

    /** A sampler from given starting points (N, 2): the learned paths of particular noise points. */
    public FlowSampler sampler(FlowSampler.Solver solver, int sampleSteps, float[] start, int maxFrames) {
        return new FlowSampler(be, network(), solver, sampleSteps, start, 2, 0, maxFrames);
    }

    /** The learned velocity v_θ(x, t) at points (N, 2). */
    public float[] velocity(float[] pts, double t) {
        int n = pts.length / 2;
        try (Scope s = Scope.open(); descent.tensor.Autograd.NoGrad g = descent.tensor.Autograd.noGrad()) {
            return averaged.forward(Tensor.of(be, pts, n, 2), TimeMlp.constant(n, t)).toHost();
        }
    }

    /** k training pairs (x_0, x_1) as rows (k, 4): the straight lines the model is trained on. */
    public float[] couplings(int k, long seed) {
        Rng r = new Rng(seed);
        float[] out = new float[4 * k];
        for (int i = 0; i < k; i++) {
            int j = r.nextInt(TRAIN_POINTS);
            out[4 * i] = (float) r.normal();
            out[4 * i + 1] = (float) r.normal();
            out[4 * i + 2] = data[2 * j];
            out[4 * i + 3] = data[2 * j + 1];
        }
        return out;
    }

    /**
     * Sliced Wasserstein distance of samples to held-out data for each solver and number of steps (NaN until
     * measured): result[solver][k] for SWEEP_STEPS[k].
     */
    public double[][] sweepResults() {
        return sweep.results;
    }

    /** How many sweep runs have finished: the results change when this does. */
    public long sweepRuns() {
        return sweep.runs;
    }

    public void release() {
        sweep.release();
    }

    /**
     * Runs every (solver, steps) sampler in turn from the same noise, one sampler step per training step, so the
     * cost spreads over training; each finished run updates its entry.
     */
    private final class Sweep {
        final double[][] results = new double[2][SWEEP_STEPS.length];
        private final long seed;
        private int config;
        private FlowSampler running;
        long runs;

        Sweep(long seed) {
            this.seed = seed;
            for (double[] r : results) java.util.Arrays.fill(r, Double.NaN);
        }

        void advance() {
            if (running == null) {
                FlowSampler.Solver solver = FlowSampler.Solver.values()[config / SWEEP_STEPS.length];
                running = sampler(solver, SWEEP_STEPS[config % SWEEP_STEPS.length], QualityProbe.POINTS, seed, 0);
            }
            running.step();
            if (!running.finished()) return;
            float[] samples = running.current();
            running.release();
            running = null;
            results[config / SWEEP_STEPS.length][config % SWEEP_STEPS.length] = SlicedWasserstein.finite(samples)
                    ? SlicedWasserstein.distance(samples, reference) : Double.NaN;
            config = (config + 1) % (2 * SWEEP_STEPS.length);
            runs++;
        }

        void release() {
            if (running != null) running.release();
            running = null;
        }
    }
}
