package descent.labs.diagnostics;

import descent.gpu.Gpu;
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
