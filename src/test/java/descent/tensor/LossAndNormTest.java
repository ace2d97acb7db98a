package descent.tensor;

import static descent.tensor.GradCheck.check;
import static descent.tensor.GradCheck.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LossAndNormTest {
    final Backend be = new CpuBackend();
    final Rng rng = new Rng(9);

    @Test
    void lossGradients() {
        Tensor logits = leaf(be, rng, -2, 2, 5, 3);
        Tensor labels = Tensor.indices(be, new int[] {0, 2, 1, 1, 0});
        check("cross-entropy", t -> Losses.crossEntropy(t[0], labels), logits);
        Tensor z = leaf(be, rng, -3, 3, 7);
        Tensor targets = Tensor.of(be, new float[] {0, 1, 1, 0, 0.5f, 1, 0}, 7);
        check("bce with logits", t -> Losses.bceWithLogits(t[0], targets), z);
        check("mse", t -> Losses.mse(t[0], t[1]), leaf(be, rng, -1, 1, 4, 2), leaf(be, rng, -1, 1, 4, 2));
    }

    @Test
    void lossValues() {
        Tensor logits = Tensor.of(be, new float[] {0, 0, 0, 0, 0, 10}, 2, 3);
        float ce = Losses.crossEntropy(logits, Tensor.indices(be, new int[] {1, 2})).item();
        assertEquals((Math.log(3) + Math.log(1 + 2 * Math.exp(-10))) / 2, ce, 1e-6);
        float bce = Losses.bceWithLogits(Tensor.of(be, new float[] {200, -200}, 2),
                Tensor.of(be, new float[] {1, 0}, 2)).item();
        assertEquals(0f, bce, 1e-6, "saturated logits give zero loss, not NaN");
    }

    @Test
    void normGradients() {
        for (int[] shape : new int[][] {{3, 5}, {2, 3, 8}, {1, 1}}) {
            Tensor x = leaf(be, rng, -2, 2, shape);
            if (shape[shape.length - 1] > 1) check("layer norm " + Shape.str(shape), t -> Norms.layerNorm(t[0], 1e-5f), x);
            check("rms norm " + Shape.str(shape), t -> Norms.rmsNorm(t[0], 1e-5f), x);
        }
    }

    @Test
    void layerNormStatistics() {
        float[] y = Norms.layerNorm(Tensor.of(be, new float[] {1, 2, 3, 4}, 1, 4), 0f).toHost();
        double mean = 0, var = 0;
        for (float v : y) mean += v / 4.0;
        for (float v : y) var += (v - mean) * (v - mean) / 4.0;
        assertEquals(0, mean, 1e-6);
        assertEquals(1, var, 1e-5);
    }
}
