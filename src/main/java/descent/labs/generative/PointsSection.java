package descent.labs.generative;

import descent.labs.Params;
import descent.tensor.Backend;
import descent.ui.ColorMap;
import descent.ui.Dom;
import descent.ui.Figure;
import descent.ui.Fmt;
import descent.ui.Heatmap;
import descent.ui.LabContext;
import descent.ui.LineChart;
import descent.ui.Marks;
import descent.ui.Theme;
import java.util.List;
import java.util.function.Supplier;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Diffusion on 2-D points: the sampler (the centre), the forward process with a slider over t and the noise schedule,
 * the loss per noise level and the sample quality over training.
 */
final class PointsSection implements Section {
    private static final int SHOWN = 700;
    private final LabContext ctx;
    private final Supplier<Backend> backend;
    private final Sampler2DFigure sampler;
    private final Figure forwardFig;
    private final Heatmap forward;
    private final HTMLElement tLabel;
    private final DrawTool draw;
    private final LineChart alphaBar, snr, loss, quality;
    private DiffusionExperiment exp;
    private int t = 250;
    private int lossRows, qualityRows;
    private boolean forwardDirty = true;
    private DiffusionSampler.Method method = DiffusionSampler.Method.DDPM;
    private double eta;
    private int sampleSteps = 100, particles = 500;

    PointsSection(LabContext ctx, HTMLElement root, Supplier<Backend> backend) {
        this.ctx = ctx;
        this.backend = backend;
        sampler = new Sampler2DFigure(ctx, root, "Sampling, one step at a time",
                seed -> exp.sampler(method, eta, sampleSteps, particles, seed, 1000),
                (pts, s, step) -> exp.score(pts, ((DiffusionSampler) s).time(step)), "score \u2207log p_t",
                "x\u0302\u2080");
        sampler.fig.caption("Particles start as Gaussian noise x_T and follow the reverse process to x_0. Arrows: "
                + "the learned score at the noise level of the step shown. Green shade: the training data.");

        forwardFig = new Figure(root, "forward", "Forward process q(x_t | x_0)");
        forward = new Heatmap(forwardFig, -Data2D.EXTENT, Data2D.EXTENT, -Data2D.EXTENT, Data2D.EXTENT);
        forward.readout((x, y, v) -> "(" + Fmt.sig(x, 2) + ", " + Fmt.sig(y, 2) + ")");
        draw = new DrawTool(ctx, forwardFig, forward);
        tLabel = new NoiseScrubber(ctx, forwardFig.root(), t, v -> {
            t = v;
            forwardDirty = true;
            ctx.requestRender();
        }).label;
        forwardFig.caption("Each training point with its own fixed noise: x_t = \u221a\u1fb1_t x_0 + \u221a(1\u2212\u1fb1_t) "
                + "\u03b5. Drag t to watch the data dissolve into N(0, I).");
        forwardFig.exports(forward::canvas, null);

        Figure sched = new Figure(root, "schedule", "Noise schedule \u1fb1_t");
        alphaBar = new LineChart(sched, "t", List.of(new LineChart.Series("linear", ColorMap.classRgb(0), false),
                new LineChart.Series("cosine", ColorMap.classRgb(1), false)));
        sched.caption("The fraction of the signal\u2019s variance left at step t, for both schedules; the Noise "
                + "schedule setting picks the one the model trains and samples with.");
        // log-SNR on a linear axis (as in Kingma et al. 2021): a log-scale axis over twelve decades crowds its labels
        Figure snrFig = new Figure(root, "snr", "Log signal-to-noise ratio \u03bb_t = ln(\u1fb1_t / (1 \u2212 \u1fb1_t))");
        snr = new LineChart(snrFig, "t", List.of(new LineChart.Series("linear", ColorMap.classRgb(0), false),
                new LineChart.Series("cosine", ColorMap.classRgb(1), false)));
        snrFig.caption("Above 0 the signal dominates, below 0 the noise. The cosine schedule falls almost linearly, "
                + "spending more steps at moderate SNR, where the data\u2019s shape is decided.");
        fillSchedules();

        Figure lossFig = new Figure(root, "loss", "Training loss by noise level");
        List<LineChart.Series> series = new java.util.ArrayList<>();
        LossLog names = new LossLog(DiffusionExperiment.BUCKETS);
        for (int k = 0; k < DiffusionExperiment.BUCKETS; k++) {
            series.add(new LineChart.Series(names.label(k, DiffusionExperiment.T), bucketColour(k), false));
        }
        series.add(new LineChart.Series("all t", 0x5b6578, true));
        loss = new LineChart(lossFig, "step", series);
        loss.logY(true);
        lossFig.caption("Mean squared error of the network\u2019s output per quarter of the t range (moving "
                + "averages). Small t is hardest for \u03b5-prediction: the noise is tiny next to the data.");

        Figure qFig = new Figure(root, "quality", "Sample quality");
        quality = new LineChart(qFig, "step", List.of(new LineChart.Series("samples vs data", Paint.PARTICLE_RGB,
                false), new LineChart.Series("data vs data", 0x23867a, true)));
        quality.logY(true);
        qFig.caption("Sliced Wasserstein distance from 512 samples (DDIM, 25 steps, \u03b7 = 0) to fresh data, "
                + "measured every 100 steps; the dashed line is two fresh data sets, the best a model can do.");
    }

    static int bucketColour(int k) {
        return ColorMap.SEQUENTIAL.rgb(0.15 + 0.7 * k / 3.0);
    }

    private void fillSchedules() {
        NoiseSchedule lin = new NoiseSchedule(NoiseSchedule.Kind.LINEAR, DiffusionExperiment.T);
        NoiseSchedule cos = new NoiseSchedule(NoiseSchedule.Kind.COSINE, DiffusionExperiment.T);
        alphaBar.clear();
        snr.clear();
        for (int s = 0; s <= DiffusionExperiment.T; s += 5) {
            alphaBar.append(s, lin.alphaBar(s), cos.alphaBar(s));
            if (s > 0) snr.append(s, Math.log(lin.snr(s)), Math.log(cos.snr(s)));
        }
    }

    @Override
    public void reset(Params p) {
        if (exp != null) exp.release();
        DiffusionExperiment.Config c = new DiffusionExperiment.Config();
        c.data = DrawTool.kind(ctx, p.choice("data"), p.text("points"));
        c.drawn = Data2D.parse(p.text("points"));
        c.schedule = p.choice("schedule").equals("cosine") ? NoiseSchedule.Kind.COSINE : NoiseSchedule.Kind.LINEAR;
        c.prediction = prediction(p.choice("predict"));
        c.width = p.integer("width");
        c.lr = p.num("lr");
        c.batch = p.integer("batch");
        c.seed = p.integer("seed");
        c.statsEvery = GenerativeView.statsEvery(backend.get());
        exp = new DiffusionExperiment(backend.get(), c);
        draw.load(p.text("points"));
        liveSettings(p);
        sampler.data(exp.data);
        sampler.restart();
        loss.clear();
        quality.clear();
        // the floor from the start, so the chart shows what "good" means before the first measurement
        quality.append(0, Double.NaN, exp.dataVsData);
        quality.append(1, Double.NaN, exp.dataVsData);
        lossRows = qualityRows = 0;
        forwardDirty = true;
    }

    static Prediction prediction(String s) {
        return s.equals("x0") ? Prediction.X0 : s.equals("v") ? Prediction.V : Prediction.EPS;
    }

    private void liveSettings(Params p) {
        method = p.choice("sampler").equals("ddim") ? DiffusionSampler.Method.DDIM : DiffusionSampler.Method.DDPM;
        eta = p.num("eta");
        sampleSteps = p.integer("sample_steps");
        particles = p.integer("particles");
        exp.learningRate(p.num("lr"));
    }

    @Override
    public void update(Params p) {
        DiffusionSampler.Method m0 = method;
        double e0 = eta;
        int s0 = sampleSteps, n0 = particles;
        liveSettings(p);
        if (m0 != method || e0 != eta || s0 != sampleSteps || n0 != particles) sampler.restart();
    }

    @Override
    public Training training() {
        return exp;
    }

    @Override
    public boolean animating() {
        return sampler.animating();
    }

    @Override
    public void render() {
        sampler.render(exp.steps());
        renderForward();
        LossLog log = exp.losses;
        for (; lossRows < log.total.size(); lossRows++) {
            double[] ys = new double[DiffusionExperiment.BUCKETS + 1];
            double x = log.total.x(lossRows);
            for (int k = 0; k < DiffusionExperiment.BUCKETS; k++) {
                Series b = log.byBucket[k];
                ys[k] = b.size() == 0 ? Double.NaN : b.lastAtOrBefore(x);
            }
            ys[DiffusionExperiment.BUCKETS] = log.total.y(lossRows);
            loss.append(x, ys);
        }
        loss.redraw();
        Series q = exp.quality();
        for (; qualityRows < q.size(); qualityRows++) quality.append(q.x(qualityRows), q.y(qualityRows), exp.dataVsData);
        quality.redraw();
        alphaBar.redraw();
        snr.redraw();
    }

    private void renderForward() {
        if (!forwardDirty && !draw.drawing()) return;
        forwardDirty = false;
        forward.colors(Paint.density(exp.data, 72, Data2D.EXTENT, Theme.dark()), 72, 72, null,
                List.of("training data density"), new int[] {0x23867a});
        Marks m = forward.marks();
        m.clear();
        if (draw.drawing()) {
            draw.mark(m);
        } else {
            float[] x = exp.forward(t, SHOWN);
            for (int i = 0; i < x.length / 2; i++) m.point(x[2 * i], x[2 * i + 1], 2.4, Paint.REAL_RGB, true);
        }
        forward.redraw();
        NoiseSchedule s = exp.schedule;
        Dom.text(tLabel, "t = " + t + " \u00b7 \u1fb1_t = " + Fmt.sig(s.alphaBar(t), 3) + " \u00b7 SNR = "
                + (t == 0 ? "\u221e" : Fmt.sig(s.snr(t), 3)));
    }

    @Override
    public void release() {
        sampler.release();
        if (exp != null) exp.release();
    }
}
