package descent.labs.generative;

import descent.labs.Params;
import descent.tensor.Backend;
import descent.ui.ColorMap;
import descent.ui.Figure;
import descent.ui.Fmt;
import descent.ui.Heatmap;
import descent.ui.LabContext;
import descent.ui.LineChart;
import descent.ui.Marks;
import descent.ui.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Flow matching on 2-D points: the ODE sampler stepped one step at a time over the learned velocity field, the
 * straight lines the model is trained on beside the curved paths it learns, sample quality against the number of
 * solver steps for Euler and Heun, and the loss per quarter of t.
 */
final class FlowSection implements Section {
    private static final int PAIRS = 24, PATH_STEPS = 40;
    private final LabContext ctx;
    private final Supplier<Backend> backend;
    private final Sampler2DFigure sampler;
    private final Heatmap paths;
    private final DrawTool draw;
    private final LineChart sweep, loss;
    private FlowExperiment exp;
    private FlowSampler.Solver solver = FlowSampler.Solver.EULER;
    private int solverSteps = 20, particles = 500;
    private float[] couplings;
    private float[][] learned;
    private long pathsAt = -1, sweepAt = -1;
    private boolean showStraight = true, showLearned = true, pathsDirty = true;
    private int lossRows;

    FlowSection(LabContext ctx, HTMLElement root, Supplier<Backend> backend) {
        this.ctx = ctx;
        this.backend = backend;
        sampler = new Sampler2DFigure(ctx, root, "Sampling: integrating the learned flow",
                seed -> exp.sampler(solver, solverSteps, particles, seed, 1000),
                (pts, s, step) -> exp.velocity(pts, s.progress(step)), "velocity v(x, t)", "x\u0302\u2081");
        sampler.fig.caption("Particles start as noise at t = 0 and move along the learned velocity v(x, t) to the "
                + "data at t = 1. Arrows: the velocity at the time of the step shown.");

        Figure pathsFig = new Figure(root, "paths", "Straight training paths, curved learned paths");
        paths = new Heatmap(pathsFig, -Data2D.EXTENT, Data2D.EXTENT, -Data2D.EXTENT, Data2D.EXTENT);
        paths.readout((x, y, v) -> "(" + Fmt.sig(x, 2) + ", " + Fmt.sig(y, 2) + ")");
        pathsFig.toggle("Straight", "Training pairs: noise x\u2080 joined to data x\u2081 by a line", true, on -> {
            showStraight = on;
            pathsDirty = true;
            ctx.requestRender();
        });
        pathsFig.toggle("Learned", "Where the learned flow actually carries the same noise points", true, on -> {
            showLearned = on;
            pathsDirty = true;
            ctx.requestRender();
        });
        draw = new DrawTool(ctx, pathsFig, paths);
        pathsFig.caption("Blue: the straight lines x_t = (1\u2212t) x\u2080 + t x\u2081 between random noise and data "
                + "points, which training regresses on. Orange: the paths the learned flow takes from the same "
                + "noise points (Heun, 40 steps). Lines cross; flow paths cannot, so they bend.");
        pathsFig.exports(paths::canvas, null);

        Figure sweepFig = new Figure(root, "steps", "Sample quality vs number of steps");
        sweep = new LineChart(sweepFig, "solver steps", List.of(
                new LineChart.Series("Euler", ColorMap.classRgb(0), false),
                new LineChart.Series("Heun", ColorMap.classRgb(1), false),
                new LineChart.Series("data vs data", 0x23867a, true)));
        sweep.logY(true);
        sweepFig.caption("Sliced Wasserstein distance from 512 samples to fresh data, for 1 to 32 steps (Heun costs "
                + "two network evaluations per step). Re-measured continuously while the model trains.");

        Figure lossFig = new Figure(root, "loss", "Training loss by time");
        List<LineChart.Series> series = new ArrayList<>();
        for (int k = 0; k < FlowExperiment.BUCKETS; k++) {
            double lo = (double) k / FlowExperiment.BUCKETS, hi = (double) (k + 1) / FlowExperiment.BUCKETS;
            series.add(new LineChart.Series("t " + Fmt.sig(lo, 2) + "\u2013" + Fmt.sig(hi, 2),
                    PointsSection.bucketColour(k), false));
        }
        series.add(new LineChart.Series("all t", 0x5b6578, true));
        loss = new LineChart(lossFig, "step", series);
        loss.logY(true);
        lossFig.caption("Mean squared error of the velocity (moving averages). It cannot reach zero: many lines pass "
                + "through a point, and the network can only learn their average direction.");
    }

    @Override
    public void reset(Params p) {
        if (exp != null) exp.release();
        FlowExperiment.Config c = new FlowExperiment.Config();
        c.data = DrawTool.kind(ctx, p.choice("data"), p.text("points"));
        c.drawn = Data2D.parse(p.text("points"));
        c.width = p.integer("width");
        c.lr = p.num("lr");
        c.batch = p.integer("batch");
        c.seed = p.integer("seed");
        c.statsEvery = GenerativeView.statsEvery(backend.get());
        exp = new FlowExperiment(backend.get(), c);
        draw.load(p.text("points"));
        liveSettings(p);
        couplings = exp.couplings(PAIRS, c.seed + 7);
        learned = null;
        pathsAt = -1;
        sweepAt = Long.MIN_VALUE;
        pathsDirty = true;
        sampler.data(exp.data);
        sampler.restart();
        sweep.clear();
        loss.clear();
        lossRows = 0;
    }

    private void liveSettings(Params p) {
        solver = p.choice("solver").equals("heun") ? FlowSampler.Solver.HEUN : FlowSampler.Solver.EULER;
        solverSteps = p.integer("flow_steps");
        particles = p.integer("particles");
        exp.learningRate(p.num("lr"));
    }

    @Override
    public void update(Params p) {
        FlowSampler.Solver s0 = solver;
        int k0 = solverSteps, n0 = particles;
        liveSettings(p);
        if (s0 != solver || k0 != solverSteps || n0 != particles) sampler.restart();
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
        renderPaths();
        if (exp.sweepRuns() != sweepAt) {
            sweepAt = exp.sweepRuns();
            double[][] r = exp.sweepResults();
            sweep.clear();
            sweep.append(0, Double.NaN, Double.NaN, exp.dataVsData);
            for (int k = 0; k < FlowExperiment.SWEEP_STEPS.length; k++) {
                sweep.append(FlowExperiment.SWEEP_STEPS[k], r[0][k], r[1][k], exp.dataVsData);
            }
        }
        sweep.redraw();
        LossLog log = exp.losses;
        for (; lossRows < log.total.size(); lossRows++) {
            double x = log.total.x(lossRows);
            double[] ys = new double[FlowExperiment.BUCKETS + 1];
            for (int k = 0; k < FlowExperiment.BUCKETS; k++) ys[k] = log.byBucket[k].lastAtOrBefore(x);
            ys[FlowExperiment.BUCKETS] = log.total.y(lossRows);
            loss.append(x, ys);
        }
        loss.redraw();
    }

    /** The learned paths are re-integrated every 100 training steps (cheap: 60 points, 40 Heun steps). */
    private void renderPaths() {
        if (learned == null || exp.steps() - pathsAt >= 100) {
            float[] starts = new float[2 * PAIRS];
            for (int i = 0; i < PAIRS; i++) {
                starts[2 * i] = couplings[4 * i];
                starts[2 * i + 1] = couplings[4 * i + 1];
            }
            FlowSampler s = exp.sampler(FlowSampler.Solver.HEUN, PATH_STEPS, starts, PATH_STEPS);
            while (s.step()) { }
            learned = new float[s.frames()][];
            for (int f = 0; f < s.frames(); f++) learned[f] = s.frame(f);
            s.release();
            pathsAt = exp.steps();
            pathsDirty = true;
        }
        if (!pathsDirty && !draw.drawing()) return;
        pathsDirty = false;
        paths.colors(Paint.density(exp.data, 72, Data2D.EXTENT, Theme.dark()), 72, 72, null,
                List.of("training data density"), new int[] {0x23867a});
        Marks m = paths.marks();
        m.clear();
        if (draw.drawing()) {
            draw.mark(m);
        } else {
            for (int i = 0; i < PAIRS; i++) {
                float x0 = couplings[4 * i], y0 = couplings[4 * i + 1];
                if (showStraight) {
                    m.path(new float[] {x0, y0, couplings[4 * i + 2], couplings[4 * i + 3]}, Paint.LINE, 1.8, false);
                }
                if (showLearned) {
                    float[] path = new float[2 * learned.length];
                    for (int f = 0; f < learned.length; f++) {
                        path[2 * f] = learned[f][2 * i];
                        path[2 * f + 1] = learned[f][2 * i + 1];
                    }
                    m.path(path, Paint.CURVE, 2, false);
                }
                m.point(x0, y0, 2.4, 0x5b6578, true);
                if (showStraight) m.point(couplings[4 * i + 2], couplings[4 * i + 3], 2.4, Paint.REAL_RGB, true);
                if (showLearned) {
                    float[] end = learned[learned.length - 1];
                    m.point(end[2 * i], end[2 * i + 1], 2.4, Paint.PARTICLE_RGB, true);
                }
            }
        }
        paths.redraw();
    }

    @Override
    public void release() {
        sampler.release();
        if (exp != null) exp.release();
    }
}
