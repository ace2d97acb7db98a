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
 * The GAN, drawn the way GAN Lab draws it: the discriminator's verdict over the plane as a heat map, real points and
 * fakes on top, the generator's image of the latent square as a warped grid (its manifold), and on each fake the
 * direction the discriminator's gradient pushes it. "Step D" and "Step G" train one network once, for slow motion.
 */
final class GanSection implements Section {
    private static final int MAP = 56, LATENT_LINES = 11, LINE_POINTS = 25, ARROWS = 120, REAL_SHOWN = 400;
    private final LabContext ctx;
    private final Supplier<Backend> backend;
    private final Heatmap plot;
    private final DrawTool draw;
    private final HTMLElement stats;
    private final LineChart losses, quality;
    private final float[] mapPts = Paint.grid(MAP, Data2D.EXTENT);
    private GanExperiment exp;
    private boolean showManifold = true, showArrows = true, showReal = true;
    private boolean dirty = true;
    private long drawnAt = -1;
    private double drawnTime;
    private int lossRows, qualityRows;
    private String lastAction = "";

    GanSection(LabContext ctx, HTMLElement root, Supplier<Backend> backend) {
        this.ctx = ctx;
        this.backend = backend;
        Figure fig = new Figure(root, "gan", "Generator against discriminator").wide(true);
        plot = new Heatmap(fig, -Data2D.EXTENT, Data2D.EXTENT, -Data2D.EXTENT, Data2D.EXTENT);
        plot.readout((x, y, v) -> "(" + Fmt.sig(x, 2) + ", " + Fmt.sig(y, 2) + ")  D says real: "
                + Fmt.sig(1 - v, 2));
        fig.tool("Step D", "Train the discriminator on one batch (slow motion)", () -> ctx.post(() -> {
            ctx.pause();
            exp.stepDiscriminator();
            lastAction = "one discriminator step";
            changed();
        }));
        fig.tool("Step G", "Train the generator on one batch (slow motion)", () -> ctx.post(() -> {
            ctx.pause();
            exp.stepGenerator();
            lastAction = "one generator step";
            changed();
        }));
        fig.toggle("Manifold", "The generator's image of a grid over the latent square", true, on -> {
            showManifold = on;
            changed();
        });
        fig.toggle("Gradients", "On each fake: the direction the discriminator's gradient moves it", true, on -> {
            showArrows = on;
            changed();
        });
        fig.toggle("Real", "Show the real data", true, on -> {
            showReal = on;
            changed();
        });
        draw = new DrawTool(ctx, fig, plot);
        stats = Dom.add(fig.root(), "div.gen-strip");
        fig.caption("Background: the discriminator\u2019s belief that a point is fake (orange) or real (blue). Blue "
                + "dots: real data; orange: fakes G(z). Grey mesh: G applied to a grid over the latent square "
                + "[\u22121, 1]\u00b2. Arrows: \u2212\u2202L_G/\u2202x, where D tells each fake to go.");
        fig.exports(plot::canvas, null);

        Figure lossFig = new Figure(root, "gan-loss", "Losses");
        losses = new LineChart(lossFig, "iteration", List.of(
                new LineChart.Series("discriminator", ColorMap.classRgb(0), false),
                new LineChart.Series("generator", Paint.PARTICLE_RGB, false)));
        lossFig.caption("Neither loss goes to zero in a healthy run: each network\u2019s progress is the other\u2019s "
                + "setback. For the log loss, a balanced game sits near L_D = 2 ln 2 \u2248 1.39, L_G = ln 2.");
        Figure qFig = new Figure(root, "gan-quality", "Fakes vs data");
        quality = new LineChart(qFig, "iteration", List.of(
                new LineChart.Series("fakes vs data", Paint.PARTICLE_RGB, false),
                new LineChart.Series("data vs data", 0x23867a, true)));
        quality.logY(true);
        qFig.caption("Sliced Wasserstein distance from 512 fakes to fresh data, every 50 iterations; dashed: two "
                + "fresh data sets.");
    }

    private void changed() {
        dirty = true;
        ctx.requestRender();
    }

    @Override
    public void reset(Params p) {
        GanExperiment.Config c = new GanExperiment.Config();
        c.data = DrawTool.kind(ctx, p.choice("data"), p.text("points"));
        c.drawn = Data2D.parse(p.text("points"));
        c.gOpt = p.choice("g_opt").equals("sgd") ? GanExperiment.Opt.SGD : GanExperiment.Opt.ADAM;
        c.dOpt = p.choice("d_opt").equals("sgd") ? GanExperiment.Opt.SGD : GanExperiment.Opt.ADAM;
        c.loss = p.choice("gan_loss").equals("lsq") ? GanExperiment.Loss.LEAST_SQUARES : GanExperiment.Loss.LOG;
        c.width = p.integer("gan_width");
        c.seed = p.integer("seed");
        c.statsEvery = GenerativeView.statsEvery(backend.get());
        exp = new GanExperiment(backend.get(), c);
        draw.load(p.text("points"));
        update(p);
        losses.clear();
        quality.clear();
        lossRows = qualityRows = 0;
        lastAction = "";
        changed();
    }

    @Override
    public void update(Params p) {
        exp.live(p.num("g_lr"), p.num("d_lr"), p.integer("d_steps"));
    }

    @Override
    public void step() {
        exp.step();
        lastAction = "";
    }

    @Override
    public Training training() {
        return exp;
    }

    @Override
    public void render() {
        boolean due = exp.steps() != drawnAt
                && descent.ui.Js.now() - drawnTime >= GenerativeView.redrawInterval(backend.get());
        if (dirty || due || draw.drawing()) {
            dirty = false;
            drawnTime = descent.ui.Js.now();
            drawnAt = exp.steps();
            drawPlane();
        }
        for (; lossRows < exp.dLoss.size(); lossRows++) {
            losses.append(exp.dLoss.x(lossRows), exp.dLoss.y(lossRows), exp.gLoss.y(lossRows));
        }
        losses.redraw();
        for (; qualityRows < exp.quality.size(); qualityRows++) {
            quality.append(exp.quality.x(qualityRows), exp.quality.y(qualityRows), exp.dataVsData);
        }
        quality.redraw();
    }

    private void drawPlane() {
        float[] real = exp.realness(mapPts);
        for (int i = 0; i < real.length; i++) real[i] = 1 - real[i];
        plot.values(real, MAP, MAP, ColorMap.DIVERGING, 0, 1, "D\u2019s P(fake)");
        Marks m = plot.marks();
        m.clear();
        if (draw.drawing()) {
            draw.mark(m);
            plot.redraw();
            return;
        }
        if (showReal) {
            for (int i = 0; i < REAL_SHOWN; i++) m.point(exp.data[2 * i], exp.data[2 * i + 1], 2.2, Paint.REAL_RGB, true);
        }
        if (showManifold) manifold(m);
        float[] fakes = exp.generate(exp.shownLatent);
        if (showArrows) {
            float[] g = exp.fakeGradients(fakes);
            double typical = Paint.typicalLength(g), len = 0.35;
            for (int i = 0; i < ARROWS; i++) {
                double gx = g[2 * i], gy = g[2 * i + 1], l = Math.hypot(gx, gy);
                if (!(l > 0)) continue;
                double s = len * Math.min(1, l / typical) / l;
                m.arrow(fakes[2 * i], fakes[2 * i + 1], fakes[2 * i] + s * gx, fakes[2 * i + 1] + s * gy,
                        Theme.dark() ? Paint.FIELD_DARK : Paint.FIELD, 1.1);
            }
        }
        for (int i = 0; i < fakes.length / 2; i++) m.point(fakes[2 * i], fakes[2 * i + 1], 2.6, Paint.PARTICLE_RGB, true);
        plot.redraw();
        String modes = exp.config.data == Data2D.Kind.GAUSSIANS
                ? "modes covered " + exp.modesCovered(fakes) + " / 8 \u00b7 " : "";
        Dom.text(stats, "iteration " + exp.steps() + " \u00b7 " + modes + "L_D " + Fmt.sig(exp.dLoss.lastY(), 3)
                + " \u00b7 L_G " + Fmt.sig(exp.gLoss.lastY(), 3) + (lastAction.isEmpty() ? "" : " \u00b7 " + lastAction));
    }

    /** The images of LATENT_LINES horizontal and vertical lines of the latent square. */
    private void manifold(Marks m) {
        int k = LATENT_LINES, q = LINE_POINTS;
        float[] z = new float[2 * 2 * k * q];
        for (int line = 0; line < k; line++) {
            float c = -1 + 2f * line / (k - 1);
            for (int j = 0; j < q; j++) {
                float u = -1 + 2f * j / (q - 1);
                int h = (line * q + j) * 2, v = ((k + line) * q + j) * 2;
                z[h] = u;
                z[h + 1] = c;
                z[v] = c;
                z[v + 1] = u;
            }
        }
        float[] x = exp.generate(z);
        String css = Theme.dark() ? "rgba(220, 226, 236, 0.45)" : "rgba(40, 48, 64, 0.38)";
        for (int line = 0; line < 2 * k; line++) {
            float[] path = new float[2 * q];
            System.arraycopy(x, line * q * 2, path, 0, 2 * q);
            m.path(path, css, 1, false);
        }
    }

    @Override
    public void release() {
    }
}
