package descent.labs.mupmuon;

import descent.gpu.Backends;
import descent.labs.Params;
import descent.ui.ColorMap;
import descent.ui.Dom;
import descent.ui.Figure;
import descent.ui.Fmt;
import descent.ui.Js;
import descent.ui.LabContext;
import descent.ui.LineChart;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The width sweep: final training loss against learning rate, one curve per width, standard and muP side by side,
 * and the best learning rate of every width on one chart, where standard's slides and muP's stays. Curves fill in
 * as runs finish; the status line says what is training and how long the sweep has taken.
 */
final class SweepView implements MupMuonView.Section {
    /**
     * A unit's arithmetic: ~10 ms of the CPU path's wasm; on a GPU a whole ensemble step at the default sizes; on a
     * software adapter, which runs a unit on the CPU inside the GPU process and cannot present frames meanwhile, a
     * quarter of a second (measured: the worst frame gap fell from 1.1-1.5 s to 0.8 s, the sweep took as long).
     */
    private static final double CPU_UNIT = 12e6, GPU_UNIT = 4e9, SOFTWARE_GPU_UNIT = 3e8;
    private final LabContext ctx;
    private final HTMLElement root, status, progress, spSlot, muSlot, bestSlot;
    private LineChart sp, mu, best;
    private final GpuPace pace = new GpuPace(2);
    private WidthSweepExperiment sweep;
    private Params built;
    private int finishedShown = -1;
    private double started, finishedMs = -1;
    private String path = "cpu";

    SweepView(LabContext ctx, HTMLElement parent) {
        this.ctx = ctx;
        root = Dom.add(parent, "section.mm-section.mm-sweep");
        HTMLElement bar = Dom.add(root, "div.mm-status");
        progress = Dom.add(bar, "progress.mm-progress");
        progress.setAttribute("max", "1");
        status = Dom.add(bar, "p.mm-status-text");
        status.setAttribute("aria-live", "polite");
        // the charts' series are the sweep's widths, so each sweep builds its figures afresh in these slots
        spSlot = Dom.add(root, "div.mm-slot");
        muSlot = Dom.add(root, "div.mm-slot");
        bestSlot = Dom.add(root, "div.mm-slot");
    }

    @Override
    public HTMLElement root() {
        return root;
    }

    @Override
    public void reset(Params p, boolean force) {
        if (!force && !MupMuonSpec.changed(built, p, "sweep")) return;
        built = p.copy();
        if (sweep != null) sweep.release();
        // ask the backends, not the shell: on the lab's first build the shell learns the path only after reset
        descent.tensor.Backend be = Backends.current();
        path = Backends.name();
        boolean gpu = path.equals("webgpu");
        boolean software = gpu && Backends.webgpu() != null && Backends.webgpu().device().softwareAdapter();
        double unit = !gpu ? CPU_UNIT : software ? SOFTWARE_GPU_UNIT : GPU_UNIT;
        sweep = new WidthSweepExperiment(be, MupMuonSpec.sweepConfig(p), unit, gpu ? 1L << 24 : 1L << 26);
        buildCharts();
        finishedShown = -1;
        finishedMs = -1;
        started = Js.now();
        root.removeAttribute("data-sweep-ms");
        ctx.requestRender();
    }

    private void buildCharts() {
        int[] widths = sweep.config.widths();
        List<LineChart.Series> perWidth = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            perWidth.add(new LineChart.Series("w " + widths[i], ColorMap.SEQUENTIAL.rgb(0.12 + 0.72 * i
                    / Math.max(1, widths.length - 1)), false));
        }
        String opt = sweep.config.adam() ? "Adam" : "SGD with momentum";
        for (HTMLElement slot : new HTMLElement[] {spSlot, muSlot, bestSlot}) Dom.clear(slot);
        Figure spFig = new Figure(spSlot, "sweep-sp", "Standard parametrisation");
        Figure muFig = new Figure(muSlot, "sweep-mup", "muP");
        Figure bestFig = new Figure(bestSlot, "sweep-best", "Best learning rate against width").wide(true);
        sp = new LineChart(spFig, "log\u2082 learning rate", perWidth).logY(true).wholeX(true);
        spFig.caption("Mean training loss over the last tenth of " + sweep.config.steps() + " steps of " + opt
                + ", per learning rate, one curve per width (log scale). All layers share one rate. Gaps: "
                + "diverged.");
        spFig.exports(sp::canvas, sp::csv);
        mu = new LineChart(muFig, "log\u2082 learning rate", perWidth).logY(true).wholeX(true);
        muFig.caption("The same networks in muP (Tensor Programs V, Table 3), base width " + sweep.config.baseWidth()
                + ": the output layer starts near zero and hidden and output rates shrink as 1/width.");
        muFig.exports(mu::canvas, mu::csv);
        best = new LineChart(bestFig, "log\u2082 width", List.of(
                new LineChart.Series("standard", ColorMap.classRgb(1), false),
                new LineChart.Series("muP", ColorMap.classRgb(0), false))).logY(true).wholeX(true);
        bestFig.caption("The best learning rate per width: the vertex of a parabola through the lowest point and "
                + "its neighbours (log scale). Flat means the rate transfers: tune it on a narrow net, train the "
                + "wide one.");
        bestFig.exports(best::canvas, best::csv);
    }

    @Override
    public void update(Params p) {
    }

    @Override
    public void step() {
        if (sweep.done()) {
            ctx.pause();
            return;
        }
        sweep.step();
        pace.unitDone(path);
        if (sweep.done()) {
            finishedMs = Js.now() - started;
            root.setAttribute("data-sweep-ms", Long.toString(Math.round(finishedMs)));
        }
    }

    @Override
    public long steps() {
        return sweep.unitsDone();
    }

    @Override
    public void render() {
        int finished = countFinished();
        if (finished != finishedShown) {
            finishedShown = finished;
            fill();
        }
        progress.setAttribute("value", Double.toString(sweep.progress()));
        Dom.text(status, statusText());
        sp.redraw();
        mu.redraw();
        best.redraw();
    }

    private int countFinished() {
        int n = 0;
        for (double[][] pz : sweep.results) for (double[] w : pz) for (double v : w) if (!Double.isNaN(v)) n++;
        return n;
    }

    private void fill() {
        double[] lrs = sweep.config.lrs();
        int[] widths = sweep.config.widths();
        sp.clear();
        mu.clear();
        for (int i = 0; i < lrs.length; i++) {
            double[] s = new double[widths.length], m = new double[widths.length];
            for (int w = 0; w < widths.length; w++) {
                s[w] = sweep.results[0][w][i];
                m[w] = sweep.results[1][w][i];
            }
            double x = Math.log(lrs[i]) / Math.log(2);
            sp.append(x, s);
            mu.append(x, m);
        }
        best.clear();
        for (int w = 0; w < widths.length; w++) {
            if (!sweep.finished(false, w) || !sweep.finished(true, w)) continue;
            best.append(Math.log(widths[w]) / Math.log(2), sweep.bestLrFit(false, w), sweep.bestLrFit(true, w));
        }
    }

    private String statusText() {
        String where = path.equals("webgpu") ? "on the GPU" : "on the CPU";
        if (sweep.done()) {
            return "Done: " + sweep.groups() + " ensembles, " + 2 * sweep.config.lrs().length
                    * sweep.config.widths().length + " runs, " + Fmt.sig(sweep.flopsTotal() / 1e9, 3) + " GFLOP in "
                    + seconds(finishedMs) + " " + where + ".";
        }
        int w = sweep.currentWidth();
        String now = w < 0 ? "Starting" : "Training width " + w;
        return now + " \u00b7 " + Math.round(100 * sweep.progress()) + "% of " + Fmt.sig(sweep.flopsTotal() / 1e9, 3)
                + " GFLOP \u00b7 " + seconds(Js.now() - started) + " " + where;
    }

    private static String seconds(double ms) {
        long s = Math.round(ms / 1000);
        return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
    }

    @Override
    public void release() {
        if (sweep != null) sweep.release();
        sweep = null;
    }
}
