package descent.labs.landscape;

import descent.data.Dataset;
import descent.labs.Params;
import descent.nn.Activation;
import descent.tensor.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The landscape lab without the browser: one run of training (two when comparing), and the landscape computations
 * that follow it: a random-direction slice around each run's weights, the PCA plane of the path, and the line from
 * earlier weights. Work comes in small units ({@link #step}) that the page interleaves with drawing: while training
 * runs, half the time goes to the landscape at a coarse resolution so the pictures stay live; when training stops,
 * everything refines to the full resolution.
 */
public final class LandscapeExperiment {
    /** Fraction of the time the landscape gets while training runs. */
    static final double LANDSCAPE_SHARE = 0.5;

    public final Params params;
    public final Network net;
    public final List<Run> runs = new ArrayList<>();
    private final Dataset[] data;
    private final Backend be;
    private final DoubleSupplier clock;
    private SliceEvaluator trainEval, testEval;
    private final List<SliceJob> slices = new ArrayList<>();
    private PathJob path;
    private LineJob line;
    private final List<Job> jobs = new ArrayList<>();
    private final Job.Scratch scratch = new Job.Scratch();
    private int jobCursor;
    private int liveSide = 17;
    private double trainMs, landscapeMs;
    private long evaluations;
    private final double startedAt;
    private double firstPictureMs = Double.NaN, fullSliceMs = Double.NaN;

    /** Builds the runs and CPU evaluators; {@code clock} reads milliseconds (for the time split and the timings). */
    public LandscapeExperiment(Params p, Backend be, DoubleSupplier clock) {
        this.params = p;
        this.be = be;
        this.clock = clock;
        this.startedAt = clock.getAsDouble();
        net = new Network(p.choice("data"), p.integer("points"), p.integer("width"), p.integer("depth"),
                p.choice("act").equals("tanh") ? Activation.TANH : Activation.RELU, p.integer("seed"));
        data = net.datasets();
        runs.add(new Run("A", be, net, data, settings(p, ""), p.integer("steps"), p.integer("every"),
                p.integer("eigs")));
        if (p.bool("compare")) {
            runs.add(new Run("B", be, net, data, settings(p, "b_"), p.integer("steps"), p.integer("every"),
                    p.integer("eigs")));
        }
        trainEval = new CpuSliceEvaluator(be, net, data[0]);
        testEval = new CpuSliceEvaluator(be, net, data[1]);
        buildJobs();
    }

    private Run.Settings settings(Params p, String prefix) {
        String b = p.choice(prefix + "batch");
        int batch = b.equals("full") ? Integer.MAX_VALUE : Integer.parseInt(b);
        return new Run.Settings(p.choice(prefix + "opt"), p.num(prefix + "lr"), Math.min(batch, data[0].n),
                p.integer(prefix + "warmup"));
    }

    public Dataset train() {
        return data[0];
    }

    public Dataset test() {
        return data[1];
    }

    /**
     * Swaps in other evaluators (the WebGPU ones) and the grid side worth refreshing live while training; the
     * pictures restart on them.
     */
    public void useEvaluators(SliceEvaluator train, SliceEvaluator test, int liveSide) {
        trainEval.release();
        testEval.release();
        trainEval = train;
        testEval = test;
        this.liveSide = liveSide;
        buildJobs();
    }

    public String path() {
        return trainEval.path();
    }

    /** Applies the live knobs (direction seed, scaling, range, resolution, interpolation start): pictures restart. */
    public void update(Params p) {
        for (String k : List.of("norm", "range", "res", "dseed", "from")) params.set(k, p.get(k));
        params.set("logscale", p.get("logscale"));
        buildJobs();
    }

    private void buildJobs() {
        slices.clear();
        jobs.clear();
        int res = Integer.parseInt(params.choice("res"));
        Directions.Norm norm = Directions.Norm.valueOf(params.choice("norm").toUpperCase());
        for (Run r : runs) {
            slices.add(new SliceJob(r, trainEval, res, params.num("range"), norm, params.integer("dseed")));
        }
        path = new PathJob(runs, trainEval, res);
        line = new LineJob(runs, trainEval, testEval, Integer.parseInt(params.choice("from")));
        jobs.add(slices.get(0));
        jobs.add(line);
        jobs.add(path);
        if (slices.size() > 1) jobs.add(1, slices.get(1));
        jobCursor = 0;
    }

    // ---- work ---------------------------------------------------------------------------------------------------

    public boolean trainingDone() {
        for (Run r : runs) if (!r.finished()) return false;
        return true;
    }

    /** One unit of work, a few milliseconds: a training step of every run, or a batch of landscape evaluations. */
    public void step() {
        boolean training = !trainingDone();
        double t0 = clock.getAsDouble();
        if (training && (landscapeMs >= LANDSCAPE_SHARE * (trainMs + landscapeMs) || !landscapeUnit(liveSide))) {
            for (Run r : runs) r.advance();
            trainMs += clock.getAsDouble() - t0;
        } else if (!training) {
            landscapeUnit(Integer.MAX_VALUE);
        }
    }

    /** Landscape work only, at full resolution, for about {@code budgetMs} (while paused); true if more remains. */
    public boolean idle(double budgetMs) {
        double end = clock.getAsDouble() + budgetMs;
        while (clock.getAsDouble() < end) {
            if (!landscapeUnit(Integer.MAX_VALUE)) return false;
        }
        return true;
    }

    /** Whether any picture still has points to compute. */
    public boolean landscapePending() {
        for (Job j : jobs) if (j.needsWork()) return true;
        return false;
    }

    /** One batch of the next job that has work, round robin; false if none has. */
    private boolean landscapeUnit(int side) {
        for (int tried = 0; tried < jobs.size(); tried++) {
            Job j = jobs.get(jobCursor);
            j.target(side);
            if (!j.needsWork()) {
                jobCursor = (jobCursor + 1) % jobs.size();
                continue;
            }
            double t0 = clock.getAsDouble();
            int n = j.work(trainEval.batchHint(), scratch);
            double now = clock.getAsDouble();
            landscapeMs += now - t0;
            evaluations += n;
            if (j.settled()) jobCursor = (jobCursor + 1) % jobs.size();
            noteTimings(now);
            return true;
        }
        return false;
    }

    private void noteTimings(double now) {
        SliceGrid s = slices.get(0).shown();
        if (s != null && Double.isNaN(firstPictureMs)) firstPictureMs = now - startedAt;
        SliceGrid c = slices.get(0).computing();
        if (c != null && Double.isNaN(fullSliceMs) && trainingDone() && c.done() && c.pictureSide() == c.res) {
            fullSliceMs = now - startedAt;
        }
    }

    // ---- what the view reads ------------------------------------------------------------------------------------

    public long steps() {
        return runs.get(0).steps();
    }

    public String divergence() {
        for (Run r : runs) if (r.divergence() != null) return (runs.size() > 1 ? "Run " + r.name + ": " : "") + r.divergence();
        return null;
    }

    /** The random-direction slice around run r's weights, or null before its first pass. */
    public SliceGrid slice(int r) {
        return slices.get(r).shown();
    }

    /** The slice of run r being computed (for progress), or null. */
    public SliceGrid sliceInProgress(int r) {
        return slices.get(r).computing();
    }

    public SliceGrid plane() {
        return path.shown();
    }

    public Pca pca() {
        return path.pca();
    }

    /** [run][snapshot] = (pc1, pc2), matching {@link #plane()}. */
    public double[][][] paths() {
        return path.paths();
    }

    /** [run][0 train | 1 test][k] at {@link #alpha}(k), or null. */
    public float[][][] interpolation() {
        return line.shown();
    }

    public static double alpha(int k) {
        return LineJob.alpha(k);
    }

    public static int interpolationPoints() {
        return LineJob.POINTS;
    }

    /** Loss evaluations per second of landscape time so far. */
    public double evaluationsPerSecond() {
        return landscapeMs <= 0 ? 0 : evaluations * 1000.0 / landscapeMs;
    }

    public long evaluations() {
        return evaluations;
    }

    /** Milliseconds from construction to the first coarse slice picture; NaN until then. */
    public double firstPictureMs() {
        return firstPictureMs;
    }

    /** Milliseconds from construction to the complete final slice; NaN until then. */
    public double fullSliceMs() {
        return fullSliceMs;
    }

    public void release() {
        trainEval.release();
        testEval.release();
        for (Run r : runs) r.release();
    }
}
