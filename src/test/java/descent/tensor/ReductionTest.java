package descent.tensor;

import static descent.tensor.GradCheck.check;
import static descent.tensor.GradCheck.leaf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReductionTest {
    final Backend be = new CpuBackend();
    final Rng rng = new Rng(5);

    @Test
    void reductionGradients() {
        Tensor x = leaf(be, rng, -1, 1, 3, 4, 5);
        for (int axis = 0; axis < 3; axis++) {
            int a = axis;
            check("sum axis " + a, t -> t[0].sum(a, false), x);
            check("mean axis " + a, t -> t[0].mean(a, true), x);
            check("max axis " + a, t -> t[0].max(a, false), x);
            check("softmax axis " + a, t -> t[0].softmax(a), x);
            check("log-softmax axis " + a, t -> t[0].logSoftmax(a), x);
        }
        check("sum all", t -> t[0].sum(), x);
        check("mean all", t -> t[0].mean(), x);
        check("causal softmax", t -> Reductions.causalSoftmax(t[0]), leaf(be, rng, -2, 2, 2, 5, 5));
    }

    @Test
    void softmaxValues() {
        Tensor x = Tensor.of(be, new float[] {1, 2, 3, 1000, 1000, 1000}, 2, 3);
        float[] s = x.softmax(-1).toHost();
        assertEquals(0.09003057f, s[0], 1e-6);
        assertEquals(1f / 3, s[4], 1e-6, "large logits do not overflow");
        float[] c = Reductions.causalSoftmax(Tensor.zeros(be, 3, 3)).toHost();
        assertArrayEquals(new float[] {1, 0, 0, 0.5f, 0.5f, 0, 1f / 3, 1f / 3, 1f / 3}, c, 1e-6f);
    }
}
