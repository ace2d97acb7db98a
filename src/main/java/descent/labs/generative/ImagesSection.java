package descent.labs.generative;

import descent.labs.Params;
import descent.tensor.Backend;
import descent.ui.ColorMap;
import descent.ui.Dom;
import descent.ui.Figure;
import descent.ui.Fmt;
import descent.ui.ImageGrid;
import descent.ui.LabContext;
import descent.ui.LineChart;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Diffusion on 16×16 images with a small U-Net: the sampler shows, at every step, the noisy images x_t and the
 * network's guess of the clean images x̂₀ side by side; the forward process runs on training images with a slider over
 * t; the loss is kept per quarter of t.
 */
final class ImagesSection implements Section {
    private static final int SAMPLES = 8, SHOWN = 8, S = ImageSet.SIZE;
    /**
     * Target cell widths in CSS px. Sections are built hidden, so their width is unknown then; these fit eight images
     * in one row of a wide figure (about 840 px) or a narrow one (about 420 px), and two rows on a 360 px phone.
     */
    static final double WIDE_CELL = 70, NARROW_CELL = 44;
    private final LabContext ctx;
    private final Supplier<Backend> backend;
    private final Figure samplerFig;
    private final SamplerControls controls;
    private final ImageGrid noisy, guess, forward;
    private final HTMLElement tLabel;
    private final LineChart loss;
    private final StepAnatomy anatomy;
    private DiffusionExperiment exp;
    private DiffusionSampler.Method method = DiffusionSampler.Method.DDPM;
    private double eta;
    private int sampleSteps = 100, t = 250, lossRows;
    private boolean forwardDirty = true;

    ImagesSection(LabContext ctx, HTMLElement root, Supplier<Backend> backend) {
        this.ctx = ctx;
        this.backend = backend;
        samplerFig = new Figure(root, "sampler", "Sampling images, one step at a time").wide(true);
        Dom.add(samplerFig.body(), "h3.gen-sub", "x_t: the samples now");
        noisy = new ImageGrid(samplerFig, WIDE_CELL);
        Dom.add(samplerFig.body(), "h3.gen-sub", "x\u0302\u2080: the network\u2019s guess of the clean image");
        guess = new ImageGrid(samplerFig, WIDE_CELL);
        // no autoplay here: every sampler step costs a U-Net pass over all samples, which training needs more
        controls = new SamplerControls(ctx, samplerFig,
                seed -> exp.sampler(method, eta, sampleSteps, SAMPLES, seed, 200), 1, false);
        anatomy = new StepAnatomy(root);
        samplerFig.caption("Eight samples start as pure noise. At every step the U-Net guesses the clean image "
                + "x\u0302\u2080; the sampler moves x_t a little toward it and (DDPM) adds fresh noise. The guesses "
                + "settle long before the noise is gone.");

        Figure fwdFig = new Figure(root, "forward", "Forward process on training images");
        forward = new ImageGrid(fwdFig, NARROW_CELL);
        tLabel = new NoiseScrubber(ctx, fwdFig.root(), t, v -> {
            t = v;
            forwardDirty = true;
            ctx.requestRender();
        }).label;
        fwdFig.caption("x_t = \u221a\u1fb1_t x_0 + \u221a(1\u2212\u1fb1_t) \u03b5 with pixels scaled to [\u22121, 1]. "
                + "The digit is unreadable long before t = T.");

        Figure lossFig = new Figure(root, "loss", "Training loss by noise level");
        List<LineChart.Series> series = new ArrayList<>();
        LossLog names = new LossLog(DiffusionExperiment.BUCKETS);
        for (int k = 0; k < DiffusionExperiment.BUCKETS; k++) {
            series.add(new LineChart.Series(names.label(k, DiffusionExperiment.T), PointsSection.bucketColour(k),
                    false));
        }
        series.add(new LineChart.Series("all t", 0x5b6578, true));
        loss = new LineChart(lossFig, "step", series);
        loss.logY(true);
        lossFig.caption("Mean squared error per pixel, per quarter of the t range (moving averages).");
    }

    @Override
    public void reset(Params p) {
        if (exp != null) exp.release();
        DiffusionExperiment.Config c = new DiffusionExperiment.Config();
        c.images = p.choice("images").equals("shapes") ? ImageSet.SHAPES : ImageSet.DIGITS;
        c.schedule = p.choice("schedule").equals("cosine") ? NoiseSchedule.Kind.COSINE : NoiseSchedule.Kind.LINEAR;
        c.prediction = PointsSection.prediction(p.choice("predict"));
        c.width = p.integer("channels");
        c.lr = p.num("img_lr");
        c.batch = p.integer("img_batch");
        c.seed = p.integer("seed");
        c.statsEvery = GenerativeView.statsEvery(backend.get());
        exp = new DiffusionExperiment(backend.get(), c);
        liveSettings(p);
        controls.restart();
        loss.clear();
        lossRows = 0;
        forwardDirty = true;
    }

    private void liveSettings(Params p) {
        method = p.choice("sampler").equals("ddim") ? DiffusionSampler.Method.DDIM : DiffusionSampler.Method.DDPM;
        eta = p.num("eta");
        sampleSteps = p.integer("sample_steps");
        exp.learningRate(p.num("img_lr"));
    }

    @Override
    public void update(Params p) {
        DiffusionSampler.Method m0 = method;
        double e0 = eta;
        int s0 = sampleSteps;
        liveSettings(p);
        if (m0 != method || e0 != eta || s0 != sampleSteps) controls.restart();
    }

    @Override
    public Training training() {
        return exp;
    }

    @Override
    public boolean animating() {
        return controls.playing();
    }

    @Override
    public void render() {
        controls.frame();
        if (controls.takeChange()) {
            StepSampler s = controls.sampler();
            int k = s.frameAt(controls.shownStep());
            noisy.set(split(s.frame(k), SAMPLES), S, S, ColorMap.GREYS, -1, 1, blanks(SAMPLES));
            float[] est = s.estimate(k);
            guess.set(est == null ? split(new float[SAMPLES * S * S], SAMPLES) : split(est, SAMPLES), S, S,
                    ColorMap.GREYS, -1, 1, blanks(SAMPLES));
            noisy.redraw();
            guess.redraw();
            controls.refresh("");
            anatomy.show(s, controls.shownStep());
        }
        if (forwardDirty) {
            forwardDirty = false;
            float[] x = exp.forward(t, SHOWN);
            List<String> caps = new ArrayList<>();
            String[] names = exp.config.images.classNames();
            for (int i = 0; i < SHOWN; i++) caps.add(names[exp.labels[i]]);
            forward.set(split(x, SHOWN), S, S, ColorMap.GREYS, -1, 1, caps);
            forward.redraw();
            Dom.text(tLabel, "t = " + t + " \u00b7 \u1fb1_t = " + Fmt.sig(exp.schedule.alphaBar(t), 3));
        }
        LossLog log = exp.losses;
        for (; lossRows < log.total.size(); lossRows++) {
            double x = log.total.x(lossRows);
            double[] ys = new double[DiffusionExperiment.BUCKETS + 1];
            for (int k = 0; k < DiffusionExperiment.BUCKETS; k++) ys[k] = log.byBucket[k].lastAtOrBefore(x);
            ys[DiffusionExperiment.BUCKETS] = log.total.y(lossRows);
            loss.append(x, ys);
        }
        loss.redraw();
    }

    /** A cell size that puts {@code columns} images in one row of this element (at least 30 px each). */

    /** Rows of (N, 256) as N separate images. */
    static List<float[]> split(float[] all, int n) {
        List<float[]> out = new ArrayList<>();
        int d = all.length / n;
        for (int i = 0; i < n; i++) out.add(java.util.Arrays.copyOfRange(all, i * d, (i + 1) * d));
        return out;
    }

    static List<String> blanks(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add("");
        return out;
    }

    @Override
    public void release() {
        controls.release();
        if (exp != null) exp.release();
    }
}
