package descent.labs.diagnostics;

import descent.gpu.Backends;
import descent.gpu.Gpu;
import descent.gpu.Parity;
import descent.gpu.WebGpuBackend;
import descent.tensor.Backend;
import descent.tensor.Buffer;
import descent.labs.LabSpec;
import descent.labs.Params;
import descent.ui.Dom;
import descent.ui.Js;
import descent.ui.LabContext;
import descent.ui.LabView;
import java.util.List;
import java.util.Map;
import org.teavm.jso.dom.html.HTMLElement;

/** What this browser offers: the page a student sends when something does not work. */
public final class DiagnosticsView implements LabView {
    public static final LabSpec SPEC = new LabSpec("diagnostics", "Diagnostics", "Any week \u00b7 when something is off",
            "What your browser offers: WebGPU adapter, limits and features, and a quick self-test.", List.of(),
            List.of());

    private HTMLElement report;
    private LabContext ctx;

    @Override
    public LabSpec spec() {
        return SPEC;
    }

    @Override
    public boolean trains() {
        return false;
    }

    @Override
    public void mount(LabContext ctx) {
        this.ctx = ctx;
        report = Dom.add(ctx.figures(), "section.report");
    }

    @Override
    public void reset(Params params) {
        Dom.clear(report);
        Gpu.Info gpu = Gpu.probe();
        HTMLElement summary = Dom.add(report, "div.summary");
        Dom.add(summary, "h2", "WebGPU");
        Dom.add(summary, "p.big" + (gpu.available() ? ".ok" : ".warn"), gpu.available()
                ? "Available \u2014 labs compute on your GPU where that is faster."
                : "Not available \u2014 labs run on the CPU path. Why: " + gpu.reason() + ".");
        table(report, "Browser", Map.of("User agent", Js.userAgent(), "Pixel ratio (capped)",
                Double.toString(Js.pixelRatio())));
        if (gpu.available()) {
            table(report, "Adapter", Map.of("Vendor", gpu.vendor(), "Architecture", gpu.architecture(),
                    "Description", gpu.description().isEmpty() ? "(not disclosed)" : gpu.description(),
                    "Fallback (software) adapter", gpu.fallback() ? "yes" : "no"));
            HTMLElement f = Dom.add(report, "section");
            Dom.add(f, "h3", "Features (" + gpu.features().size() + ")");
            HTMLElement ul = Dom.add(f, "ul.features");
            for (String feature : gpu.features()) {
                Dom.add(ul, "li", feature);
            }
            java.util.Map<String, String> limits = new java.util.LinkedHashMap<>();
            gpu.limits().forEach((k, v) -> limits.put(k, v == Math.rint(v) ? Long.toString(v.longValue())
                    : Double.toString(v)));
            table(report, "Limits", limits);
        }
        HTMLElement section = Dom.add(report, "section.self-test");
        Dom.add(section, "h3", "Kernel self-test and micro-benchmark");
        Dom.add(section, "p.hint", "Checks a sample of the WebGPU kernels against the CPU reference and measures "
                + "matrix multiply speed on each path. It takes a few seconds (longer on a software adapter).");
        HTMLElement run = Dom.button(section, "", "Run the self-test", null, null);
        run.setAttribute("data-action", "self-test");
        Dom.on(run, "click", () -> ctx.post(() -> {
            run.setHidden(true);
            HTMLElement status = Dom.add(section, "p.status", "Running\u2026");
            ctx.requestRender();
            selfTest(section);
            section.removeChild(status);
        }));
    }

    /** A short version of the parity self-test, and matmul GFLOP/s on each available path. */
    private void selfTest(HTMLElement section) {
        WebGpuBackend gpu = Backends.webgpu();
        if (gpu != null) {
            List<Parity.Result> results = Parity.runAll(Backends.cpuBackend(), gpu, true);
            SelfTestView.render(section, results, gpu);
        } else {
            Dom.add(section, "p", "WebGPU kernels not tested: " + Backends.reason());
        }
        java.util.Map<String, String> rates = new java.util.LinkedHashMap<>();
        rates.put("CPU (WebAssembly), matmul 256\u00b3", gflops(Backends.cpuBackend(), 256) + " GFLOP/s");
        if (gpu != null) {
            rates.put("WebGPU, matmul 256\u00b3", gflops(gpu, 256) + " GFLOP/s");
            rates.put("WebGPU, matmul 512\u00b3", gflops(gpu, 512) + " GFLOP/s");
        }
        table(section, "Matrix multiply speed", rates);
    }

    /** Median-free quick rate: one warm-up, then as many products as fit in ~300 ms, waiting for the device. */
    private static String gflops(Backend be, int n) {
        Buffer a = be.alloc(n * n);
        Buffer b = be.alloc(n * n);
        Buffer c = be.alloc(n * n);
        be.write(a, BenchData.pattern(n * n));
        be.write(b, BenchData.pattern(n * n));
        be.matmul(a, b, c, 1, n, n, n, false, false, 0, 0, false);
        be.read(c);
        int reps = 0;
        double t0 = Js.now();
        double t;
        do {
            be.matmul(a, b, c, 1, n, n, n, false, false, 0, 0, false);
            reps++;
            if (be instanceof WebGpuBackend g) {
                g.finish();
            }
            t = Js.now() - t0;
        } while (t < 300 && reps < 100);
        be.release(a);
        be.release(b);
        be.release(c);
        return descent.ui.Fmt.sig(2.0 * n * n * n * reps / (t * 1e6), 3);
    }

    private static void table(HTMLElement parent, String title, Map<String, String> rows) {
        HTMLElement section = Dom.add(parent, "section");
        Dom.add(section, "h3", title);
        HTMLElement t = Dom.add(section, "table.kv");
        HTMLElement body = Dom.add(t, "tbody");
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(rows).entrySet()) {
            HTMLElement tr = Dom.add(body, "tr");
            Dom.add(tr, "th", e.getKey());
            Dom.add(tr, "td", e.getValue());
        }
    }

    @Override
    public void step() {
    }

    @Override
    public long steps() {
        return 0;
    }

    @Override
    public void render() {
    }
}
