package descent.labs.landscape;

import descent.data.Dataset;
import descent.nn.Module;
import descent.tensor.Autograd;
import descent.tensor.Backend;
import descent.tensor.Scope;
import descent.tensor.Tensor;

/**
 * The CPU path: a probe network of the same architecture receives each perturbed parameter vector and runs the
 * engine's own forward pass and loss. Because it is the very computation training uses, the loss at a = b = 0 is the
 * current loss bit for bit.
 */
public final class CpuSliceEvaluator implements SliceEvaluator {
    private final Module probe;
    private final ParamVector layout;
    private final Tensor x, labels;
    private float[] center, d1, d2;
    private final float[] theta;

    public CpuSliceEvaluator(Backend be, Network net, Dataset data) {
        probe = net.build(be, 0);
        probe.setTraining(false);
        layout = new ParamVector(probe.parameters());
        theta = new float[layout.size];
        x = data.inputs(be).persistent();        // (N, D)
        labels = data.labelTensor(be).persistent(); // (N)
    }

    @Override
    public void plane(float[] c, float[] a, float[] b) {
        center = c;
        d1 = a;
        d2 = b;
    }

    @Override
    public void evaluate(float[] a, float[] b, int n, float[] out) {
        for (int i = 0; i < n; i++) {
            Vec.point(center, d1, d2, a[i], b[i], theta);
            out[i] = lossAt(theta);
        }
    }

    /** The loss with the probe's parameters set to theta (P). */
    public float lossAt(float[] theta) {
        layout.write(theta);
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            return Network.loss(probe, x, labels).item();
        }
    }

    @Override
    public int batchHint() {
        return 8;
    }

    @Override
    public String path() {
        return "cpu";
    }

    @Override
    public void release() {
        x.release();
        labels.release();
    }
}
