package descent.labs.landscape;

import descent.gpu.Backends;
import descent.gpu.WebGpuBackend;
import descent.labs.LabSpec;
import descent.labs.Params;
import descent.tensor.Backend;
import descent.tensor.CpuBackend;
import descent.ui.ColorMap;
import descent.ui.Dom;
import descent.ui.Fmt;
import descent.ui.Js;
import descent.ui.LabContext;
import descent.ui.LabView;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The landscape lab in the page: drives a {@link LandscapeExperiment} and draws its slices, surface, path,
 * interpolation and sharpness. While the shell runs it, each {@link #step} is a small unit of training or landscape
 * work; while paused, {@link #render} keeps refining the pictures a few milliseconds per frame, so pausing at an
 * interesting moment gives a full-resolution picture of that moment.
 */
public final class LandscapeView implements LabView {
    /** Milliseconds of landscape work per frame while paused: the frame stays far under 50 ms. */
    static final double IDLE_MS = 9;

    private LabContext ctx;
    private LandscapeExperiment exp;
    private HTMLElement root, status, statusLine, speedLine;
    private SliceFigure[] slices;
    private SliceFigure plane;
    private SurfaceFigure surface;
    private GpuSurface gpuSurface;
    private ChartsFigure charts;
    private boolean stepped, visible = true, surfaceDirty = true, finishedShown;
    private SliceGrid surfaceGrid;
    private int surfaceSide;

    @Override
    public LabSpec spec() {
        return LandscapeSpec.SPEC;
    }

    @Override
    public void mount(LabContext c) {
        ctx = c;
        root = ctx.figures();
        Js.onVisible(root, v -> {
            visible = v;
            if (v) ctx.post(ctx::requestRender);
        });
    }

    @Override
    public void reset(Params params) {
        if (exp != null) exp.release();
        exp = new LandscapeExperiment(params.copy(), new CpuBackend(), Js::now);
        useGpu();
        build(params);
        stepped = false;
        finishedShown = false;
        ctx.requestRender();
    }

    @Override
    public void update(Params params) {
        exp.update(params);
        surfaceDirty = true;
        for (SliceFigure f : slices) f.caption(captionOf(params));
        ctx.requestRender();
    }

    /**
     * On a page with WebGPU the landscape is evaluated by the ensemble path on the GPU, and the live pictures can
     * afford 33 x 33 while training runs; training itself (a tiny network) and the sharpness stay on the CPU.
     */
    private void useGpu() {
        WebGpuBackend gpu = Backends.webgpu();
        if (gpu == null || gpu.device().isLost()) return;
        int parameters = exp.runs.get(0).layout.size;
        SliceEvaluator train = GpuEnsembleEvaluator.tryCreate(gpu.device().handle(), exp.net, exp.train(), parameters);
        SliceEvaluator test;
        if (train != null) {
            test = GpuEnsembleEvaluator.tryCreate(gpu.device().handle(), exp.net, exp.test(), parameters);
        } else {
            // the CNN: the engine's ops on the GPU backend, member by member, one read-back per batch
            Backend be = Backends.current();
            train = new BatchedSliceEvaluator(be, exp.net, exp.train(), 32);
            test = new BatchedSliceEvaluator(be, exp.net, exp.test(), 32);
        }
        exp.useEvaluators(train, test, 33);
    }

    /** The figures for this run count and settings, built afresh on each reset. */
    private void build(Params p) {
        Dom.clear(root);
        if (gpuSurface != null) gpuSurface.release();
        gpuSurface = null;
        int runs = exp.runs.size();
        status = Dom.add(root, "section.land-status");
        Dom.add(status, "p.land-model", exp.net.describe(exp.runs.get(0).layout.size) + " on "
                + exp.train().n + " training points" + (runs > 1 ? " \u00b7 A: " + describe(0) + " \u00b7 B: "
                + describe(1) : " \u00b7 " + describe(0)));
        statusLine = Dom.add(status, "p.land-progress");
        speedLine = Dom.add(status, "p.land-speed");
        slices = new SliceFigure[runs];
        for (int r = 0; r < runs; r++) {
            String who = runs > 1 ? " (run " + (r == 0 ? "A" : "B") + ")" : "";
            slices[r] = new SliceFigure(root, r == 0 ? "slice" : "slice-b", "Slice around the weights" + who,
                    "\u03b1", "\u03b2");
            slices[r].caption(captionOf(p));
        }
        surface = new SurfaceFigure(root, () -> {
            surfaceDirty = true;
            ctx.requestRender();
        });
        surface.fig.caption("The same slice" + (runs > 1 ? " of run A" : "") + " as a landscape: height and colour "
                + "are the loss (log scale if chosen). Drag to turn, pinch or wheel to zoom. The white dot is "
                + "where the network is now.");
        gpuSurface = GpuSurface.tryCreate(surface, message -> ctx.notice(message, true));
        plane = new SliceFigure(root, "path", "The path taken", "PC1", "PC2");
        plane.fig.caption("The loss on the plane of the two principal components of the weight snapshots, with "
                + "the path drawn on it (Li et al. 2018, sec. 7).");
        charts = new ChartsFigure(root, runs, p.integer("eigs"), thresholdName(exp.runs.get(0)),
                runs > 1 ? thresholdName(exp.runs.get(1)) : "");
        surfaceGrid = null;
        surfaceDirty = true;
    }

    private String describe(int r) {
        return exp.runs.get(r).settings.describe(exp.train().n);
    }

    private static String thresholdName(Run r) {
        return switch (r.settings.optimizer()) {
            case "momentum" -> "(2+2\u03b2)/\u03b7";
            case "adam" -> "2/\u03b7 (n/a for Adam)";
            default -> "2/\u03b7";
        };
    }

    private static String captionOf(Params p) {
        String norm = switch (p.choice("norm")) {
            case "filter" -> "filter-normalised as in Li et al. (2018)";
            case "layer" -> "scaled per layer";
            default -> "raw Gaussian, not normalised";
        };
        return "The training loss at \u03b8 + \u03b1\u03b4 + \u03b2\u03b7 around the current weights \u03b8 (the "
                + "white dot), along two random directions \u03b4, \u03b7 " + norm + " (direction seed "
                + p.integer("dseed") + "). Contours every \u215b of the colour range.";
    }

    // ---- the loop ---------------------------------------------------------------------------------------------

    @Override
    public void step() {
        exp.step();
        stepped = true;
    }

    /**
     * Once training has spent its budget and every picture is at full resolution there is nothing left to compute:
     * the lab pauses itself rather than spin, and says how to go on.
     */
    private void pauseWhenFinished() {
        boolean finished = exp.trainingDone() && !exp.landscapePending();
        if (finished && stepped) {
            ctx.pause();
            if (!finishedShown) {
                ctx.notice("Finished: " + exp.steps() + " steps trained and every picture computed. Raise \u201cTrain "
                        + "for\u201d, change a setting or Reset to go on.", false);
            }
            finishedShown = true;
        }
    }

    @Override
    public long steps() {
        return exp.steps();
    }

    @Override
    public String divergence() {
        return exp.divergence();
    }

    @Override
    public void render() {
        if (!stepped && visible && exp.idle(IDLE_MS)) ctx.requestRender();
        pauseWhenFinished();
        stepped = false;
        boolean log = exp.params.bool("logscale");
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (int r = 0; r < slices.length; r++) {
            SliceGrid g = exp.slice(r);
            if (g == null) continue;
            for (float v : g.picture()) {
                if (v < lo) lo = v;
                if (v > hi) hi = v;
            }
        }
        for (int r = 0; r < slices.length; r++) {
            if (slices[r].show(exp.slice(r), lo, hi, log)) {
                slices[r].map.marks().point(0, 0, 5, 0xffffff, false);
                slices[r].redraw();
            }
        }
        drawPlane(log);
        drawSurface(lo, hi, log);
        charts.update(exp.runs, exp.interpolation());
        showStatus();
    }

    private void drawPlane(boolean log) {
        SliceGrid g = exp.plane();
        if (g == null) return;
        float[] pic = g.picture();
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (float v : pic) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!plane.show(g, lo, hi, log)) return;
        double[][][] paths = exp.paths();
        for (int r = 0; r < paths.length; r++) {
            float[] xy = new float[2 * paths[r].length];
            for (int i = 0; i < paths[r].length; i++) {
                xy[2 * i] = (float) paths[r][i][0];
                xy[2 * i + 1] = (float) paths[r][i][1];
            }
            String css = ColorMap.hex(r == 0 ? 0xffffff : ColorMap.classRgb(1));
            plane.map.marks().path(xy, css, 2.5, r > 0);
            plane.map.marks().ring(xy[0], xy[1], 6, r == 0 ? 0xffffff : ColorMap.classRgb(1));
            plane.map.marks().point(xy[xy.length - 2], xy[xy.length - 1], 5, r == 0 ? 0xffffff
                    : ColorMap.classRgb(1), false);
        }
        Pca pca = exp.pca();
        plane.caption("The loss on the plane of the two principal components of the weight snapshots, which hold "
                + Fmt.fixed(100 * pca.explained[0], 1) + "% and " + Fmt.fixed(100 * pca.explained[1], 1)
                + "% of the movement; the path starts at the ring" + (paths.length > 1
                ? " (A solid, B dashed)" : "") + " (Li et al. 2018, sec. 7).");
        plane.redraw();
    }

    private void drawSurface(double lo, double hi, boolean log) {
        SliceGrid g = exp.slice(0);
        if (g != null && (g != surfaceGrid || g.pictureSide() != surfaceSide || surfaceDirty)) {
            surface.data(g.picture(), g.pictureSide(), lo, hi, log);
            surfaceGrid = g;
            surfaceSide = g.pictureSide();
            if (gpuSurface != null) gpuSurface.upload();
            surfaceDirty = true;
        }
        if (!surfaceDirty) return;
        surfaceDirty = false;
        surface.draw(gpuSurface == null ? null : gpuSurface.render());
    }

    private void showStatus() {
        Run a = exp.runs.get(0);
        double[] s = a.lastStats();
        SliceGrid c = exp.sliceInProgress(0);
        String slice = c == null ? "" : " \u00b7 slice " + (c.done() ? c.pictureSide() + "\u00d7" + c.pictureSide()
                : "refining to " + c.res + "\u00d7" + c.res + " (" + Math.round(100 * c.progress()) + "%)");
        Dom.text(statusLine, "Step " + a.steps() + " of " + a.budget + " \u00b7 train loss " + Fmt.sig(s[1], 3)
                + " \u00b7 test accuracy " + Fmt.fixed(100 * s[4], 1) + "%" + slice);
        String path = exp.path().equals("webgpu") ? "on the GPU" : "on the CPU";
        Dom.text(speedLine, Fmt.compact(exp.evaluationsPerSecond()) + " loss evaluations/s " + path
                + (Double.isNaN(exp.firstPictureMs()) ? "" : " \u00b7 first picture after "
                + Fmt.sig(exp.firstPictureMs() / 1000, 2) + " s") + (Double.isNaN(exp.fullSliceMs()) ? ""
                : " \u00b7 final slice after " + Fmt.sig(exp.fullSliceMs() / 1000, 2) + " s"));
        Dom.attr(status, "data-path", exp.path());
        Dom.attr(status, "data-evals-per-s", Long.toString(Math.round(exp.evaluationsPerSecond())));
        Dom.attr(status, "data-first-ms", Double.toString(exp.firstPictureMs()));
        Dom.attr(status, "data-full-ms", Double.toString(exp.fullSliceMs()));
        Dom.attr(status, "data-done", exp.trainingDone() && !exp.landscapePending() ? "1" : "0");
    }

    @Override
    public void unmount() {
        if (exp != null) exp.release();
        if (gpuSurface != null) gpuSurface.release();
    }
}
