package descent.labs.generative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.tensor.CpuBackend;
import descent.tensor.Rng;
import descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The samplers against closed forms: Gaussian data, whose exact noise predictor is known. */
class SamplerTest {
    final CpuBackend be = new CpuBackend();
    final NoiseSchedule schedule = new NoiseSchedule(NoiseSchedule.Kind.LINEAR, 1000);
    static final float MU = 1f, S = 0.3f;

    /**
     * The optimal ε-predictor for data N(μ, s² I): x_t ~ N(a μ, (a² s² + b²) I), and E[ε | x_t] = b (x_t - a μ) /
     * (a² s² + b²).
     */
    final Network exact = (x, t) -> {
        int step = Math.round(t[0] * schedule.T);
        float a = (float) schedule.signal(step), b = (float) schedule.noise(step);
        return x.sub(a * MU).mul(b / (a * a * S * S + b * b));
    };

    DiffusionSampler sampler(DiffusionSampler.Method m, double eta, int steps, long startSeed, long noiseSeed) {
        float[] start = new Rng(startSeed).normals(4000, 1);
        return new DiffusionSampler(be, exact, schedule, Prediction.EPS, m, eta, steps, start, 2, 10f, noiseSeed, 0);
    }

    static float[] run(StepSampler s) {
        while (s.step()) { }
        return s.current();
    }

    @Test
    void ddimWithEtaZeroIsDeterministic() {
        float[] a = run(sampler(DiffusionSampler.Method.DDIM, 0, 50, 1, 100));
        float[] b = run(sampler(DiffusionSampler.Method.DDIM, 0, 50, 1, 200));
        assertArrayEquals(a, b, 0f, "η = 0: the noise stream must not matter");
        float[] c = run(sampler(DiffusionSampler.Method.DDIM, 0.5, 50, 1, 100));
        float[] d = run(sampler(DiffusionSampler.Method.DDIM, 0.5, 50, 1, 200));
        assertFalse(java.util.Arrays.equals(c, d), "η > 0 injects noise");
    }

    @Test
    void ddpmIsDdimWithEtaOne() {
        float[] a = run(sampler(DiffusionSampler.Method.DDPM, 0, 20, 3, 7));
        float[] b = run(sampler(DiffusionSampler.Method.DDIM, 1, 20, 3, 7));
        assertArrayEquals(a, b, 1e-4f);
    }

    @Test
    void withTheExactNoisePredictorEverySamplerRecoversTheData() {
        for (Object[] c : new Object[][] {{DiffusionSampler.Method.DDPM, 1.0, 1000}, {DiffusionSampler.Method.DDPM,
                1.0, 100}, {DiffusionSampler.Method.DDIM, 0.0, 50}}) {
            float[] x = run(sampler((DiffusionSampler.Method) c[0], (double) c[1], (int) c[2], 11, 12));
            double mean = 0, sq = 0;
            for (float v : x) mean += v;
            mean /= x.length;
            for (float v : x) sq += (v - mean) * (v - mean);
            double sd = Math.sqrt(sq / x.length);
            String what = c[0] + " with " + c[2] + " steps";
            assertEquals(MU, mean, 0.03, what + ": mean");
            assertEquals(S, sd, 0.03, what + ": standard deviation");
        }
    }

    @Test
    void oneStepIsOneStepAndFramesFollowTheSteps() {
        DiffusionSampler s = new DiffusionSampler(be, exact, schedule, Prediction.EPS, DiffusionSampler.Method.DDIM,
                0, 300, new Rng(1).normals(20, 1), 2, 10f, 2, 100);
        assertEquals(0, s.done());
        assertEquals("t = 1000", s.timeLabel(0));
        s.step();
        assertEquals(1, s.done());
        assertEquals(1, s.frames(), "300 steps into 100 frames: every third step is kept");
        s.step();
        s.step();
        assertEquals(2, s.frames());
        assertEquals(3, s.frameStep(1));
        assertEquals(1, s.frameAt(5));
        while (s.step()) { }
        assertEquals(300, s.done());
        assertEquals(300, s.frameStep(s.frames() - 1), "the last step is always kept");
        assertFalse(s.step());
        assertTrue(s.finished());
    }

    /** v(x, t) = x: the exact flow is x(1) = e x(0); Euler gives (1 + h)^S, Heun (1 + h + h²/2)^S. */
    @Test
    void eulerAndHeunMatchTheirClosedFormsOnALinearField() {
        Network grow = (x, t) -> x.mul(1f);
        for (int steps : new int[] {1, 4, 16}) {
            double h = 1.0 / steps;
            float[] start = {1f, -2f};
            float[] e = run(new FlowSampler(be, grow, FlowSampler.Solver.EULER, steps, start, 2, 1, 0));
            float[] hn = run(new FlowSampler(be, grow, FlowSampler.Solver.HEUN, steps, start, 2, 1, 0));
            assertEquals(Math.pow(1 + h, steps), e[0], 1e-5);
            assertEquals(-2 * Math.pow(1 + h + h * h / 2, steps), hn[1], 1e-5);
        }
        // second order: the global error shrinks like h², about e h² / 6
        float[] end = run(new FlowSampler(be, grow, FlowSampler.Solver.HEUN, 64, new float[] {1f, 1f}, 2, 1, 0));
        assertEquals(Math.E, end[0], Math.E / 6 / 64 / 64 * 1.1, "Heun converges to the exact flow");
    }

    @Test
    void predictionsConvertToTheSameNoiseAndData() {
        Rng r = new Rng(3);
        float a = 0.6f, b = 0.8f; // a² + b² = 1
        Tensor x0 = Tensor.of(be, r.normals(6, 1), 3, 2), eps = Tensor.of(be, r.normals(6, 1), 3, 2);
        Tensor xt = x0.mul(a).add(eps.mul(b));
        Tensor av = Tensor.full(be, a, 3, 1), bv = Tensor.full(be, b, 3, 1);
        for (Prediction p : Prediction.values()) {
            Tensor out = p.target(x0, eps, av, bv); // a perfect network outputs its target
            assertArrayEquals(x0.toHost(), p.x0(xt, out, a, b).toHost(), 1e-5f, p + " gives x0 back");
            assertArrayEquals(eps.toHost(), p.eps(xt, out, a, b).toHost(), 1e-5f, p + " gives ε back");
        }
    }
}
