package descent.labs.generative;

import descent.ui.Figure;
import descent.ui.Heatmap;
import descent.ui.LabContext;
import descent.ui.Marks;
import descent.ui.Theme;
import java.util.List;
import java.util.function.LongFunction;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The centre of the 2-D sections: particles on their way from noise to data over the faint density of the training
 * data, with their trajectories so far, the model's guess of where each will end (x̂₀, or x̂₁ for a flow), and the
 * learned vector field at the time of the step shown. Step, play and scrub with {@link SamplerControls}.
 */
final class Sampler2DFigure {
    /** The learned field at points (N, 2) for the time of a sampler step: the score, or the velocity. */
    interface Field {
        float[] at(float[] pts, StepSampler s, int step);
    }

    static final double EXTENT = Data2D.EXTENT;
    private static final int FIELD_GRID = 15, TRAILS = 16, DENSITY = 72;

    final Figure fig;
    final SamplerControls controls;
    private final StepAnatomy anatomy;
    private final LabContext ctx;
    private final Heatmap plot;
    private final Field field;
    private final float[] gridPts = Paint.grid(FIELD_GRID, EXTENT * (FIELD_GRID - 1) / FIELD_GRID);
    private float[] vectors;
    private int vectorsStep = -1;
    private long vectorsModel = -1;
    private StepSampler vectorsSampler;
    private boolean showField = true, showTrails = true, showGuess;

    Sampler2DFigure(LabContext ctx, HTMLElement parent, String title, LongFunction<StepSampler> start, Field field,
                    String fieldName, String guessName) {
        this.ctx = ctx;
        this.field = field;
        fig = new Figure(parent, "sampler", title);
        plot = new Heatmap(fig, -EXTENT, EXTENT, -EXTENT, EXTENT);
        plot.readout((x, y, v) -> "(" + descent.ui.Fmt.sig(x, 2) + ", " + descent.ui.Fmt.sig(y, 2) + ")");
        fig.toggle("Field", "Show the learned " + fieldName + " at the time of this step", true, on -> {
            showField = on;
            ctx.requestRender();
            changedView();
        });
        fig.toggle("Trails", "Show each particle's path so far", true, on -> {
            showTrails = on;
            changedView();
        });
        fig.toggle(guessName, "Show where the model expects each particle to end (" + guessName + ")", false, on -> {
            showGuess = on;
            changedView();
        });
        controls = new SamplerControls(ctx, fig, start, 1, !ctx.reducedMotion());
        fig.exports(plot::canvas, this::csv);
        anatomy = new StepAnatomy(parent);
    }

    private boolean viewChanged = true;

    private void changedView() {
        viewChanged = true;
        ctx.requestRender();
    }

    /** The training data, drawn as a faint density under the particles. */
    void data(float[] pts) {
        plot.colors(Paint.density(pts, pts.length / 2 > 0 ? DENSITY : 1, EXTENT, Theme.dark()), DENSITY, DENSITY,
                null, List.of("training data density"), new int[] {0x23867a});
        viewChanged = true;
    }

    /** Called once per frame by the section; {@code modelSteps} tells when the field must be recomputed. */
    void render(long modelSteps) {
        controls.frame();
        boolean changed = controls.takeChange() | viewChanged;
        viewChanged = false;
        StepSampler s = controls.sampler();
        if (s == null) return;
        int step = controls.shownStep();
        boolean fieldStale = showField && (vectors == null || vectorsStep != step || vectorsSampler != s
                || modelSteps - vectorsModel >= 10);
        if (fieldStale) {
            vectors = field.at(gridPts, s, step);
            vectorsStep = step;
            vectorsSampler = s;
            vectorsModel = modelSteps;
            changed = true;
        }
        if (!changed) return;
        int k = s.frameAt(step);
        Marks m = plot.marks();
        m.clear();
        if (showField && vectors != null) arrows(m);
        float[] pos = s.frame(k);
        if (showTrails && k > 0) trails(m, s, k);
        if (showGuess && s.estimate(k) != null) {
            float[] g = s.estimate(k);
            for (int i = 0; i < g.length / 2; i++) m.point(g[2 * i], g[2 * i + 1], 2.2, Paint.ESTIMATE_RGB, true);
        }
        double r = pos.length / 2 > 800 ? 2 : 2.6;
        for (int i = 0; i < pos.length / 2; i++) m.point(pos[2 * i], pos[2 * i + 1], r, Paint.PARTICLE_RGB, true);
        plot.redraw();
        controls.refresh("");
        anatomy.show(s, step);
    }

    private void arrows(Marks m) {
        double cell = 2 * EXTENT / FIELD_GRID, typical = Paint.typicalLength(vectors);
        String css = Theme.dark() ? Paint.FIELD_DARK : Paint.FIELD;
        for (int i = 0; i < FIELD_GRID * FIELD_GRID; i++) {
            double vx = vectors[2 * i], vy = vectors[2 * i + 1], len = Math.hypot(vx, vy);
            if (!(len > 0)) continue;
            // arrows grow with the field up to its 90th percentile, then stop: direction matters most
            double shown = 0.85 * cell * Math.min(1, len / typical);
            double x = gridPts[2 * i], y = gridPts[2 * i + 1];
            m.arrow(x - 0.5 * shown * vx / len, y - 0.5 * shown * vy / len, x + 0.5 * shown * vx / len,
                    y + 0.5 * shown * vy / len, css, 1.2);
        }
    }

    private void trails(Marks m, StepSampler s, int k) {
        int n = Math.min(TRAILS, s.n);
        for (int p = 0; p < n; p++) {
            float[] path = new float[2 * (k + 1)];
            for (int f = 0; f <= k; f++) {
                float[] pos = s.frame(f);
                path[2 * f] = pos[2 * p];
                path[2 * f + 1] = pos[2 * p + 1];
            }
            m.path(path, Paint.TRAIL, 1, false);
        }
    }

    private String csv() {
        StepSampler s = controls.sampler();
        float[] pos = s.frame(s.frameAt(controls.shownStep()));
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < pos.length / 2; i++) sb.append(pos[2 * i]).append(',').append(pos[2 * i + 1]).append('\n');
        return sb.toString();
    }

    void restart() {
        controls.restart();
        vectors = null;
        ctx.requestRender();
    }

    /** Whether the figure wants frames of its own (an auto-playing sampler). */
    boolean animating() {
        return controls.playing();
    }

    void release() {
        controls.release();
    }
}
