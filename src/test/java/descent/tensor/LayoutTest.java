package descent.tensor;

import static descent.tensor.GradCheck.check;
import static descent.tensor.GradCheck.leaf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LayoutTest {
    final Backend be = new CpuBackend();
    final Rng rng = new Rng(3);

    @Test
    void permuteValues() {
        Tensor x = Tensor.of(be, new float[] {0, 1, 2, 3, 4, 5}, 2, 3);
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, x.transpose().toHost());
        Tensor y = Tensor.of(be, new float[] {0, 1, 2, 3, 4, 5, 6, 7}, 2, 2, 2);
        assertArrayEquals(new float[] {0, 4, 1, 5, 2, 6, 3, 7}, y.permute(1, 2, 0).toHost());
    }

    @Test
    void layoutGradients() {
        Tensor x = leaf(be, rng, -1, 1, 2, 3, 4);
        check("transpose", t -> t[0].transpose(), x);
        check("permute", t -> t[0].permute(2, 0, 1), x);
        check("reshape", t -> t[0].reshape(4, -1).mul(t[0].reshape(4, 6)), x);
        check("slice middle axis", t -> t[0].slice(1, 1, 3), x);
        check("slice last axis", t -> t[0].slice(-1, 0, 1), x);
        Tensor y = leaf(be, rng, -1, 1, 2, 1, 4);
        check("concat", t -> Layout.concat(1, t[0], t[1], t[0]), x, y);
    }

    @Test
    void gatherAndScatter() {
        Tensor table = leaf(be, rng, -1, 1, 5, 3);
        Tensor idx = Tensor.indices(be, new int[] {4, 0, 4, 2}, 2, 2);
        assertArrayEquals(new int[] {2, 2, 3}, table.gatherRows(idx).shape());
        check("gather rows (repeated index)", t -> t[0].gatherRows(idx), table);
        Tensor messages = leaf(be, rng, -1, 1, 4, 3);
        Tensor target = Tensor.indices(be, new int[] {1, 1, 0, 3});
        check("scatter-add rows", t -> Layout.scatterAddRows(t[0], target, 4), messages);
        float[] s = Layout.scatterAddRows(Tensor.of(be, new float[] {1, 2, 3}, 3, 1),
                Tensor.indices(be, new int[] {1, 1, 0}), 2).toHost();
        assertArrayEquals(new float[] {3, 3}, s);
    }

    @Test
    void badIndexIsAnError() {
        Tensor table = Tensor.zeros(be, 3, 2);
        assertThrows(IndexOutOfBoundsException.class, () -> table.gatherRows(Tensor.indices(be, new int[] {3})));
        assertThrows(IllegalArgumentException.class, () -> table.reshape(4, -1));
    }
}
