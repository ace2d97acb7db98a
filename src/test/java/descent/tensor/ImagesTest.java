package descent.tensor;

import static descent.tensor.GradCheck.check;
import static descent.tensor.GradCheck.leaf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ImagesTest {
    final Backend be = new CpuBackend();
    final Rng rng = new Rng(13);

    @Test
    void convolutionGradients() {
        check("conv 3x3 pad 1", t -> Images.conv2d(t[0], t[1], 1, 1), leaf(be, rng, -1, 1, 2, 2, 5, 4),
                leaf(be, rng, -1, 1, 3, 2, 3, 3));
        check("conv stride 2 no pad", t -> Images.conv2d(t[0], t[1], 2, 0), leaf(be, rng, -1, 1, 1, 3, 7, 7),
                leaf(be, rng, -1, 1, 2, 3, 3, 2));
        check("conv 1x1", t -> Images.conv2d(t[0], t[1], 1, 0), leaf(be, rng, -1, 1, 2, 3, 3, 3),
                leaf(be, rng, -1, 1, 4, 3, 1, 1));
    }

    @Test
    void convolutionValues() {
        // a 3x3 box filter with zero padding on a 3x3 image of ones counts the in-bounds neighbours
        Tensor x = Tensor.full(be, 1f, 1, 1, 3, 3);
        Tensor w = Tensor.full(be, 1f, 1, 1, 3, 3);
        assertArrayEquals(new float[] {4, 6, 4, 6, 9, 6, 4, 6, 4}, Images.conv2d(x, w, 1, 1).toHost());
    }

    @Test
    void poolingAndUpsampling() {
        // distinct values 0.05 apart, so a finite-difference step never swaps which element is a window's max
        int[] perm = rng.permutation(2 * 3 * 6 * 5);
        float[] v = new float[perm.length];
        for (int i = 0; i < v.length; i++) v[i] = perm[i] * 0.05f - 4f;
        Tensor x = Tensor.of(be, v, 2, 3, 6, 5).requireGrad();
        check("max pool 2", t -> Images.maxPool2d(t[0], 2, 2), x);
        check("max pool 3 stride 1", t -> Images.maxPool2d(t[0], 3, 1), x);
        check("avg pool 2", t -> Images.avgPool2d(t[0], 2, 2), x);
        check("upsample 2", t -> Images.upsample(t[0], 2), leaf(be, rng, -1, 1, 1, 2, 3, 2));
        Tensor img = Tensor.of(be, new float[] {1, 2, 3, 4}, 1, 1, 2, 2);
        assertArrayEquals(new float[] {4}, Images.maxPool2d(img, 2, 2).toHost());
        assertArrayEquals(new float[] {2.5f}, Images.avgPool2d(img, 2, 2).toHost());
        assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4},
                Images.upsample(img, 2).toHost());
    }
}
