package descent.labs.landscape;

import descent.data.Batcher;
import descent.data.Dataset;
import descent.nn.Metrics;
import descent.nn.Module;
import descent.optim.Adam;
import descent.optim.Momentum;
import descent.optim.Optimizer;
import descent.optim.Schedule;
import descent.optim.Sgd;
import descent.tensor.Autograd;
import descent.tensor.Backend;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * One training run of the network: its optimizer and minibatches, and what it records on the way for the landscape
 * views: loss and accuracy curves, parameter snapshots for the trajectory, and sharpness measurements against the
 * edge-of-stability threshold. Training stops after a fixed budget of steps so that the final weights, and every
 * picture of them, follow from the settings alone.
 */
public final class Run {
    /** What may differ between two runs compared side by side. */
    public record Settings(String optimizer, double lr, int batch, int warmup) {
        /** Heavy-ball coefficient of the "momentum" optimizer. */
        static final float BETA = 0.9f;

        String describe(int trainSize) {
            String name = switch (optimizer) {
                case "momentum" -> "momentum";
                case "adam" -> "Adam";
                default -> batch >= trainSize ? "GD" : "SGD";
            };
            return name + " \u03b7=" + trim(lr) + ", batch " + (batch >= trainSize ? "full" : Integer.toString(batch))
                    + (warmup > 0 ? ", warm-up " + warmup : "");
        }

        private static String trim(double v) {
            String s = Double.toString(v);
            return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
        }
    }

    /** A snapshot of theta (P) after {@code step} steps. */
    public record Snapshot(int step, float[] theta) {
    }

    public final String name;
    public final Settings settings;
    public final int budget;
    final Module model;
    final ParamVector layout;
    final Optimizer opt;
    private final Batcher batches;
    private final Tensor trainX, trainY, testX, testY;
    private final Dataset train, test;
    final Sharpness sharpness;
    private final int statEvery, sharpEvery;
    private int snapEvery;
    private int t;
    private String divergence;
    private boolean measureDue = true;

    /** step, train loss, test loss, train accuracy, test accuracy, one row per stats point. */
    public final List<double[]> curves = new ArrayList<>();
    /** step, threshold (2/eta for GD), then the top eigenvalues, one row per measurement. */
    public final List<double[]> sharp = new ArrayList<>();
    public final List<Snapshot> snapshots = new ArrayList<>();
    /** The weights at step 0. */
    public final float[] theta0;

    public Run(String name, Backend be, Network net, Dataset[] data, Settings s, int budget, int sharpEvery,
               int eigenvalues) {
        this.name = name;
        this.settings = s;
        this.budget = budget;
        this.train = data[0];
        this.test = data[1];
        this.sharpEvery = sharpEvery;
        model = net.build(be, net.seed());
        layout = new ParamVector(model.parameters());
        opt = switch (s.optimizer) {
            case "momentum" -> new Momentum(model.parameters(), (float) s.lr, Settings.BETA);
            case "adam" -> new Adam(model.parameters(), (float) s.lr);
            default -> new Sgd(model.parameters(), (float) s.lr);
        };
        if (s.warmup > 0) opt.schedule(Schedule.warmup(s.warmup, Schedule.constant()));
        batches = new Batcher(train, Math.min(s.batch, train.n), net.seed() + 7);
        trainX = train.inputs(be).persistent();
        trainY = train.labelTensor(be).persistent();
        testX = test.inputs(be).persistent();
        testY = test.labelTensor(be).persistent();
        sharpness = new Sharpness(layout, () -> Network.loss(model, trainX, trainY), eigenvalues, net.seed() + 11);
        statEvery = Math.max(1, budget / 300);
        snapEvery = Math.max(1, budget / 100);
        theta0 = layout.read();
        snapshots.add(new Snapshot(0, theta0));
        record();
    }

    public int steps() {
        return t;
    }

    public boolean finished() {
        return t >= budget || divergence != null;
    }

    /** Null while healthy, else why training stopped. */
    public String divergence() {
        return divergence;
    }

    /**
     * One unit of work: a Hessian-vector product while a sharpness measurement is under way (training waits for it,
     * so measurements never change the run), else one optimizer step. Returns false once the budget is spent.
     */
    public boolean advance() {
        if (finished()) return false;
        if (measureDue && sharpEvery > 0) {
            if (!sharpness.measuring()) sharpness.start(sharpness.products() == 0 ? 30 : 12);
            if (sharpness.advance()) {
                measureDue = false;
                recordSharpness();
            }
            return true;
        }
        try (Scope s = Scope.open()) {
            Tensor[] b = batches.next(trainX.backend);
            Tensor loss = Network.loss(model, b[0], b[1]);
            opt.zeroGrad();
            loss.backward();
            opt.step();
        }
        t++;
        if (t % statEvery == 0 || t == budget) record();
        if (t % snapEvery == 0 || t == budget) snapshot();
        if (sharpEvery > 0 && (t % sharpEvery == 0 || t == budget)) measureDue = true;
        return true;
    }

    /** The full-batch training loss at the current weights: what the slice at (0, 0) must show. */
    public float trainLoss() {
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            return Network.loss(model, trainX, trainY).item();
        }
    }

    public float[] theta() {
        return layout.read();
    }

    /** The last row of {@link #curves}. */
    public double[] lastStats() {
        return curves.get(curves.size() - 1);
    }

    /** The edge of stability for this optimizer at the current learning rate: 2/eta for GD, (2 + 2 beta)/eta with
     * heavy-ball momentum (Cohen et al. 2021, app. B); NaN for Adam, whose threshold applies to the preconditioned
     * Hessian instead (Cohen et al. 2022). */
    public double threshold() {
        double eta = settings.lr * opt.schedule().factor(t); // the rate of the next step
        return switch (settings.optimizer) {
            case "momentum" -> (2 + 2 * Settings.BETA) / eta;
            case "adam" -> Double.NaN;
            default -> 2 / eta;
        };
    }

    private void record() {
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            Tensor trainLogits = model.forward(trainX), testLogits = model.forward(testX);
            double trainLoss = descent.tensor.Losses.crossEntropy(trainLogits, trainY).item();
            double testLoss = descent.tensor.Losses.crossEntropy(testLogits, testY).item();
            curves.add(new double[] {t, trainLoss, testLoss, Metrics.accuracy(trainLogits, train.labels),
                Metrics.accuracy(testLogits, test.labels)});
            if (!Double.isFinite(trainLoss)) {
                divergence = "Diverged at step " + t + ": the loss is no longer a number. Try a smaller learning "
                        + "rate or a warm-up.";
            }
        }
    }

    private void snapshot() {
        snapshots.add(new Snapshot(t, layout.read()));
        if (snapshots.size() > 160) {
            // keep the path evenly sampled and the PCA small: drop every other snapshot, take them half as often
            List<Snapshot> kept = new ArrayList<>();
            for (int i = 0; i < snapshots.size(); i++) if (i % 2 == 0 || i == snapshots.size() - 1) kept.add(snapshots.get(i));
            snapshots.clear();
            snapshots.addAll(kept);
            snapEvery *= 2;
        }
    }

    private void recordSharpness() {
        double[] ev = sharpness.values();
        double[] row = new double[2 + ev.length];
        row[0] = t;
        row[1] = threshold();
        System.arraycopy(ev, 0, row, 2, ev.length);
        sharp.add(row);
    }

    public void release() {
        trainX.release();
        trainY.release();
        testX.release();
        testY.release();
    }
}
