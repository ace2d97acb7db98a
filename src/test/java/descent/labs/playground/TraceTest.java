package descent.labs.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TraceTest {
    @Test
    void aFullCycleIsExactlyOneTrainingStep() {
        String hash = "data=xor&hidden=3&act=tanh&lr=0.3&batch=4&seed=2";
        PlaygroundExperiment traced = new PlaygroundExperiment(MlpKernelTest.params(hash));
        PlaygroundExperiment plain = new PlaygroundExperiment(MlpKernelTest.params(hash));
        BackpropTrace t = traced.trace();
        for (int cycle = 0; cycle < 3; cycle++) {
            t.advance();
            assertEquals(BackpropTrace.Phase.FORWARD, t.phase());
            t.advance();
            t.advance();
            assertEquals(BackpropTrace.Phase.BACKWARD, t.phase());
            assertEquals(cycle, traced.steps(), "no update before the UPDATE phase");
            t.advance();
            assertEquals(BackpropTrace.Phase.UPDATE, t.phase());
            plain.step();
            assertEquals(plain.steps(), traced.steps());
            assertArrayEquals(plain.weights(0), traced.weights(0));
            assertArrayEquals(plain.weights(1), traced.weights(1));
        }
    }

    @Test
    void backwardShowsTheExamplesOwnGradient() {
        PlaygroundExperiment ex = new PlaygroundExperiment(MlpKernelTest.params("data=circles&hidden=4,2&seed=3"));
        BackpropTrace t = ex.trace();
        t.advance();
        t.advance();
        t.advance();
        // binary cross-entropy: dL/dz at the output is sigmoid(z) - y
        double z = t.output()[0];
        double p = 1 / (1 + Math.exp(-z));
        assertEquals(p - t.label(), t.delta(3, 0), 1e-5);
        // dL/dw for an edge into the output is a_in * delta_out
        assertEquals(t.activation(2, 1) * t.delta(3, 0), t.edgeGradient(2, 1, 0), 1e-6);
        // and the forward signal is w * a
        assertEquals(t.weightBefore(0, 1, 2) * t.activation(0, 1), t.edgeSignal(0, 1, 2), 1e-7);
        t.advance();
        float moved = t.weightAfter(2, 1, 0) - t.weightBefore(2, 1, 0);
        assertEquals(moved, t.edgeValues(2)[1], 0);
    }
}
