package descent.nn;

import static descent.tensor.GradCheck.check;
import static descent.tensor.GradCheck.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.tensor.Backend;
import descent.tensor.CpuBackend;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

class RotaryTest {
    final Backend be = new CpuBackend();
    final Rng rng = new Rng(11);

    /** The same query and key placed at every position: their score may depend only on the offset s - t. */
    @Test
    void scoresDependOnlyOnTheOffset() {
        int t = 7, dh = 8;
        Rotary rope = new Rotary(be, dh, 10);
        float[] a = rng.normals(dh, 1), b = rng.normals(dh, 1);
        float[] qa = new float[t * dh], kb = new float[t * dh];
        for (int i = 0; i < t; i++) {
            System.arraycopy(a, 0, qa, i * dh, dh);
            System.arraycopy(b, 0, kb, i * dh, dh);
        }
        try (Scope s = Scope.open()) {
            float[] q = rope.apply(Tensor.of(be, qa, t, dh)).toHost();
            float[] k = rope.apply(Tensor.of(be, kb, t, dh)).toHost();
            for (int offset = 0; offset < t; offset++) {
                double first = dot(q, offset, k, 0, dh);
                for (int j = 1; j + offset < t; j++) {
                    assertEquals(first, dot(q, j + offset, k, j, dh), 1e-4, "offset " + offset + " at key " + j);
                }
            }
            // a rotation keeps lengths
            for (int i = 0; i < t; i++) assertEquals(dot(qa, i, qa, i, dh), dot(q, i, q, i, dh), 1e-4);
        }
    }

    @Test
    void positionZeroIsTheIdentity() {
        Rotary rope = new Rotary(be, 4, 3);
        try (Scope s = Scope.open()) {
            float[] x = {1, 2, 3, 4};
            float[] y = rope.apply(Tensor.of(be, x, 1, 4)).toHost();
            for (int i = 0; i < 4; i++) assertEquals(x[i], y[i], 1e-6);
        }
    }

    @Test
    void attentionWithRotaryGradient() {
        Rotary rope = new Rotary(be, 4, 6);
        CausalSelfAttention attn = new CausalSelfAttention(be, rng, "attn", 8, 2, Parametrization.standard(), rope);
        check("attention with rotary positions", x -> attn.forward(x[0]), leaf(be, rng, -1, 1, 2, 5, 8));
        check("rotary map", x -> rope.apply(x[0]), leaf(be, rng, -1, 1, 2, 2, 6, 4));
    }

    static double dot(float[] x, int row, float[] y, int row2, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) s += (double) x[row * d + i] * y[row2 * d + i];
        return s;
    }
}
