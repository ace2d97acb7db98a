package descent.tensor;

import static descent.tensor.GradCheck.awayFromZero;
import static descent.tensor.GradCheck.check;
import static descent.tensor.GradCheck.leaf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ElementwiseGradTest {
    final Backend be = new CpuBackend();
    final Rng rng = new Rng(7);

    @Test
    void binaryOpsWithBroadcasting() {
        int[][][] pairs = {
            {{3, 5}, {3, 5}}, {{3, 1, 5}, {4, 5}}, {{2, 3}, {}}, {{1}, {2, 3}}, {{4, 1}, {1, 3}}, {{7}, {2, 3, 7}},
        };
        for (int[][] p : pairs) {
            Tensor a = leaf(be, rng, -1, 1, p[0]);
            Tensor b = leaf(be, rng, 0.5, 1.5, p[1]); // away from 0 for div
            String s = Shape.str(p[0]) + " with " + Shape.str(p[1]);
            check("add " + s, x -> x[0].add(x[1]), a, b);
            check("sub " + s, x -> x[0].sub(x[1]), a, b);
            check("mul " + s, x -> x[0].mul(x[1]), a, b);
            check("div " + s, x -> x[0].div(x[1]), a, b);
            check("max " + s, x -> x[0].maximum(x[1]), a, b);
        }
    }

    @Test
    void broadcastForwardMatchesDefinition() {
        Tensor a = Tensor.of(be, new float[] {1, 2, 3}, 3, 1);
        Tensor b = Tensor.of(be, new float[] {10, 20}, 2);
        assertArrayEquals(new float[] {11, 21, 12, 22, 13, 23}, a.add(b).toHost());
        assertArrayEquals(new int[] {3, 2}, a.add(b).shape());
    }

    @Test
    void unaryOps() {
        for (int[] shape : new int[][] {{1}, {3, 5}, {2, 3, 7}}) {
            Tensor x = awayFromZero(be, rng, shape);
            Tensor pos = leaf(be, rng, 0.3, 2, shape);
            check("neg", t -> t[0].neg(), x);
            check("exp", t -> t[0].exp(), x);
            check("tanh", t -> t[0].tanh(), x);
            check("sigmoid", t -> t[0].sigmoid(), x);
            check("relu", t -> t[0].relu(), x);
            check("leaky relu", t -> t[0].leakyRelu(0.1f), x);
            check("gelu", t -> t[0].gelu(), x);
            check("silu", t -> t[0].silu(), x);
            check("softplus", t -> t[0].softplus(), x);
            check("scale", t -> t[0].mul(-2.5f), x);
            check("add scalar", t -> t[0].add(3f), x);
            check("square", t -> t[0].square(), x);
            check("abs", t -> t[0].abs(), x);
            check("clamp min", t -> t[0].clampMin(0.05f), x);
            check("log", t -> t[0].log(), pos);
            check("sqrt", t -> t[0].sqrt(), pos);
            check("pow", t -> t[0].pow(1.7f), pos);
            check("reciprocal", t -> t[0].reciprocal(2f), pos);
        }
    }

    @Test
    void activationValues() {
        Tensor x = Tensor.of(be, new float[] {-2, 0, 1.5f}, 3);
        assertArrayEquals(new float[] {0, 0, 1.5f}, x.relu().toHost());
        float[] g = x.gelu().toHost();
        assertEquals(-0.04540230f, g[0], 1e-5); // GPT-2 gelu at -2
        assertEquals(1.39957f, g[2], 1e-4); // tanh form, not the erf form (1.39978)
        float[] sp = Tensor.of(be, new float[] {-100, 0, 100}, 3).softplus().toHost();
        assertArrayEquals(new float[] {0, (float) Math.log(2), 100}, sp, 1e-6f);
        float[] s = Tensor.of(be, new float[] {-100, 100}, 2).sigmoid().toHost();
        assertArrayEquals(new float[] {0, 1}, s, 1e-6f);
    }

    @Test
    void gradientAccumulatesOverUses() {
        Tensor x = Tensor.of(be, new float[] {3}, 1).requireGrad();
        x.mul(x).add(x).sum().backward(); // d/dx (x^2 + x) = 2x + 1
        assertEquals(7f, x.grad().item());
        x.mul(2f).sum().backward();
        assertEquals(9f, x.grad().item(), "a second backward adds to the gradient");
        x.zeroGrad();
        assertEquals(0f, x.grad().item());
    }

    @Test
    void noGradAndDetachStopGradients() {
        Tensor x = Tensor.of(be, new float[] {2}, 1).requireGrad();
        try (Autograd.NoGrad g = Autograd.noGrad()) {
            assertEquals(false, x.mul(x).requiresGrad());
        }
        Tensor y = x.mul(x.detach()).sum(); // d/dx (x * const 2) = 2
        y.backward();
        assertEquals(2f, x.grad().item());
    }

    @Test
    void dropoutIsSeededAndScaled() {
        Tensor x = Tensor.full(be, 1f, 1000);
        float[] a = Elementwise.dropout(x, 0.25f, 99).toHost();
        float[] b = Elementwise.dropout(x, 0.25f, 99).toHost();
        assertArrayEquals(a, b);
        int kept = 0;
        for (float v : a) {
            if (v != 0) {
                kept++;
                assertEquals(1f / 0.75f, v, 1e-6);
            }
        }
        assertEquals(750, kept, 50);
        Tensor l = leaf(be, rng, -1, 1, 3, 7);
        check("dropout", t -> Elementwise.dropout(t[0], 0.5f, 5), l);
    }
}
