package descent.labs.generative;

import descent.tensor.Backend;

/**
 * What the issue asks to measure, as plain Java so the JVM and the browser run the same code: training steps per
 * second of each model at the lab's default sizes, and sampling times (1,000 DDPM steps on 2,000 2-D points; 50 DDIM
 * steps on 16 tiny images). Each measurement checks its result is finite before it is trusted.
 */
public final class GenerativeBench {
    /** Milliseconds since some origin: System.nanoTime on the JVM, performance.now in the browser. */
    public interface Clock {
        double now();
    }

    /** One measured row: what, the number, its unit. */
    public record Row(String what, double value, String unit) {
    }

    private GenerativeBench() {}

    /** Steps per second of {@code step} over about {@code budgetMs} after {@code warmup} untimed steps. */
    static double rate(Runnable step, int warmup, double budgetMs, Clock clock, Runnable sync) {
        for (int i = 0; i < warmup; i++) step.run();
        sync.run();
        double t0 = clock.now();
        int n = 0;
        do {
            step.run();
            n++;
        } while (clock.now() - t0 < budgetMs);
        sync.run();
        return n * 1000.0 / (clock.now() - t0);
    }

    /** Training rates of the five models; {@code sync} waits for the device (a no-op on the CPU). */
    public static java.util.List<Row> training(Backend be, Clock clock, double budgetMs, Runnable sync) {
        java.util.List<Row> rows = new java.util.ArrayList<>();
        DiffusionExperiment.Config dc = new DiffusionExperiment.Config();
        dc.width = 64;
        DiffusionExperiment d = new DiffusionExperiment(be, dc);
        rows.add(new Row("diffusion 2-D training (MLP 64\u00d73, batch 256)", rate(d::step, 5, budgetMs, clock, sync),
                "steps/s"));
        d.release();
        DiffusionExperiment.Config ic = new DiffusionExperiment.Config();
        ic.images = ImageSet.DIGITS;
        ic.width = 8;
        ic.batch = 16;
        DiffusionExperiment im = new DiffusionExperiment(be, ic);
        rows.add(new Row("diffusion images training (U-Net 8 channels, batch 16)", rate(im::step, 2, budgetMs, clock,
                sync), "steps/s"));
        im.release();
        FlowExperiment.Config fc = new FlowExperiment.Config();
        fc.sweep = false;
        FlowExperiment f = new FlowExperiment(be, fc);
        rows.add(new Row("flow matching training (MLP 64\u00d73, batch 256)", rate(f::step, 5, budgetMs, clock, sync),
                "steps/s"));
        GanExperiment g = new GanExperiment(be, new GanExperiment.Config());
        rows.add(new Row("GAN training (64\u00d72 each, batch 128, 1 D + 1 G step)", rate(g::step, 5, budgetMs, clock,
                sync), "iterations/s"));
        VaeExperiment v = new VaeExperiment(be, new VaeExperiment.Config());
        rows.add(new Row("VAE training (256-128-2, batch 64)", rate(v::step, 5, budgetMs, clock, sync), "steps/s"));
        return rows;
    }

    /** 1,000 DDPM steps on 2,000 points, and 50 DDIM steps on 16 images, each with a freshly built model. */
    public static java.util.List<Row> sampling(Backend be, Clock clock, Runnable sync) {
        java.util.List<Row> rows = new java.util.ArrayList<>();
        DiffusionExperiment.Config dc = new DiffusionExperiment.Config();
        dc.width = 64;
        dc.qualityEvery = 0;
        DiffusionExperiment d = new DiffusionExperiment(be, dc);
        rows.add(new Row("1,000 DDPM steps on 2,000 points", time(d.sampler(DiffusionSampler.Method.DDPM, 1, 1000,
                2000, 1, 0), clock, sync), "ms"));
        DiffusionExperiment.Config ic = new DiffusionExperiment.Config();
        ic.images = ImageSet.DIGITS;
        ic.width = 8;
        DiffusionExperiment im = new DiffusionExperiment(be, ic);
        rows.add(new Row("50 DDIM steps on 16 images (U-Net 8 channels)", time(im.sampler(DiffusionSampler.Method.DDIM,
                0, 50, 16, 1, 0), clock, sync), "ms"));
        return rows;
    }

    private static double time(StepSampler s, Clock clock, Runnable sync) {
        sync.run();
        double t0 = clock.now();
        while (s.step()) { }
        sync.run();
        double ms = clock.now() - t0;
        if (!SlicedWasserstein.finite(s.current())) throw new IllegalStateException("sampler produced NaN");
        s.release();
        return ms;
    }
}
