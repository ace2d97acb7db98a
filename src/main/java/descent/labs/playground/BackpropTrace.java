package descent.labs.playground;

/**
 * Backprop, one phase at a time, on a real training step: FORWARD shows one example's activations flowing through
 * the net, LOSS compares the output with the label, BACKWARD sends dL/dz back layer by layer (each weight's share
 * is a_in · δ_out), UPDATE takes the optimizer's step on the whole minibatch and shows how every weight moved.
 * The traced example is the first of the minibatch; the update averages the gradient over all of it.
 */
public final class BackpropTrace {
    public enum Phase { FORWARD, LOSS, BACKWARD, UPDATE }

    private final PlaygroundExperiment ex;
    private Phase phase = Phase.FORWARD;
    private boolean started;
    /** Per layer l: input activations h_l (in_l), pre-activations z_l (out_l), outputs a_l (out_l). */
    private float[][] h, z;
    private float[] out;
    private float[][] delta;
    private float[][] before;
    private double exampleLoss;
    private float[] input;
    private int label;
    private float target;
    private float[] position;

    BackpropTrace(PlaygroundExperiment ex) {
        this.ex = ex;
    }

    public Phase phase() {
        return phase;
    }

    public boolean started() {
        return started;
    }

    /**
     * Moves to the next phase: from UPDATE (or before the first) to FORWARD on the next minibatch. The UPDATE phase
     * performs the experiment's real training step.
     */
    public void advance() {
        if (!started || phase == Phase.UPDATE) {
            begin();
            return;
        }
        phase = Phase.values()[phase.ordinal() + 1];
        if (phase == Phase.UPDATE) {
            update();
        }
    }

    private void begin() {
        started = true;
        phase = Phase.FORWARD;
        ex.nextBatch();
        MlpKernel k = ex.kernel;
        int layers = k.layers;
        int d = ex.sizes[0];
        input = new float[d];
        System.arraycopy(ex.stageX(), 0, input, 0, d);
        label = ex.stageLabels()[0];
        target = ex.stageTargets()[0];
        position = ex.stagePosition(0);
        k.forward(input, 0, 1, false, 0);
        h = new float[layers + 1][];
        z = new float[layers][];
        h[0] = input.clone();
        for (int l = 0; l < layers; l++) {
            z[l] = java.util.Arrays.copyOf(k.preActivation(l), ex.sizes[l + 1]);
            h[l + 1] = l + 1 < layers ? java.util.Arrays.copyOf(k.hidden(l), ex.sizes[l + 1]) : null;
        }
        out = java.util.Arrays.copyOf(k.logits(), ex.outputs());
        // one example's loss and its gradient (not divided by the batch: this is that example's own share)
        exampleLoss = k.loss(ex.task(), new int[] {label}, new float[] {target}, 0, 1);
        delta = new float[layers][];
        for (int l = 0; l < layers; l++) {
            delta[l] = new float[ex.sizes[l + 1]];
        }
        k.backward(1, false, 0, false, delta, null);
        before = new float[layers][];
        for (int l = 0; l < layers; l++) {
            before[l] = k.w[l].clone();
        }
    }

    private void update() {
        ex.trainOnStage();
    }

    /** Value shown on node i of layer l (0 = inputs): the feature, the activation, or the output logit. */
    public float activation(int l, int i) {
        return l < h.length - 1 ? h[l][i] : out[i];
    }

    /** dL/dz of node i of layer l ≥ 1 for the traced example. */
    public float delta(int l, int i) {
        return delta[l - 1][i];
    }

    /** The traced example's share of dL/dw for the edge from node i of layer l to node j of layer l + 1. */
    public float edgeGradient(int l, int i, int j) {
        return h[l][i] * delta[l][j];
    }

    /** What flows along the edge in the forward pass: w · a. */
    public float edgeSignal(int l, int i, int j) {
        return before[l][i * ex.sizes[l + 1] + j] * h[l][i];
    }

    public float weightBefore(int l, int i, int j) {
        return before[l][i * ex.sizes[l + 1] + j];
    }

    public float weightAfter(int l, int i, int j) {
        return ex.kernel.w[l][i * ex.sizes[l + 1] + j];
    }

    /** Where the traced example sits on the plane, (x₁, x₂). */
    public float[] position() {
        return position.clone();
    }

    public double exampleLoss() {
        return exampleLoss;
    }

    /** The traced example's class (classification) or target (regression). */
    public int label() {
        return label;
    }

    public float target() {
        return target;
    }

    /** The traced example's raw output (logits). */
    public float[] output() {
        return out.clone();
    }

    /** All edge values of layer l for the current phase, (in, out): signals, gradients or weight changes. */
    public float[] edgeValues(int l) {
        int in = ex.sizes[l], o = ex.sizes[l + 1];
        float[] v = new float[in * o];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < o; j++) {
                v[i * o + j] = switch (phase) {
                    case FORWARD, LOSS -> edgeSignal(l, i, j);
                    case BACKWARD -> edgeGradient(l, i, j);
                    default -> weightAfter(l, i, j) - weightBefore(l, i, j);
                };
            }
        }
        return v;
    }
}
