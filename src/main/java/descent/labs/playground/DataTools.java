package descent.labs.playground;

import descent.ui.Dom;
import descent.ui.Js;
import descent.ui.LabContext;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLTextAreaElement;

/**
 * The side panel's data tools: regenerate, import a CSV (file or paste), export the points as CSV. A bad file is
 * refused whole with its problems listed by line, and the current data stays.
 */
final class DataTools {
    private final LabContext ctx;
    private final HTMLElement box;
    private final HTMLElement regenerate;
    private final HTMLElement problems;
    private final HTMLTextAreaElement paste;
    private PlaygroundExperiment ex;

    DataTools(LabContext ctx, BoundaryFigure boundary) {
        this.ctx = ctx;
        box = Dom.add(ctx.tools(), "section.data-tools");
        Dom.add(box, "h2", "Data");
        HTMLElement row = Dom.add(box, "div.tool-row");
        regenerate = Dom.button(row, "", "\u21bb Regenerate", "Draw new points from the same distribution",
                () -> ctx.post(() -> ctx.setKnob("dseed", (ctx.params().integer("dseed") + 1) % 1_000_000)));
        regenerate.setAttribute("data-action", "regenerate");
        Dom.button(row, "", "Export CSV", "Download the points as x,y,label", () -> Js.download("playground-data.csv",
                "text/csv", boundary.csv())).setAttribute("data-action", "export-csv");
        HTMLElement fileLabel = Dom.add(row, "label.file-button", "Import CSV\u2026");
        HTMLInputElement file = (HTMLInputElement) Dom.add(fileLabel, "input.visually-hidden");
        file.setType("file");
        file.setAttribute("accept", ".csv,text/csv,text/plain");
        file.setAttribute("data-action", "import-file");
        Dom.on(file, "change", () -> readFirst(file, text -> ctx.post(() -> importText(text)),
                () -> ctx.post(this::tooLarge)));
        HTMLElement details = Dom.add(box, "details.paste");
        Dom.add(details, "summary", "Paste CSV");
        paste = (HTMLTextAreaElement) Dom.add(details, "textarea.paste-box");
        paste.setAttribute("rows", "5");
        paste.setAttribute("spellcheck", "false");
        paste.setAttribute("placeholder", "x,y,label\n0.5,-0.2,1\n-0.4,0.3,0");
        paste.setAttribute("aria-label", "CSV text: one point per line, x,y,label");
        Dom.button(details, "", "Import", "Import the pasted points", () -> ctx.post(() -> importText(paste.getValue())))
                .setAttribute("data-action", "import-paste");
        problems = Dom.add(box, "div.import-problems");
        problems.setAttribute("role", "alert");
        problems.setHidden(true);
        Dom.add(box, "p.hint", "One point per line: x,y,label. Labels are classes 0\u20135 (or \u22121/1); real "
                + "labels make a regression set. Up to " + PlaygroundSpec.MAX_CUSTOM_POINTS + " points.");
    }

    void attach(PlaygroundExperiment ex) {
        this.ex = ex;
        boolean custom = ex.config.data().equals("custom");
        regenerate.setHidden(custom || ctx.locked("dseed") || ctx.locked("data"));
        box.setHidden(ctx.locked("data") && ctx.locked("pts"));
    }

    private void importText(String text) {
        PointsCsv.Result r = PointsCsv.parse(text, ex != null && ex.regression());
        showProblems(r);
        if (!r.ok()) {
            return;
        }
        paste.setValue("");
        ctx.setKnob("pts", PointCodec.encode(r.points()));
        ctx.setKnob("data", "custom");
        ctx.notice("Imported " + r.points().size() + " points" + (r.notes().isEmpty() ? "." : ". "
                + String.join(" ", r.notes())), false);
    }

    private void tooLarge() {
        showProblems(new PointsCsv.Result(null, java.util.List.of("The file is larger than 1 MB; a CSV of "
                + PlaygroundSpec.MAX_CUSTOM_POINTS + " points is far smaller."), java.util.List.of()));
    }

    private void showProblems(PointsCsv.Result r) {
        Dom.clear(problems);
        if (!r.ok()) {
            problems.setHidden(false);
            Dom.add(problems, "strong", "Nothing was imported; your current points are unchanged.");
            HTMLElement ul = Dom.add(problems, "ul");
            for (String p : r.problems()) {
                Dom.add(ul, "li", p);
            }
            return;
        }
        problems.setHidden(true);
    }

    /** Reads the chosen file as text (at most 1 MB); the input is cleared so the same file can be chosen again. */
    @JSBody(params = {"input", "done", "big"}, script = "var f = input.files && input.files[0]; if (!f) return;"
            + "input.value = ''; if (f.size > 1000000) { big(); return; }"
            + "f.text().then(function (t) { done(t); }, function () { done(''); });")
    private static native void readFirst(JSObject input, Js.StringCallback done, Js.Callback big);
}
