package descent.labs.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.tensor.CpuBackend;
import org.junit.jupiter.api.Test;

/** The measured rates of the engine's GD and heavy ball on the lab's quadratic agree with the closed forms. */
class MomentumTheoryTest {
    static MomentumExperiment run(double kappa, int dims, double alpha, double beta, int steps) {
        MomentumExperiment e = new MomentumExperiment(new CpuBackend(), kappa, dims, alpha, beta, steps);
        while (!e.done()) e.step();
        return e;
    }

    @Test
    void gradientDescentRateMatchesTheoryWithinFivePercent() {
        for (double[] c : new double[][] {{10, 0.5}, {100, 1.0}, {100, MomentumExperiment.optimalGdAlpha(100)},
            {1000, 1.5}}) {
            MomentumExperiment e = run(c[0], 5, c[1], 0, 600);
            double theory = e.gdRate(), measured = e.measuredRate(false);
            assertEquals(theory, measured, 0.05 * theory, "GD at kappa " + c[0] + ", alpha " + c[1]);
        }
        assertEquals(MomentumExperiment.optimalGdRate(100),
                run(100, 5, MomentumExperiment.optimalGdAlpha(100), 0, 10).gdRate(), 1e-12);
    }

    @Test
    void heavyBallRateMatchesTheoryWithinFivePercent() {
        double k = 100;
        double[][] settings = {{MomentumExperiment.optimalAlpha(k), MomentumExperiment.optimalBeta(k)}, {1.0, 0.9},
            {0.5, 0.5}, {2.0, 0.95}};
        for (double[] c : settings) {
            MomentumExperiment e = run(k, 6, c[0], c[1], 800);
            double theory = e.heavyBallRate(), measured = e.measuredRate(true);
            assertEquals(theory, measured, 0.05 * theory, "heavy ball at alpha " + c[0] + ", beta " + c[1]);
        }
    }

    @Test
    void tunedMomentumBeatsTunedGradientDescent() {
        double k = 100;
        assertEquals(MomentumExperiment.optimalRate(k), run(k, 5, MomentumExperiment.optimalAlpha(k),
                MomentumExperiment.optimalBeta(k), 1).heavyBallRate(), 1e-7, "Polyak's tuning reaches the optimum");
        assertEquals(0.8181818, MomentumExperiment.optimalRate(k), 1e-6);
        assertTrue(MomentumExperiment.stepsToThousandth(MomentumExperiment.optimalRate(k))
                < MomentumExperiment.stepsToThousandth(MomentumExperiment.optimalGdRate(k)) / 5);
    }

    @Test
    void eachEigencomponentDecaysAtItsOwnRate() {
        MomentumExperiment e = run(50, 4, 1.0, 0, 40);
        for (int i = 0; i < 4; i++) {
            double expected = Math.pow(MomentumExperiment.gdRate(1.0, e.lambda[i]), 40);
            assertEquals(expected, e.error(false, 40, i), 1e-5 + 1e-4 * expected, "component " + i);
        }
    }
}
