package descent.labs.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.data.Dataset;
import descent.nn.Activation;
import descent.nn.Module;
import descent.tensor.CpuBackend;
import descent.tensor.Rng;
import org.junit.jupiter.api.Test;

/** The ensemble path computes what the one-at-a-time path computes (the GPU runs the ensemble path). */
class EvaluatorTest {
    @Test
    void theEnsembleAgreesWithTheProbeOnAnMlpAndACnn() {
        for (String data : new String[] {"spiral", "shapes"}) {
            CpuBackend be = new CpuBackend();
            Network net = new Network(data, data.equals("shapes") ? 40 : 200, 12, 2, Activation.TANH, 4);
            Dataset train = net.datasets()[0];
            Module m = net.build(be, 4);
            ParamVector layout = new ParamVector(m.parameters());
            float[] theta = layout.read();
            for (int i = 0; i < theta.length; i++) theta[i] += 0.05f * (float) Math.sin(i); // non-zero biases too
            float[] d1 = new Rng(1).normals(layout.size, 0.1), d2 = new Rng(2).normals(layout.size, 0.1);
            int count = 23; // not a multiple of the ensemble size
            float[] a = new float[count], b = new float[count];
            for (int i = 0; i < count; i++) {
                a[i] = -1 + 2f * i / (count - 1);
                b[i] = (float) Math.cos(i);
            }
            float[] probe = new float[count], ensemble = new float[count];
            SliceEvaluator one = new CpuSliceEvaluator(be, net, train);
            SliceEvaluator many = new BatchedSliceEvaluator(be, net, train, 8);
            one.plane(theta, d1, d2);
            many.plane(theta, d1, d2);
            one.evaluate(a, b, count, probe);
            many.evaluate(a, b, count, ensemble);
            for (int i = 0; i < count; i++) {
                assertEquals(probe[i], ensemble[i], 2e-5 * Math.max(1, probe[i]), data + " point " + i);
            }
        }
    }
}
