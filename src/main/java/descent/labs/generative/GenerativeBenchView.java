package descent.labs.generative;

import descent.gpu.Backends;
import descent.gpu.WebGpuBackend;
import descent.labs.LabSpec;
import descent.labs.Params;
import descent.tensor.Backend;
import descent.ui.Dom;
import descent.ui.Fmt;
import descent.ui.Js;
import descent.ui.LabContext;
import descent.ui.LabView;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A hidden page ({@code #lab=generative-bench}) that runs {@link GenerativeBench} in the browser on the path named by
 * {@code data-gen-bench="cpu"} or {@code "webgpu"} on {@code <body>}, and writes the rows into a table and, for the
 * e2e runner, into {@code data-gen-bench-result} as "what=value unit;...". The timed regions end with the device
 * idle on the GPU path.
 */
public final class GenerativeBenchView implements LabView {
    public static final LabSpec SPEC = new LabSpec("generative-bench", "Generative models: speed",
            "Hidden \u00b7 bench runner", "Training and sampling speed of the generative lab's models.", List.of(),
            List.of());

    private HTMLElement report;
    private long done;

    @Override
    public LabSpec spec() {
        return SPEC;
    }

    @Override
    public void mount(LabContext ctx) {
        report = Dom.add(ctx.figures(), "section.report");
        Dom.add(report, "h2", "Generative lab benchmark");
        Dom.add(report, "p", "Set data-gen-bench on <body> to cpu or webgpu to run it.");
    }

    @Override
    public void reset(Params params) {
    }

    @Override
    public void step() {
        String path = Dom.body().getAttribute("data-gen-bench");
        if (path == null || path.isEmpty()) return;
        Dom.body().removeAttribute("data-gen-bench");
        StringBuilder out = new StringBuilder();
        try {
            WebGpuBackend gpu = path.equals("webgpu") ? Backends.webgpu() : null;
            if (path.equals("webgpu") && gpu == null) throw new IllegalStateException("no WebGPU: " + Backends.reason());
            Backend be = gpu != null ? gpu : Backends.cpuBackend();
            Runnable sync = gpu != null ? gpu::finish : () -> { };
            GenerativeBench.Clock clock = Js::now;
            List<GenerativeBench.Row> rows = new java.util.ArrayList<>(GenerativeBench.training(be, clock, 2000, sync));
            rows.addAll(GenerativeBench.sampling(be, clock, sync));
            HTMLElement table = Dom.add(report, "table.kv");
            Dom.add(table, "caption", "Path: " + path);
            for (GenerativeBench.Row r : rows) {
                HTMLElement tr = Dom.add(table, "tr");
                Dom.add(tr, "th", r.what());
                Dom.add(tr, "td", Fmt.sig(r.value(), 3) + " " + r.unit());
                out.append(r.what()).append('=').append(r.value()).append(' ').append(r.unit()).append(';');
            }
        } catch (RuntimeException e) {
            out.append("error=").append(e);
        }
        done++;
        Dom.body().setAttribute("data-gen-bench-result", out.toString());
    }

    @Override
    public long steps() {
        return done;
    }

    @Override
    public void render() {
    }
}
