package descent.labs.diagnostics;

import descent.gpu.Backends;
import descent.gpu.MlpStep;
import descent.gpu.Parity;
import descent.gpu.StatsReadback;
import descent.gpu.WebGpuBackend;
import descent.labs.Knob;
import descent.labs.LabSpec;
import descent.labs.Params;
import descent.tensor.Backend;
import descent.ui.Dom;
import descent.ui.LabContext;
import descent.ui.LabView;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A hidden page ({@code #lab=selftest}, not in the gallery) that the end-to-end tests drive.
 * <ul>
 *   <li>{@code mode=parity}: every op and optimizer on both backends with seeded inputs, a table of errors against
 *       tolerances, and {@code data-parity="pass|fail"} on the report;</li>
 *   <li>{@code mode=train}: a small MLP trained step after step on whatever {@link Backends#current()} gives, with
 *       live buffer and byte counts on the page (steady state) and a button that destroys the GPU device (the lab
 *       must carry on on the CPU).</li>
 * </ul>
 */
public final class SelfTestView implements LabView {
    public static final LabSpec SPEC = new LabSpec("selftest", "GPU self-test", "Hidden \u00b7 tests",
            "Kernel parity between the CPU and WebGPU backends, steady-state memory and device-loss recovery.",
            List.of(Knob.choice("mode", "Mode", "parity", List.of("parity", "train")),
                    Knob.integer("seed", "Seed", 1, 0, 1_000_000)),
            List.of());

    private LabContext ctx;
    private HTMLElement report;
    private String mode;
    private MlpStep train;
    private StatsReadback lossReader;
    private Backend be;

    @Override
    public LabSpec spec() {
        return SPEC;
    }

    @Override
    public boolean trains() {
        return true;
    }

    @Override
    public void mount(LabContext ctx) {
        this.ctx = ctx;
        report = Dom.add(ctx.figures(), "section.report.selftest");
    }

    @Override
    public void reset(Params params) {
        Dom.clear(report);
        mode = params.choice("mode");
        train = null;
        if (mode.equals("parity")) {
            parity();
        } else {
            be = Backends.current();
            train = new MlpStep(be, params.integer("seed"), 16, 2, 8, 8, 2);
            lossReader = new StatsReadback(be, 1);
            Dom.add(report, "h2", "Steady-state training on " + be.name());
            HTMLElement lose = Dom.button(report, "lose-device", "Lose the GPU device", "device.destroy()",
                    () -> ctx.post(Backends::loseDeviceForTest));
            lose.setAttribute("data-action", "lose-device");
            Dom.add(report, "p.stats");
        }
    }

    private void parity() {
        WebGpuBackend gpu = Backends.webgpu();
        Dom.add(report, "h2", "Kernel parity: CPU reference against WebGPU");
        if (gpu == null) {
            Dom.add(report, "p.warn", "No WebGPU backend: " + Backends.reason());
            report.setAttribute("data-parity", "skipped");
            return;
        }
        List<Parity.Result> results = Parity.runAll(Backends.cpuBackend(), gpu, false);
        render(report, results, gpu);
    }

    /** A table of results; the report gets {@code data-parity} and each row {@code data-pass}. */
    static void render(HTMLElement parent, List<Parity.Result> results, WebGpuBackend gpu) {
        int failed = 0;
        double worst = 0;
        for (Parity.Result r : results) {
            if (!r.passed()) {
                failed++;
            }
            if (!Double.isNaN(r.error())) {
                worst = Math.max(worst, r.error() / r.tolerance());
            }
        }
        List<String> warnings = gpu.compilerWarnings();
        boolean ok = failed == 0 && warnings.isEmpty();
        parent.setAttribute("data-parity", ok ? "pass" : "fail");
        parent.setAttribute("data-cases", Integer.toString(results.size()));
        parent.setAttribute("data-failed", Integer.toString(failed));
        Dom.add(parent, "p.big" + (ok ? ".ok" : ".warn"), results.size() + " cases, " + failed + " failed; worst "
                + "error at " + Math.round(worst * 1000) / 10.0 + "% of its tolerance; " + warnings.size()
                + " shader compiler warnings.");
        for (String w : warnings) {
            Dom.add(parent, "p.warn.compiler-warning", w);
        }
        HTMLElement table = Dom.add(parent, "table.kv.parity");
        HTMLElement head = Dom.add(Dom.add(table, "thead"), "tr");
        Dom.add(head, "th", "case");
        Dom.add(head, "th", "error");
        Dom.add(head, "th", "tolerance");
        Dom.add(head, "th", "");
        HTMLElement body = Dom.add(table, "tbody");
        for (Parity.Result r : results) {
            HTMLElement tr = Dom.add(body, "tr");
            tr.setAttribute("data-pass", r.passed() ? "1" : "0");
            Dom.add(tr, "td.case", r.name());
            Dom.add(tr, "td", Double.isNaN(r.error()) ? "NaN" : descent.ui.Fmt.sig(r.error(), 3));
            Dom.add(tr, "td", descent.ui.Fmt.sig(r.tolerance(), 2));
            Dom.add(tr, "td", (r.passed() ? "ok" : "FAIL") + (r.note().isEmpty() ? "" : " \u2014 " + r.note()));
        }
    }

    @Override
    public void step() {
        if (train != null) {
            train.step();
        }
    }

    @Override
    public long steps() {
        return train == null ? 0 : train.steps();
    }

    @Override
    public void render() {
        if (train == null) {
            return;
        }
        Backend now = Backends.current();
        float[] loss = lossReader.poll(train.loss.buffer());
        report.setAttribute("data-backend", train.loss.backend.name());
        report.setAttribute("data-live", Integer.toString(train.loss.backend.liveBuffers()));
        report.setAttribute("data-bytes", Long.toString(train.loss.backend.liveBytes()));
        if (loss != null) {
            report.setAttribute("data-loss", Float.toString(loss[0]));
        }
        HTMLElement stats = (HTMLElement) report.querySelector(".stats");
        Dom.text(stats, "step " + train.steps() + " on " + train.loss.backend.name() + " (labs now get "
                + now.name() + "): live buffers " + train.loss.backend.liveBuffers() + ", live bytes "
                + train.loss.backend.liveBytes() + (loss == null ? "" : ", loss " + loss[0]));
    }
}
