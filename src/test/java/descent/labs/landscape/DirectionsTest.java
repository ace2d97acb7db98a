package descent.labs.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.nn.Activation;
import descent.nn.Module;
import descent.tensor.CpuBackend;
import org.junit.jupiter.api.Test;

/** Filter normalisation as Li et al. (2018) define it, on an MLP and on a CNN. */
class DirectionsTest {
    @Test
    void eachDirectionFilterHasTheNormOfItsWeightFilter() {
        for (String data : new String[] {"spiral", "shapes"}) {
            Network net = new Network(data, 64, 16, 2, Activation.RELU, 3);
            Module m = net.build(new CpuBackend(), 3);
            ParamVector layout = new ParamVector(m.parameters());
            float[] theta = layout.read();
            float[] d = Directions.normalise(layout, Directions.gaussian(9, layout.size), theta,
                    Directions.Norm.FILTER);
            int filters = 0;
            for (ParamVector.Filter f : layout.filters()) {
                double want = ParamVector.norm(theta, f), got = ParamVector.norm(d, f);
                assertEquals(want, got, 1e-5 * want, data + " filter at " + f.start());
                filters++;
            }
            int expected = 0;
            for (int i = 0; i < layout.params.size(); i++) {
                int[] s = layout.params.get(i).value.shape();
                if (layout.params.get(i).isMatrix()) expected += s.length == 2 ? s[1] : s[0];
            }
            assertEquals(expected, filters, data + ": one filter per output unit of every weight");
            assertTrue(filters > 0);
        }
    }

    @Test
    void aLinearFilterIsTheColumnThatFeedsOneUnit() {
        Network net = new Network("spiral", 64, 4, 1, Activation.RELU, 1);
        ParamVector layout = new ParamVector(net.build(new CpuBackend(), 1).parameters());
        ParamVector.Filter first = layout.filters().get(0); // layer0.weight is (2, 4): column 0 is entries 0 and 4
        assertEquals(0, first.start());
        assertEquals(2, first.count());
        assertEquals(4, first.stride());
    }

    @Test
    void biasDirectionsAreZeroAndScalingModesDiffer() {
        Network net = new Network("spiral", 64, 8, 2, Activation.RELU, 2);
        ParamVector layout = new ParamVector(net.build(new CpuBackend(), 2).parameters());
        float[] theta = layout.read();
        for (int i = 0; i < theta.length; i++) theta[i] += 0.01f * i % 0.3f; // make biases non-zero too
        float[] raw = Directions.gaussian(4, layout.size);
        for (Directions.Norm norm : Directions.Norm.values()) {
            float[] d = Directions.normalise(layout, raw, theta, norm);
            for (int i = 0; i < layout.params.size(); i++) {
                if (layout.hasFilters(i)) continue;
                for (int k = 0; k < layout.params.get(i).size(); k++) {
                    assertEquals(0f, d[layout.offset(i) + k], "bias directions are zero (" + norm + ")");
                }
            }
        }
        float[] layer = Directions.normalise(layout, raw, theta, Directions.Norm.LAYER);
        ParamVector.Filter whole = new ParamVector.Filter(0, layout.params.get(0).size(), 1);
        assertEquals(ParamVector.norm(theta, whole), ParamVector.norm(layer, whole), 1e-5);
        float[] none = Directions.normalise(layout, raw, theta, Directions.Norm.NONE);
        assertEquals(raw[0], none[0], "no scaling keeps the Gaussian draw");
    }

    @Test
    void directionsAreSeededAndIndependent() {
        float[] a = Directions.gaussian(Directions.seedOf(7, 0), 100);
        float[] b = Directions.gaussian(Directions.seedOf(7, 0), 100);
        float[] c = Directions.gaussian(Directions.seedOf(7, 1), 100);
        assertEquals(Vec.dot(a, b), Vec.dot(a, a), 0);
        assertTrue(Math.abs(Vec.dot(a, c)) / (Vec.norm(a) * Vec.norm(c)) < 0.35, "nearly orthogonal");
    }
}
