package descent.nn;

import static descent.tensor.GradCheck.check;
import static descent.tensor.GradCheck.leaf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.SequenceTask;
import descent.optim.Adam;
import descent.tensor.Autograd;
import descent.tensor.Backend;
import descent.tensor.CpuBackend;
import descent.tensor.Losses;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

class AttentionTest {
    final Backend be = new CpuBackend();
    final Rng rng = new Rng(17);

    @Test
    void attentionGradient() {
        check("causal attention", t -> CausalSelfAttention.attend(t[0], t[1], t[2])[0],
                leaf(be, rng, -1, 1, 2, 2, 5, 3), leaf(be, rng, -1, 1, 2, 2, 5, 3), leaf(be, rng, -1, 1, 2, 2, 5, 3));
    }

    @Test
    void weightsAreCausalAndReadable() {
        CausalSelfAttention attn = new CausalSelfAttention(be, rng, "attn", 8, 2, Parametrization.standard());
        try (Scope s = Scope.open()) {
            attn.forward(Tensor.of(be, rng.uniforms(2 * 4 * 8, -1, 1), 2, 4, 8));
            float[] w = attn.lastWeights().toHost(); // (B, H, T, T)
            assertArrayEquals(new int[] {2, 2, 4, 4}, attn.lastWeights().shape());
            for (int row = 0; row < 16; row++) {
                int t = row % 4;
                double sum = 0;
                for (int j = 0; j < 4; j++) {
                    if (j > t) assertEquals(0f, w[row * 4 + j], "no attention to the future");
                    sum += w[row * 4 + j];
                }
                assertEquals(1, sum, 1e-6);
            }
        }
    }

    @Test
    void moduleGradients() {
        LayerNorm ln = new LayerNorm(be, "ln", 6);
        TransformerBlock block = new TransformerBlock(be, rng, "block", 8, 2, Parametrization.standard());
        Tensor x = leaf(be, rng, -1, 1, 2, 3, 8);
        check("transformer block input", t -> block.forward(t[0]), x);
        check("layer norm gain", t -> ln.forward(t[0]), leaf(be, rng, -1, 1, 3, 6));
        Conv2d conv = new Conv2d(be, rng, "conv", 2, 3);
        check("conv2d module", t -> conv.forward(t[0]), leaf(be, rng, -1, 1, 1, 2, 4, 5));
        Embedding emb = new Embedding(be, rng, "emb", 5, 3, 1);
        check("embedding weight", t -> emb.forward(Tensor.indices(be, new int[] {1, 4, 1}, 3)).mul(t[0]),
                leaf(be, rng, -1, 1, 3, 3));
        RmsNorm rms = new RmsNorm(be, "rms", 4);
        check("rms norm module", t -> rms.forward(t[0]), leaf(be, rng, -1, 1, 2, 4));
        assertTrue(block.parameters().size() == 12);
    }

    /** Token and position embeddings, one attention layer with a residual, and a readout. */
    static final class CopyModel extends Module {
        final Embedding tokens, positions;
        final CausalSelfAttention attn;
        final Linear readout;
        final int t;

        CopyModel(Backend be, Rng rng, int vocab, int t, int d) {
            super(be, "");
            this.t = t;
            tokens = child(new Embedding(be, rng, "tok", vocab, d, 1));
            positions = child(new Embedding(be, rng, "pos", t, d, 1));
            attn = child(new CausalSelfAttention(be, rng, "attn", d, 2, Parametrization.standard()));
            readout = child(new Linear(be, rng, "out", d, vocab, Role.OUTPUT, true, Parametrization.standard(), 1));
        }

        @Override
        public Tensor forward(Tensor ids) {
            int b = ids.dim(0);
            int[] pos = new int[t];
            for (int i = 0; i < t; i++) pos[i] = i;
            Tensor h = tokens.forward(ids).add(positions.forward(Tensor.indices(backend, pos, t)));
            h = h.add(attn.forward(h));
            return readout.forward(h).reshape(b * t, -1);
        }
    }

    @Test
    void oneLayerAttentionLearnsToCopy() {
        SequenceTask task = SequenceTask.listTask(SequenceTask.Kind.COPY, 4096, 4, 8, 5);
        CopyModel model = new CopyModel(be, new Rng(3), task.vocab, task.t, 32);
        Adam adam = new Adam(model.parameters(), 0.01f);
        int batch = 32;
        for (int step = 0; step < 600; step++) {
            int from = (step * batch) % (task.n - batch);
            try (Scope s = Scope.open()) {
                Tensor logits = model.forward(task.inputs(be, from, batch)).gatherRows(task.scoredRows(be, batch));
                Tensor loss = Losses.crossEntropy(logits, task.scoredTargets(be, from, batch));
                adam.zeroGrad();
                loss.backward();
                adam.step();
            }
        }
        SequenceTask test = SequenceTask.listTask(SequenceTask.Kind.COPY, 256, 4, 8, 99);
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            Tensor logits = model.forward(test.inputs(be, 0, 256)).gatherRows(test.scoredRows(be, 256));
            int[] pred = Metrics.predictions(logits);
            float[] y = test.scoredTargets(be, 0, 256).toHost();
            int correct = 0;
            for (int i = 0; i < pred.length; i++) if (pred[i] == (int) y[i]) correct++;
            double acc = (double) correct / pred.length;
            assertTrue(acc > 0.97, "copy accuracy on unseen sequences " + acc);
        }
    }
}
