package descent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Batcher;
import descent.data.Dataset;
import descent.data.Points2D;
import descent.optim.Adam;
import descent.optim.Optimizer;
import descent.tensor.Autograd;
import descent.tensor.Backend;
import descent.tensor.CpuBackend;
import descent.tensor.Losses;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MlpTest {
    /** Trains and returns the per-step losses; the test accuracy is left in {@code acc[0]}. */
    static float[] train(Backend be, Dataset data, Mlp.Config config, float lr, int steps, long seed, double[] acc) {
        Dataset[] split = data.split(0.25, seed);
        Mlp mlp = new Mlp(be, new Rng(seed), config);
        Optimizer opt = new Adam(mlp.parameters(), lr);
        Batcher batches = new Batcher(split[0], 32, seed);
        float[] losses = new float[steps];
        for (int step = 0; step < steps; step++) {
            try (Scope s = Scope.open()) {
                Tensor[] b = batches.next(be);
                Tensor loss = Losses.crossEntropy(mlp.forward(b[0]), b[1]);
                opt.zeroGrad();
                loss.backward();
                opt.step();
                losses[step] = loss.item();
            }
        }
        if (acc != null) {
            try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
                mlp.setTraining(false);
                acc[0] = Metrics.accuracy(mlp.forward(split[1].inputs(be)), split[1].labels);
            }
        }
        return losses;
    }

    @Test
    void solvesXor() {
        double[] acc = new double[1];
        Dataset xor = Points2D.classification(Points2D.Kind.XOR, 400, 2, 0.0, 1);
        train(new CpuBackend(), xor, new Mlp.Config().sizes(2, 8, 8, 2).activation(Activation.TANH), 0.03f, 400, 1, acc);
        assertTrue(acc[0] >= 0.97, "xor test accuracy " + acc[0]);
    }

    @Test
    void solvesThreeArmSpiral() {
        double[] acc = new double[1];
        Dataset spiral = Points2D.classification(Points2D.Kind.SPIRAL, 900, 3, 0.02, 2);
        train(new CpuBackend(), spiral, new Mlp.Config().sizes(2, 64, 64, 3).activation(Activation.RELU), 0.01f, 1500,
                2, acc);
        assertTrue(acc[0] >= 0.95, "spiral test accuracy " + acc[0]);
    }

    @Test
    void sameSeedGivesBitIdenticalLossesFor100Steps() {
        Dataset moons = Points2D.classification(Points2D.Kind.MOONS, 300, 2, 0.1, 4);
        Mlp.Config c = new Mlp.Config().sizes(2, 16, 16, 2).activation(Activation.GELU).dropout(0.1f);
        float[] a = train(new CpuBackend(), moons, c, 0.01f, 100, 9, null);
        float[] b = train(new CpuBackend(), moons, c, 0.01f, 100, 9, null);
        assertArrayEquals(a, b);
        float[] other = train(new CpuBackend(), moons, c, 0.01f, 100, 10, null);
        assertTrue(other[99] != a[99], "another seed gives another run");
    }

    @Test
    void steadyStateTrainingHoldsNoExtraBuffers() {
        CpuBackend be = new CpuBackend();
        Dataset data = Points2D.classification(Points2D.Kind.CIRCLES, 256, 2, 0.05, 3);
        Mlp mlp = new Mlp(be, new Rng(3), new Mlp.Config().sizes(2, 32, 32, 2).residual(true));
        Optimizer opt = new Adam(mlp.parameters(), 0.01f);
        Batcher batches = new Batcher(data, 64, 3);
        int liveAfterFirst = -1;
        long pooledAfterFirst = -1;
        for (int step = 0; step < 50; step++) {
            try (Scope s = Scope.open()) {
                Tensor[] b = batches.next(be);
                Tensor loss = Losses.crossEntropy(mlp.forward(b[0]), b[1]);
                opt.zeroGrad();
                loss.backward();
                opt.step();
            }
            if (step == 1) {
                liveAfterFirst = be.liveBuffers();
                pooledAfterFirst = be.pooledBytes();
            }
        }
        // parameters (6), their gradients (6) and Adam's two moments (12) are all that stays live
        assertEquals(24, be.liveBuffers());
        assertEquals(liveAfterFirst, be.liveBuffers());
        assertEquals(pooledAfterFirst, be.pooledBytes(), "the pool stops growing after the first steps");
    }

    @Test
    void residualAndDropoutOptions() {
        Backend be = new CpuBackend();
        Mlp m = new Mlp(be, new Rng(1), new Mlp.Config().sizes(3, 5, 5, 5, 2).residual(true).dropout(0.5f));
        assertEquals(4 * 5 + 5 * 6 + 5 * 6 + 6 * 2, m.parameterCount());
        Tensor x = Tensor.of(be, new Rng(2).uniforms(12, -1, 1), 4, 3);
        m.setTraining(false);
        assertArrayEquals(m.forward(x).toHost(), m.forward(x).toHost(), "evaluation mode is deterministic");
        assertEquals(Role.INPUT, m.layers[0].weight.role);
        assertEquals(Role.HIDDEN, m.layers[1].weight.role);
        assertEquals(Role.OUTPUT, m.layers[3].weight.role);
    }
}
