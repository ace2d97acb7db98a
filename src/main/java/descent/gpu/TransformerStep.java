package descent.gpu;

import descent.nn.Linear;
import descent.nn.Parameter;
import descent.nn.Parametrization;
import descent.nn.Role;
import descent.nn.TransformerBlock;
import descent.optim.Adam;
import descent.optim.Optimizer;
import descent.tensor.Backend;
import descent.tensor.Losses;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * One training step of a small pre-norm transformer on fixed seeded data: inputs x (B, T, C) drawn N(0, 1), pre-norm
 * blocks, a linear read-out to V classes per position and cross-entropy against random targets, Adam. The benchmark's
 * transformer cell (2 blocks, C = 64, 4 heads, T = 64, B = 16); the TensorFlow.js side builds the same network.
 */
public final class TransformerStep {
    public final Tensor loss;
    private final List<TransformerBlock> blocks = new ArrayList<>();
    private final Linear head;
    private final List<Parameter> params = new ArrayList<>();
    private final Optimizer optimizer;
    private final Tensor x;
    private final Tensor y;
    private final int b;
    private final int t;
    private final int v;
    private long steps;

    public TransformerStep(Backend be, long seed, int batch, int context, int d, int heads, int layers, int vocab) {
        Rng rng = new Rng(seed);
        this.b = batch;
        this.t = context;
        this.v = vocab;
        for (int i = 0; i < layers; i++) {
            TransformerBlock block = new TransformerBlock(be, rng, "block" + i, d, heads, Parametrization.standard());
            blocks.add(block);
            params.addAll(block.parameters());
        }
        head = new Linear(be, rng, "head", d, vocab, Role.OUTPUT, true, Parametrization.standard(), 1);
        params.addAll(head.parameters());
        optimizer = new Adam(params, 1e-3f);
        x = Tensor.of(be, rng.normals(batch * context * d, 1), batch, context, d).persistent();
        int[] labels = new int[batch * context];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rng.nextInt(vocab);
        }
        y = Tensor.indices(be, labels).persistent();
        loss = Tensor.zeros(be, 1).persistent();
    }

    public void step() {
        try (Scope s = Scope.open()) {
            Tensor h = x;
            for (TransformerBlock block : blocks) {
                h = block.forward(h);
            }
            Tensor logits = head.forward(h).reshape(b * t, v);
            Tensor l = Losses.crossEntropy(logits, y);
            l.backward();
            optimizer.step();
            optimizer.zeroGrad();
            loss.backend.copy(l.buffer(), loss.buffer(), 1, false);
        }
        steps++;
    }

    public long steps() {
        return steps;
    }

    /** Every parameter: per block (norm1 gain, shift, qkv, out, norm2 gain, shift, up, down), then the head. */
    public List<Parameter> parameters() {
        return params;
    }

    /** Replaces the inputs (B, T, C) and the targets (B T), e.g. with data another library trains on too. */
    public void setData(float[] inputs, int[] labels) {
        x.backend.write(x.buffer(), inputs);
        y.backend.write(y.buffer(), MlpStep.asFloats(labels));
    }
}
