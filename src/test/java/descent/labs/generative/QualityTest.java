package descent.labs.generative;

import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.tensor.CpuBackend;
import org.junit.jupiter.api.Test;

/**
 * Each model, trained briefly with the settings below, produces samples close to its data: the sliced Wasserstein
 * distance of 1000 samples to 1000 fresh data points is within twice the distance between two fresh data sets of
 * 1000 points (the floor a perfect sampler would show). Measured numbers are printed.
 */
class QualityTest {
    static final int SAMPLES = 1000;
    final CpuBackend be = new CpuBackend();
    final float[] fresh = Data2D.sample(Data2D.Kind.GAUSSIANS, null, SAMPLES, 1001);
    final double floor = SlicedWasserstein.distance(fresh, Data2D.sample(Data2D.Kind.GAUSSIANS, null, SAMPLES, 1002));

    static float[] run(StepSampler s) {
        while (s.step()) { }
        return s.current();
    }

    /** Settings: MLP 64 × 3 (SiLU), Adam lr 2e-3, batch 256, 1500 steps, weight average 0.995, linear schedule. */
    @Test
    void diffusionOnAGaussianMixtureSamplesWithinTwiceTheDataFloor() {
        DiffusionExperiment.Config c = new DiffusionExperiment.Config();
        c.width = 64;
        c.qualityEvery = 0;
        DiffusionExperiment e = new DiffusionExperiment(be, c);
        for (int i = 0; i < 1500; i++) e.step();
        double ddpm = SlicedWasserstein.distance(run(e.sampler(DiffusionSampler.Method.DDPM, 1, 200, SAMPLES, 5, 0)),
                fresh);
        double ddim = SlicedWasserstein.distance(run(e.sampler(DiffusionSampler.Method.DDIM, 0, 50, SAMPLES, 5, 0)),
                fresh);
        System.out.println("diffusion: SW(DDPM 200 steps) " + ddpm + ", SW(DDIM 50 steps) " + ddim + ", data floor "
                + floor);
        assertTrue(ddpm < 2 * floor, "DDPM samples " + ddpm + " vs floor " + floor);
        assertTrue(ddim < 2 * floor, "DDIM samples " + ddim + " vs floor " + floor);
    }

    /** Settings: MLP 64 × 3 (SiLU), Adam lr 2e-3, batch 256, 1500 steps, weight average 0.995. */
    @Test
    void flowMatchingOnAGaussianMixtureSamplesWithinTwiceTheDataFloor() {
        FlowExperiment.Config c = new FlowExperiment.Config();
        c.width = 64;
        c.sweep = false;
        FlowExperiment e = new FlowExperiment(be, c);
        for (int i = 0; i < 1500; i++) e.step();
        double heun = SlicedWasserstein.distance(run(e.sampler(FlowSampler.Solver.HEUN, 20, SAMPLES, 5, 0)), fresh);
        double euler = SlicedWasserstein.distance(run(e.sampler(FlowSampler.Solver.EULER, 50, SAMPLES, 5, 0)), fresh);
        double oneStep = SlicedWasserstein.distance(run(e.sampler(FlowSampler.Solver.EULER, 1, SAMPLES, 5, 0)), fresh);
        System.out.println("flow matching: SW(Heun 20 steps) " + heun + ", SW(Euler 50 steps) " + euler
                + ", SW(Euler 1 step) " + oneStep + ", data floor " + floor);
        assertTrue(heun < 2 * floor, "Heun samples " + heun + " vs floor " + floor);
        assertTrue(euler < 2 * floor, "Euler samples " + euler + " vs floor " + floor);
        assertTrue(oneStep > euler, "one Euler step along curved paths is worse than fifty");
    }

    /** Settings: MLP 256-128-(2+2) / 2-128-256, Adam lr 2e-3, batch 64, β = 1, 1500 steps on digits. */
    @Test
    void theVaeReconstructsHeldOutImagesBetterThanTheMeanImage() {
        VaeExperiment e = new VaeExperiment(be, new VaeExperiment.Config());
        for (int i = 0; i < 1500; i++) e.step();
        double vae = e.heldOutError(), mean = e.meanImageError();
        System.out.println("VAE: held-out MSE " + vae + ", mean-image MSE " + mean + ", recon " + e.recon.lastY()
                + " nats, KL " + e.kl.lastY() + " nats");
        assertTrue(vae < mean, "VAE " + vae + " vs mean image " + mean);
    }
}
