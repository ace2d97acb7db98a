package descent.labs.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The lab's learning targets, with the settings a student can reproduce from the URL. */
class LearnsTest {
    static PlaygroundExperiment train(String hash, int steps) {
        PlaygroundExperiment ex = new PlaygroundExperiment(MlpKernelTest.params(hash));
        for (int i = 0; i < steps && ex.divergence() == null; i++) {
            ex.step();
        }
        return ex;
    }

    /** #lab=playground&data=xor&hidden=8,8&act=tanh&opt=adam&lr=0.01&seed=1: TF Playground's XOR, solved. */
    @Test
    void xorReaches95PercentTestAccuracy() {
        PlaygroundExperiment ex = train("data=xor&hidden=8,8&act=tanh&opt=adam&lr=0.01&seed=1", 3000);
        double acc = ex.score(true).accuracy();
        assertTrue(acc >= 0.95, "xor test accuracy " + acc);
    }

    /** #lab=playground&data=spiral&hidden=32,32,32&act=relu&opt=adam&lr=0.01&batch=20&seed=3: two arms, 95%+. */
    @Test
    void twoArmSpiralReaches95PercentTestAccuracy() {
        PlaygroundExperiment ex = train("data=spiral&hidden=32,32,32&act=relu&opt=adam&lr=0.01&batch=20&seed=3", 6000);
        double acc = ex.score(true).accuracy();
        assertTrue(acc >= 0.95, "spiral test accuracy " + acc);
    }

    @Test
    void aLinearModelCannotSolveXorButAProductFeatureCan() {
        double linear = train("data=xor&hidden=&lr=0.1", 3000).score(true).accuracy();
        double product = train("data=xor&hidden=&x1x2=1&lr=0.1", 3000).score(true).accuracy();
        assertTrue(linear < 0.75, "a line cannot separate xor: " + linear);
        assertTrue(product > 0.95, "x1x2 separates xor: " + product);
    }

    @Test
    void theDivergingPresetDivergesAndSaysWhere() {
        PlaygroundExperiment ex = train("data=plane&lr=3", 2000);
        assertNotNull(ex.divergence(), "lr = 3 on squared error diverges");
        assertTrue(ex.divergence().startsWith("diverged at step " + ex.steps()), ex.divergence());
        long steps = ex.steps();
        ex.step();
        assertEquals(steps, ex.steps(), "a diverged run does not keep stepping");
        assertNull(train("data=plane&lr=0.3", 2000).divergence());
    }

    @Test
    void regressionFitsThePlane() {
        PlaygroundExperiment ex = train("data=plane&hidden=&lr=0.1", 1500);
        assertTrue(ex.score(true).loss() < 0.01, "plane test loss " + ex.score(true).loss());
    }

    @Test
    void sameSeedSameRun() {
        PlaygroundExperiment a = train("data=moons&hidden=8,8&act=relu&dropout=0.2&opt=adam&lr=0.01&seed=5", 300);
        PlaygroundExperiment b = train("data=moons&hidden=8,8&act=relu&dropout=0.2&opt=adam&lr=0.01&seed=5", 300);
        assertEquals(a.batchLoss(), b.batchLoss());
        assertEquals(a.weights(1)[3], b.weights(1)[3]);
    }

    @Test
    void everyOptimizerTrainsCircles() {
        for (String opt : PlaygroundSpec.OPTIMIZERS) {
            // plain and momentum SGD and AdaGrad (whose steps only shrink) want a larger rate than the adaptive ones
            String lr = opt.matches("sgd|momentum|nesterov|adagrad") ? "0.1" : "0.01";
            PlaygroundExperiment ex = train("data=circles&hidden=8,8&act=tanh&opt=" + opt + "&lr=" + lr, 1500);
            assertTrue(ex.score(true).accuracy() > 0.9, opt + ": " + ex.score(true).accuracy());
        }
    }
}
