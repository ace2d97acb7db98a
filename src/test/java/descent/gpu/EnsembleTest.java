package descent.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.nn.Parameter;
import descent.nn.Role;
import descent.optim.Adam;
import descent.tensor.CpuBackend;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An ensemble of E models trained together ends where E models trained one by one end. */
class EnsembleTest {
    static final int E = 3;
    static final int N = 8;
    static final int[] SIZES = {2, 5, 3};

    @Test
    void trainingTogetherEqualsTrainingAlone() {
        CpuBackend be = new CpuBackend();
        long[] seeds = {11, 12, 13};
        Rng data = new Rng(5);
        float[] x = data.uniforms(E * N * SIZES[0], -1, 1);
        int[] labels = new int[E * N];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.nextInt(SIZES[2]);
        }
        Ensemble ens = new Ensemble(be, seeds, SIZES);
        Tensor xt = Tensor.of(be, x, E, N, SIZES[0]).persistent();
        Tensor y = Ensemble.oneHot(be, labels, E, N, SIZES[2]).persistent();
        Adam adam = new Adam(ens.parameters, 0.05f);
        for (int step = 0; step < 5; step++) {
            try (Scope s = Scope.open()) {
                ens.losses(ens.forward(xt), y).sum().backward();
                adam.step();
                adam.zeroGrad();
            }
        }
        for (int e = 0; e < E; e++) {
            Ensemble alone = new Ensemble(be, new long[] {seeds[e]}, SIZES);
            float[] xe = new float[N * SIZES[0]];
            System.arraycopy(x, e * N * SIZES[0], xe, 0, xe.length);
            int[] le = new int[N];
            System.arraycopy(labels, e * N, le, 0, N);
            Tensor xa = Tensor.of(be, xe, 1, N, SIZES[0]);
            Tensor ya = Ensemble.oneHot(be, le, 1, N, SIZES[2]);
            Adam a = new Adam(alone.parameters, 0.05f);
            for (int step = 0; step < 5; step++) {
                try (Scope s = Scope.open()) {
                    alone.losses(alone.forward(xa), ya).sum().backward();
                    a.step();
                    a.zeroGrad();
                }
            }
            for (int l = 0; l < SIZES.length - 1; l++) {
                float[] want = alone.memberWeights(l, 0);
                float[] got = ens.memberWeights(l, e);
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], got[i], 1e-5, "member " + e + " layer " + l + " weight " + i);
                }
            }
        }
    }
}
