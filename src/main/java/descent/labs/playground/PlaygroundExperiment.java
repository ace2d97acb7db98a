package descent.labs.playground;

import descent.labs.Params;
import descent.nn.Linear;
import descent.nn.Mlp;
import descent.nn.Parameter;
import descent.optim.Optimizer;
import descent.tensor.CpuBackend;
import descent.tensor.Rng;
import java.util.List;

/**
 * The playground, without a browser: data, an MLP, an optimizer, one {@link #step()} of minibatch training, and the
 * numbers the view shows. Parameters live in the engine ({@code nn.Mlp} on the CPU backend, updated by the engine's
 * optimizers); forward and backward run through {@link MlpKernel}, which writes gradients into the same storage.
 *
 * <p>Everything is seeded: the same settings give the same run, step for step, on the JVM and in the browser.
 */
public final class PlaygroundExperiment {
    /** How far the plane extends each way from 0; the data lie in about [-1, 1]. */
    public static final double EXTENT = 1.2;

    PlaygroundConfig config;
    PlaygroundData data;
    final MlpKernel.Task task;
    final int[] sizes;
    final Mlp mlp;
    final MlpKernel kernel;
    private final CpuBackend backend = new CpuBackend();
    private final Optimizer optimizer;
    private final Rng batchRng;
    private int[] order;
    private int cursor;
    private float[] stageX;
    private int[] stageLabels;
    private int[] stageRows;
    private float[] stageTargets;
    private int batch;
    private long steps;
    private double lastLoss = Double.NaN;
    private String divergence;
    private float regRate;
    private String reg;

    public PlaygroundExperiment(Params params) {
        this(PlaygroundConfig.from(params));
    }

    public PlaygroundExperiment(PlaygroundConfig c) {
        this(c, PlaygroundData.of(c));
    }

    PlaygroundExperiment(PlaygroundConfig c, PlaygroundData data) {
        this.config = c;
        this.data = data;
        int k = data.classes;
        task = data.regression ? MlpKernel.Task.REGRESSION : k == 2 ? MlpKernel.Task.BINARY
                : MlpKernel.Task.MULTICLASS;
        int outputs = task == MlpKernel.Task.MULTICLASS ? k : 1;
        sizes = new int[c.hidden().length + 2];
        sizes[0] = c.features().length;
        System.arraycopy(c.hidden(), 0, sizes, 1, c.hidden().length);
        sizes[sizes.length - 1] = outputs;
        mlp = new Mlp(backend, new Rng(c.seed()), new Mlp.Config().sizes(sizes).activation(c.activation())
                .residual(c.residual()).dropout(c.dropout()));
        int layers = sizes.length - 1;
        float[][] w = new float[layers][], b = new float[layers][], gw = new float[layers][], gb = new float[layers][];
        for (int l = 0; l < layers; l++) {
            Linear lin = mlp.layers[l];
            w[l] = CpuBackend.array(lin.weight.value.buffer());
            b[l] = CpuBackend.array(lin.bias.value.buffer());
            gw[l] = CpuBackend.array(lin.weight.value.gradBuffer());
            gb[l] = CpuBackend.array(lin.bias.value.gradBuffer());
        }
        kernel = new MlpKernel(sizes, c.activation(), c.residual(), c.dropout(), w, b, gw, gb);
        optimizer = Optimizers.create(c, mlp.parameters());
        batchRng = new Rng(c.seed() * 31 + 7);
        order = batchRng.permutation(Math.max(1, data.train.n));
        setBatch(c.batch());
        reg = c.reg();
        regRate = c.regRate();
    }

    /** Applies the knobs that change a running experiment: rate, betas, decay, batch, dropout, regularization. */
    public void tune(PlaygroundConfig c) {
        Optimizers.tune(optimizer, c);
        setBatch(c.batch());
        kernel.dropout = c.dropout();
        reg = c.reg();
        regRate = c.regRate();
    }

    private void setBatch(int requested) {
        batch = Math.max(1, Math.min(requested, Math.max(1, data.train.n)));
        if (stageX == null || stageLabels.length != batch || stageX.length != batch * sizes[0]) {
            stageX = new float[batch * sizes[0]];
            stageLabels = new int[batch];
            stageTargets = new float[batch];
            stageRows = new int[batch];
        }
    }

    /**
     * Swaps in new points (an edit of custom data) and keeps the network and the optimizer's state, so a student
     * can add points while it trains. Returns false when the new data needs another output layer (a new class,
     * or classes versus values): then the caller rebuilds.
     */
    public boolean replaceData(PlaygroundConfig c) {
        PlaygroundData next = PlaygroundData.of(c);
        boolean sameTask = next.regression == data.regression && (next.regression
                || (next.classes == 2) == (data.classes == 2) && (next.classes == 2 || next.classes == data.classes));
        if (!sameTask || c.features().length != config.features().length) {
            return false;
        }
        config = c;
        data = next;
        order = batchRng.permutation(Math.max(1, data.train.n));
        cursor = 0;
        setBatch(c.batch());
        return true;
    }

    /** Whether there is anything to learn (custom data may have no training points yet). */
    public boolean canTrain() {
        return data.train.n > 0 && (data.regression || hasTwoClasses());
    }

    private boolean hasTwoClasses() {
        int[] l = data.train.labels;
        for (int i = 1; i < l.length; i++) {
            if (l[i] != l[0]) {
                return true;
            }
        }
        return false;
    }

    /** One minibatch step: forward, loss, backward, penalty, optimizer update. */
    public void step() {
        if (divergence != null || data.train.n == 0) {
            return;
        }
        nextBatch();
        trainOnStage();
    }

    /** Copies the next minibatch into the staging arrays; a new permutation starts each epoch. */
    void nextBatch() {
        int d = sizes[0];
        PlaygroundData.Split tr = data.train;
        for (int i = 0; i < batch; i++) {
            if (cursor == order.length) {
                batchRng.shuffle(order);
                cursor = 0;
            }
            int r = order[cursor++];
            stageRows[i] = r;
            System.arraycopy(tr.x, r * d, stageX, i * d, d);
            if (tr.labels != null) {
                stageLabels[i] = tr.labels[r];
            } else {
                stageTargets[i] = tr.targets[r];
            }
        }
    }

    void trainOnStage() {
        long seed = dropoutSeed();
        kernel.forward(stageX, 0, batch, true, seed);
        double loss = kernel.loss(task, stageLabels, stageTargets, 0, batch);
        kernel.backward(batch, true, seed, true, null, null);
        penalty();
        optimizer.step();
        steps++;
        lastLoss = loss;
        if (!Double.isFinite(loss) || !finiteOutput()) {
            divergence = "diverged at step " + steps + " \u2014 try a smaller learning rate";
        }
    }

    long dropoutSeed() {
        return config.seed() * 0x5DEECE66DL + steps;
    }

    /** Adds the L1 or L2 penalty's gradient to the weights' gradients (biases are not penalised). */
    private void penalty() {
        if (reg.equals("none") || regRate == 0) {
            return;
        }
        for (int l = 0; l < kernel.layers; l++) {
            float[] w = kernel.w[l], g = kernel.gw[l];
            if (reg.equals("l1")) {
                for (int i = 0; i < w.length; i++) {
                    g[i] += regRate * Math.signum(w[i]);
                }
            } else {
                for (int i = 0; i < w.length; i++) {
                    g[i] += regRate * w[i];
                }
            }
        }
    }

    private boolean finiteOutput() {
        float[] out = kernel.w[kernel.layers - 1];
        for (float v : out) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    // ---- what the view reads --------------------------------------------------------------------------------------

    public long steps() {
        return steps;
    }

    /** Passes over the training set so far. */
    public double epoch() {
        return data.train.n == 0 ? 0 : (double) steps * batch / data.train.n;
    }

    public String divergence() {
        return divergence;
    }

    /** Mean loss of the last minibatch (NaN before the first step). */
    public double batchLoss() {
        return lastLoss;
    }

    /** Loss and accuracy (NaN for regression) of one split, without dropout. */
    public record Score(double loss, double accuracy) {
    }

    public Score score(boolean test) {
        PlaygroundData.Split s = test ? data.test : data.train;
        if (s.n == 0) {
            return new Score(Double.NaN, Double.NaN);
        }
        double loss = 0;
        int correct = 0;
        int k = sizes[sizes.length - 1];
        for (int from = 0; from < s.n; from += Probe.CHUNK) {
            int m = Math.min(Probe.CHUNK, s.n - from);
            kernel.forward(s.x, from, m, false, 0);
            loss += kernel.loss(task, s.labels, s.targets, from, m) * m;
            if (task != MlpKernel.Task.REGRESSION) {
                float[] z = kernel.logits();
                for (int r = 0; r < m; r++) {
                    int pred = task == MlpKernel.Task.BINARY ? (z[r] > 0 ? 1 : 0) : argmax(z, r * k, k);
                    if (pred == s.labels[from + r]) {
                        correct++;
                    }
                }
            }
        }
        return new Score(loss / s.n, task == MlpKernel.Task.REGRESSION ? Double.NaN : (double) correct / s.n);
    }

    /** Test points by (true class, predicted class), row-major (K, K). */
    public int[] confusion() {
        int k = data.classes;
        int[] m = new int[k * k];
        PlaygroundData.Split s = data.test;
        for (int from = 0; from < s.n; from += Probe.CHUNK) {
            int n = Math.min(Probe.CHUNK, s.n - from);
            kernel.forward(s.x, from, n, false, 0);
            float[] z = kernel.logits();
            for (int r = 0; r < n; r++) {
                int pred = task == MlpKernel.Task.BINARY ? (z[r] > 0 ? 1 : 0) : argmax(z, r * k, k);
                m[s.labels[from + r] * k + pred]++;
            }
        }
        return m;
    }

    static int argmax(float[] z, int off, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (z[off + j] > z[off + best]) {
                best = j;
            }
        }
        return best;
    }

    public PlaygroundConfig config() {
        return config;
    }

    /** Layer sizes, input features first, outputs last. */
    public int[] sizes() {
        return sizes.clone();
    }

    public boolean regression() {
        return task == MlpKernel.Task.REGRESSION;
    }

    public boolean multiclass() {
        return task == MlpKernel.Task.MULTICLASS;
    }

    public int classes() {
        return data.classes;
    }

    /** Weights of layer l, (in, out), live (do not modify). */
    public float[] weights(int l) {
        return kernel.w[l];
    }

    public float[] biases(int l) {
        return kernel.b[l];
    }

    public int batchSize() {
        return batch;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public List<Parameter> parameters() {
        return mlp.parameters();
    }

    /** Every point: positions (N, 2). */
    public float[] points() {
        return data.xy;
    }

    /** Class of point i (0 for regression). */
    public int label(int i) {
        return data.labels == null ? 0 : data.labels[i];
    }

    /** Target of point i (NaN for classification). */
    public float target(int i) {
        return data.targets == null ? Float.NaN : data.targets[i];
    }

    public boolean isTest(int i) {
        return data.isTest[i];
    }

    public int pointCount() {
        return data.size();
    }

    /** The data as packable custom points (for editing and export). */
    public PointCodec.Points currentPoints() {
        return data.points();
    }

    /** A fresh probe for grids, neuron maps, regions and local linear maps of this experiment. */
    public Probe probe() {
        return new Probe(this);
    }

    /** The backprop step-through for this experiment. */
    public BackpropTrace trace() {
        return new BackpropTrace(this);
    }

    int outputs() {
        return sizes[sizes.length - 1];
    }

    MlpKernel.Task task() {
        return task;
    }

    float[] stageX() {
        return stageX;
    }

    int[] stageLabels() {
        return stageLabels;
    }

    float[] stageTargets() {
        return stageTargets;
    }

    /** Plane position of minibatch row i (for marking the traced example). */
    float[] stagePosition(int i) {
        int r = stageRows[i];
        return new float[] {data.train.xy[2 * r], data.train.xy[2 * r + 1]};
    }
}
