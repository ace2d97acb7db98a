package descent.gpu;

import descent.nn.Mlp;
import descent.optim.Adam;
import descent.optim.Optimizer;
import descent.tensor.Backend;
import descent.tensor.Losses;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;

/**
 * One MLP training step on fixed seeded data (inputs N(0, 1), random labels): the workload of the self-test's
 * steady-state run and of the MLP benchmark cells. Pure engine code, so it runs unchanged on every backend; the loss
 * of the latest step is copied into a persistent one-float tensor that a {@link StatsReadback} can watch.
 */
public final class MlpStep {
    public final Mlp model;
    public final Optimizer optimizer;
    public final Tensor loss;
    private final Tensor x;
    private final Tensor y;
    private long steps;

    /** sizes like {784, 128, 10}; the last is the class count. */
    public MlpStep(Backend be, long seed, int batch, int... sizes) {
        Rng rng = new Rng(seed);
        model = new Mlp(be, rng, sizes);
        optimizer = new Adam(model.parameters(), 1e-3f);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = rng.nextInt(sizes[sizes.length - 1]);
        }
        x = Tensor.of(be, rng.normals(batch * sizes[0], 1), batch, sizes[0]).persistent();
        y = Tensor.indices(be, labels).persistent();
        loss = Tensor.zeros(be, 1).persistent();
    }

    public void step() {
        try (Scope s = Scope.open()) {
            Tensor l = Losses.crossEntropy(model.forward(x), y);
            l.backward();
            optimizer.step();
            optimizer.zeroGrad();
            loss.backend.copy(l.buffer(), loss.buffer(), 1, false);
        }
        steps++;
    }

    public long steps() {
        return steps;
    }

    /** Replaces the inputs (N, D) and class labels (N), e.g. with data another library trains on too. */
    public void setData(float[] inputs, int[] labels) {
        x.backend.write(x.buffer(), inputs);
        y.backend.write(y.buffer(), asFloats(labels));
    }

    static float[] asFloats(int[] labels) {
        float[] f = new float[labels.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = labels[i];
        }
        return f;
    }

    /** The first parameter's values (for checking two backends trained the same). */
    public float[] firstWeights() {
        return model.parameters().get(0).value.toHost();
    }
}
