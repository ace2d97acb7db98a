package descent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.optim.Adam;
import descent.tensor.Autograd;
import descent.tensor.Backend;
import descent.tensor.CpuBackend;
import descent.tensor.Losses;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The coordinate check of Tensor Programs V (Figure 5): after a few Adam steps at a fixed learning rate, how much have
 * the output logits moved? Under muP the answer does not depend on width; under standard parametrisation it grows
 * with width, which is why its best learning rate shifts as networks get wider.
 */
class MuPTest {
    final Backend be = new CpuBackend();
    static final int[] WIDTHS = {64, 256, 1024};

    /** RMS change of the logits on a fixed batch after 4 Adam steps. */
    double logitChange(Parametrization pz, int width) {
        Rng data = new Rng(99);
        Tensor x = Tensor.of(be, data.normals(32 * 8, 1), 32, 8).persistent();
        int[] y = new int[32];
        for (int i = 0; i < 32; i++) y[i] = data.nextInt(4);
        Tensor labels = Tensor.indices(be, y, 32).persistent();
        Mlp mlp = new Mlp(be, new Rng(width), new Mlp.Config().sizes(8, width, width, 4).parametrization(pz));
        Adam adam = new Adam(mlp.parameters(), 0.01f);
        float[] before = logits(mlp, x);
        for (int t = 0; t < 4; t++) {
            try (Scope s = Scope.open()) {
                adam.zeroGrad();
                Losses.crossEntropy(mlp.forward(x), labels).backward();
                adam.step();
            }
        }
        float[] after = logits(mlp, x);
        double sum = 0;
        for (int i = 0; i < after.length; i++) sum += (after[i] - before[i]) * (after[i] - before[i]);
        return Math.sqrt(sum / after.length);
    }

    float[] logits(Mlp mlp, Tensor x) {
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            return mlp.forward(x).toHost();
        }
    }

    @Test
    void muPKeepsTheUpdateScaleFlatAcrossWidths() {
        double[] mup = new double[WIDTHS.length], sp = new double[WIDTHS.length];
        for (int i = 0; i < WIDTHS.length; i++) {
            mup[i] = logitChange(Parametrization.muP(64, false), WIDTHS[i]);
            sp[i] = logitChange(Parametrization.standard(), WIDTHS[i]);
        }
        // 16x wider: muP's logit change stays within a factor 2, standard parametrisation's grows several-fold
        assertTrue(mup[2] / mup[0] < 2 && mup[0] / mup[2] < 2,
                "muP logit change by width: " + mup[0] + ", " + mup[1] + ", " + mup[2]);
        assertTrue(sp[2] / sp[0] > 3, "standard logit change by width: " + sp[0] + ", " + sp[1] + ", " + sp[2]);
        assertEquals(mup[0], sp[0], 1e-6 * (1 + sp[0]), "at the base width muP is standard parametrisation");
    }

    @Test
    void muPMultipliersFollowTheTable() {
        Parametrization mup = Parametrization.muP(64, false);
        assertEquals(1f, mup.lrScale(Role.INPUT, 8, 256));
        assertEquals(0.25f, mup.lrScale(Role.HIDDEN, 256, 256));
        assertEquals(0.25f, mup.lrScale(Role.OUTPUT, 256, 10));
        assertEquals(1f, mup.lrScale(Role.BIAS, 1, 256));
        assertEquals(Math.sqrt(64) / 256, mup.initStd(Role.OUTPUT, 256, 10, 1), 1e-12);
        assertEquals(1 / Math.sqrt(256), mup.initStd(Role.HIDDEN, 256, 256, 1), 1e-12);
    }
}
