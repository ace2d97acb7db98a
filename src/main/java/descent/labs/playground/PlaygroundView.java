package descent.labs.playground;

import descent.labs.LabSpec;
import descent.labs.Params;
import descent.ui.Js;
import descent.ui.LabContext;
import descent.ui.LabView;

/**
 * The playground in the browser: the decision boundary, the network, the loss curves and the data tools around one
 * {@link PlaygroundExperiment}. Training runs on the CPU path: these nets are tiny, and a GPU dispatch per step
 * would cost more than the step. The grids the figures draw are the expensive part; they are redrawn on a cadence
 * that adapts to their measured cost, so training keeps most of each frame.
 */
public final class PlaygroundView implements LabView {
    public static final LabSpec SPEC = PlaygroundSpec.SPEC;

    private LabContext ctx;
    private BoundaryFigure boundary;
    private NetworkFigure network;
    private CurvesFigure curves;
    private DataTools tools;
    private PlaygroundExperiment ex;
    private Params params;
    private double lastPlane = -1e9, lastSample = -1e9;
    private double planeEvery = 60, sampleEvery = 100;
    private long planeStep = -1, sampleStep = -1;

    @Override
    public LabSpec spec() {
        return SPEC;
    }

    @Override
    public void mount(LabContext ctx) {
        this.ctx = ctx;
        descent.ui.Dom.toggleClass(ctx.figures(), "playground", true);
        boundary = new BoundaryFigure(ctx, ctx.figures());
        network = new NetworkFigure(ctx, ctx.figures());
        curves = new CurvesFigure(ctx.figures());
        tools = new DataTools(ctx, boundary);
    }

    @Override
    public void reset(Params p) {
        boolean wasEditing = boundary.isEditing();
        params = p;
        ex = new PlaygroundExperiment(p);
        for (String n : ex.config.notices()) {
            ctx.notice(n, true);
        }
        attach();
        if (wasEditing && ex.config.data().equals("custom")) {
            boundary.keepEditing(ex.currentPoints());
        }
    }

    private void attach() {
        boundary.attach(ex);
        network.attach(ex);
        curves.attach(ex);
        tools.attach(ex);
        planeStep = -1;
        sampleStep = -1;
        if (!ex.canTrain()) {
            ctx.notice(ex.pointCount() == 0 ? "No points yet: turn on \u201cEdit points\u201d and tap the plane to "
                    + "add some of two classes." : "Training needs points of at least two classes among the "
                    + "training points.", false);
        }
    }

    @Override
    public void update(Params p) {
        PlaygroundConfig c = PlaygroundConfig.from(p);
        boolean pointsChanged = !p.text("pts").equals(params.text("pts"));
        params = p;
        if (pointsChanged && c.data().equals("custom")) {
            boolean wasEditing = boundary.isEditing();
            if (!ex.replaceData(c)) {
                reset(p);
                return;
            }
            attach();
            if (wasEditing) {
                boundary.keepEditing(ex.currentPoints());
            }
        }
        ex.tune(c);
        planeStep = -1;
        ctx.requestRender();
    }

    @Override
    public void step() {
        if (network.backprop().active()) {
            network.backprop().next();
        } else {
            ex.step();
        }
    }

    @Override
    public long steps() {
        return ex == null ? 0 : ex.steps();
    }

    @Override
    public String divergence() {
        return ex == null ? null : ex.divergence();
    }

    @Override
    public void render() {
        if (ex == null) {
            return;
        }
        double now = Js.now();
        boolean moved = ex.steps() != planeStep;
        if (!moved || now - lastPlane >= planeEvery) {
            drawPlane();
            lastPlane = now;
            planeStep = ex.steps();
        }
        if (ex.steps() != sampleStep && (now - lastSample >= sampleEvery || sampleStep < 0)) {
            double cost = curves.sample();
            curves.renderConfusion();
            sampleEvery = Math.max(100, 8 * cost);
            lastSample = now;
            sampleStep = ex.steps();
            boundary.refreshTable();
        }
        curves.render();
    }

    private void drawPlane() {
        BackpropTrace t = network.backprop().active() && network.backprop().trace().started()
                ? network.backprop().trace() : null;
        boundary.traceAt(t == null ? null : t.position());
        boolean regions = params.bool("regions");
        boundary.render(resolution(regions), params.bool("show_test"), params.bool("discrete"), regions);
        boundary.refreshLocal();
        network.render();
        // spend at most about a fifth of the time drawing while training
        planeEvery = Math.max(50, 4 * (boundary.lastCostMs + network.lastCostMs));
    }

    /** Grid cells per side: fine for small nets, coarser as the per-point cost of a forward pass grows. */
    private int resolution(boolean regions) {
        int[] s = ex.sizes();
        double macs = 0;
        for (int l = 0; l + 1 < s.length; l++) {
            macs += (double) s[l] * s[l + 1];
        }
        double budget = regions ? 6e6 : 2.5e6;
        int res = (int) Math.sqrt(budget / Math.max(1, macs));
        return Math.max(28, Math.min(regions ? 180 : 100, res));
    }

    @Override
    public void unmount() {
        ex = null;
    }
}
