package descent.labs.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.labs.Params;
import descent.nn.Linear;
import descent.nn.Parameter;
import descent.tensor.CpuBackend;
import descent.tensor.Losses;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The hand-written backprop agrees with the engine's autograd on the same parameters and the same batch. */
class MlpKernelTest {
    static Params params(String hash) {
        return descent.labs.HashState.parse("lab=playground&" + hash, java.util.List.of(PlaygroundSpec.SPEC))
                .params();
    }

    /** Gradients of one batch by the kernel and by autograd through nn.Mlp, compared entry by entry. */
    static double maxGradientGap(String hash) {
        PlaygroundExperiment ex = new PlaygroundExperiment(params(hash));
        ex.nextBatch();
        int b = ex.batchSize();
        MlpKernel k = ex.kernel;
        k.forward(ex.stageX(), 0, b, false, 0);
        double kernelLoss = k.loss(ex.task(), ex.stageLabels(), ex.stageTargets(), 0, b);
        k.backward(b, false, 0, true, null, null);
        float[][] mine = new float[k.layers * 2][];
        for (int l = 0; l < k.layers; l++) {
            mine[2 * l] = k.gw[l].clone();
            mine[2 * l + 1] = k.gb[l].clone();
        }
        CpuBackend be = (CpuBackend) ex.mlp.layers[0].weight.value.backend;
        for (Parameter p : ex.parameters()) {
            p.value.zeroGrad();
        }
        double gap;
        try (Scope s = Scope.open()) {
            ex.mlp.setTraining(false);
            Tensor x = Tensor.of(be, ex.stageX().clone(), b, ex.sizes()[0]);
            Tensor out = ex.mlp.forward(x);
            Tensor loss = switch (ex.task()) {
                case BINARY -> {
                    float[] t = new float[b];
                    for (int i = 0; i < b; i++) t[i] = ex.stageLabels()[i];
                    yield Losses.bceWithLogits(out.reshape(b), Tensor.of(be, t, b));
                }
                case MULTICLASS -> Losses.crossEntropy(out, Tensor.indices(be, ex.stageLabels().clone(), b));
                default -> Losses.mse(out.reshape(b), Tensor.of(be, ex.stageTargets().clone(), b));
            };
            assertEquals(loss.item(), kernelLoss, 1e-4 * Math.max(1, Math.abs(kernelLoss)), "same loss");
            loss.backward();
            gap = 0;
            for (int l = 0; l < k.layers; l++) {
                Linear lin = ex.mlp.layers[l];
                gap = Math.max(gap, gap(lin.weight.value.grad().toHost(), mine[2 * l]));
                gap = Math.max(gap, gap(lin.bias.value.grad().toHost(), mine[2 * l + 1]));
            }
        }
        return gap;
    }

    static double gap(float[] a, float[] b) {
        double g = 0;
        for (int i = 0; i < a.length; i++) {
            g = Math.max(g, Math.abs(a[i] - b[i]) / Math.max(1e-3, Math.abs(a[i])));
        }
        return g;
    }

    @Test
    void binaryTanhMatchesAutograd() {
        assertTrue(maxGradientGap("data=circles&hidden=4,2&act=tanh&batch=10") < 1e-3);
    }

    @Test
    void everyActivationMatchesAutograd() {
        for (String act : PlaygroundSpec.ACTIVATIONS) {
            double g = maxGradientGap("data=xor&hidden=5,3&act=" + act + "&batch=16&x1sq=1&sin2=1");
            assertTrue(g < 2e-3, act + ": relative gradient gap " + g);
        }
    }

    @Test
    void multiclassResidualMatchesAutograd() {
        double g = maxGradientGap("data=spiral&classes=4&hidden=6,6,6&act=relu&residual=1&batch=20");
        assertTrue(g < 1e-3, "gap " + g);
    }

    @Test
    void regressionMatchesAutograd() {
        double g = maxGradientGap("data=multigauss&hidden=8&act=gelu&batch=12&x1x2=1");
        assertTrue(g < 1e-3, "gap " + g);
    }

    @Test
    void linearModelMatchesAutograd() {
        double g = maxGradientGap("data=gaussians&classes=3&hidden=&batch=7");
        assertTrue(g < 1e-3, "gap " + g);
    }

    @Test
    void dropoutZeroesAboutTheRightShareAndKeepsTheMean() {
        PlaygroundExperiment ex = new PlaygroundExperiment(params("hidden=64&act=relu&dropout=0.25&batch=100"));
        ex.nextBatch();
        MlpKernel k = ex.kernel;
        k.forward(ex.stageX(), 0, 100, true, 42);
        float[] dropped = k.hidden(0).clone();
        k.forward(ex.stageX(), 0, 100, false, 42);
        float[] kept = k.hidden(0);
        int zeros = 0, alive = 0;
        double ratio = 0;
        for (int i = 0; i < 6400; i++) {
            if (kept[i] > 0) {
                alive++;
                if (dropped[i] == 0) {
                    zeros++;
                } else {
                    ratio += dropped[i] / kept[i];
                }
            }
        }
        assertEquals(0.25, (double) zeros / alive, 0.03);
        assertEquals(1 / 0.75, ratio / (alive - zeros), 1e-4, "inverted dropout scales survivors by 1/(1-p)");
    }
}
