package descent.labs.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.labs.Params;
import descent.nn.Activation;
import descent.tensor.CpuBackend;
import org.junit.jupiter.api.Test;

/** The slice is the loss of the trained network, computed progressively, the same every time. */
class SliceTest {
    static Params params(String... kv) {
        Params p = new Params(LandscapeSpec.SPEC);
        for (int i = 0; i < kv.length; i += 2) {
            descent.labs.HashState.apply(LandscapeSpec.SPEC.knob(kv[i]), kv[i + 1], p, new java.util.ArrayList<>());
        }
        return p;
    }

    @Test
    void theSliceAtTheOriginIsTheCurrentLossExactly() {
        CpuBackend be = new CpuBackend();
        Network net = new Network("spiral", 128, 16, 2, Activation.RELU, 5);
        Run run = new Run("A", be, net, net.datasets(), new Run.Settings("sgd", 0.5, 32, 0), 40, 0, 1);
        while (run.advance()) {
            // train the whole budget
        }
        SliceJob job = new SliceJob(run, new CpuSliceEvaluator(be, net, net.datasets()[0]), 17, 1,
                Directions.Norm.FILTER, 3);
        Job.Scratch s = new Job.Scratch();
        while (job.needsWork()) job.work(8, s);
        SliceGrid g = job.shown();
        assertEquals(17, g.pictureSide());
        assertEquals(0.0, g.a(8), 0);
        assertEquals(run.trainLoss(), g.centerValue(), 0f, "bit for bit");
        assertTrue(g.centerValue() < g.value(0, 0) || g.centerValue() < g.value(16, 16), "a trained net sits low");
    }

    @Test
    void passesGoCoarseToFineAndComputeEachPointOnce() {
        float[] zero = new float[1];
        SliceGrid g = new SliceGrid(33, -1, 1, -2, 2, zero, zero, zero);
        g.target(17);
        float[] a = new float[50], b = new float[50], out = new float[50];
        int[] idx = new int[50];
        int total = 0;
        boolean sawCoarse = false;
        while (!g.done()) {
            int n = g.next(50, a, b, idx);
            for (int k = 0; k < n; k++) out[k] = a[k] + 10 * b[k];
            g.accept(idx, out, n);
            total += n;
            if (g.pictureSide() == 9 && !sawCoarse) {
                sawCoarse = true;
                assertEquals(81, total, "the first picture is 9 x 9");
            }
        }
        assertTrue(sawCoarse);
        assertEquals(17 * 17, total, "a 17 x 17 target computes 289 points, each once");
        assertEquals(17, g.pictureSide());
        g.target(33);
        assertFalse(g.done(), "a finer target resumes");
        while (!g.done()) {
            int n = g.next(50, a, b, idx);
            for (int k = 0; k < n; k++) out[k] = a[k] + 10 * b[k];
            g.accept(idx, out, n);
            total += n;
        }
        assertEquals(33 * 33, total);
        float[] pic = g.picture();
        assertEquals(-1 + 10 * 2, pic[0], 1e-6, "row 0 is the top (largest b), column 0 the left (smallest a)");
        assertEquals(1 - 10 * 2, pic[33 * 33 - 1], 1e-6);
    }

    @Test
    void theSameSettingsGiveTheSameSliceBitForBit() {
        Params p = params("points", "128", "width", "12", "steps", "60", "res", "17", "every", "0");
        float[] first = finalSlice(p), second = finalSlice(p);
        assertEquals(17 * 17, first.length);
        for (int i = 0; i < first.length; i++) assertEquals(first[i], second[i], 0f);
        float[] other = finalSlice(params("points", "128", "width", "12", "steps", "60", "res", "17", "every", "0",
                "dseed", "2"));
        boolean differs = false;
        for (int i = 0; i < first.length; i++) differs |= first[i] != other[i];
        assertTrue(differs, "another direction seed cuts another slice");
    }

    static float[] finalSlice(Params p) {
        LandscapeExperiment e = new LandscapeExperiment(p, new CpuBackend(), () -> System.nanoTime() / 1e6);
        for (int i = 0; i < 100_000 && (!e.trainingDone() || e.landscapePending()); i++) e.step();
        assertTrue(e.trainingDone() && !e.landscapePending());
        assertEquals(e.runs.get(0).trainLoss(), e.slice(0).centerValue(), 0f);
        return e.slice(0).picture();
    }
}
