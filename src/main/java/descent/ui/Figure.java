package descent.ui;

import java.util.List;
import java.util.function.Supplier;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The frame every chart lives in: a {@code <figure>} with a {@code <figcaption>}, a tool row (PNG and CSV export,
 * plus the chart's own buttons) and a data table for screen readers and for reading exact numbers.
 *
 * <pre>{@code
 * Figure fig = new Figure(ctx.figures(), "loss", "Loss");
 * fig.caption("Training and test loss per step.");
 * fig.exports(() -> surface.canvas(), () -> csv.toString());
 * fig.table(() -> rows);        // header row first; built when the reader opens the table
 * HTMLElement body = fig.body(); // put canvases here
 * }</pre>
 */
public final class Figure {
    private final HTMLElement root;
    private final HTMLElement body;
    private final HTMLElement caption;
    private final HTMLElement tools;
    private final String id;
    private final String title;
    private HTMLElement tableBox;
    private HTMLElement tableHolder;
    private Supplier<List<String[]>> table;
    private double tableBuilt = -1e9;

    public Figure(HTMLElement parent, String id, String title) {
        this.id = id;
        this.title = title;
        root = Dom.add(parent, "figure.fig");
        root.setAttribute("data-fig", id);
        HTMLElement head = Dom.add(root, "div.fig-head");
        Dom.add(head, "h2.fig-title", title);
        tools = Dom.add(head, "div.fig-tools");
        body = Dom.add(root, "div.fig-body");
        caption = Dom.add(root, "figcaption");
    }

    public HTMLElement root() {
        return root;
    }

    /** Where canvases and overlays go; positioned, so readouts can be placed absolutely inside. */
    public HTMLElement body() {
        return body;
    }

    public HTMLElement tools() {
        return tools;
    }

    public HTMLElement captionElement() {
        return caption;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Figure caption(String text) {
        Dom.text(caption, text);
        return this;
    }

    /** Spans the whole row of the figure grid. */
    public Figure wide(boolean on) {
        Dom.toggleClass(root, "wide", on);
        return this;
    }

    /** A small button in the tool row. */
    public HTMLElement tool(String label, String title, Runnable action) {
        HTMLElement b = Dom.button(tools, "", label, title, action);
        b.setAttribute("data-tool", slug(label));
        return b;
    }

    /** A toggle button in the tool row; {@code aria-pressed} tracks its state. */
    public HTMLElement toggle(String label, String title, boolean initial, java.util.function.Consumer<Boolean> onChange) {
        HTMLElement b = Dom.button(tools, "toggle", label, title, () -> { });
        b.setAttribute("data-tool", slug(label));
        b.setAttribute("aria-pressed", initial ? "true" : "false");
        Dom.on(b, "click", () -> {
            boolean on = !"true".equals(b.getAttribute("aria-pressed"));
            b.setAttribute("aria-pressed", on ? "true" : "false");
            onChange.accept(on);
        });
        return b;
    }

    /** "✎ Edit points" → "edit-points": a stable hook for tests and styles. */
    static String slug(String label) {
        return label.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** PNG of the chart's canvas (on the panel colour, titled) and CSV of its data. Either supplier may be null. */
    public Figure exports(Supplier<HTMLCanvasElement> png, Supplier<String> csv) {
        if (png != null) {
            tool("PNG", "Download this chart as a PNG image", () -> Export.png(id + ".png", title, png.get()));
        }
        if (csv != null) {
            tool("CSV", "Download this chart's data as CSV", () -> Js.download(id + ".csv", "text/csv", csv.get()));
        }
        return this;
    }

    /**
     * A data-table alternative: rows (header first) shown in a disclosure under the chart. It is built when opened
     * and refreshed by {@link #refreshTable} at most once a second, so a live chart does not rebuild it every frame.
     */
    public Figure table(Supplier<List<String[]>> rows) {
        table = rows;
        tableBox = Dom.add(root, "details.fig-table");
        Dom.add(tableBox, "summary", "Data table");
        tableHolder = Dom.add(tableBox, "div");
        Dom.on(tableBox, "toggle", () -> {
            if (tableBox.hasAttribute("open")) {
                buildTable();
            }
        });
        return this;
    }

    /** Rebuilds the open table if a second has passed since the last build. */
    public void refreshTable() {
        if (tableBox != null && tableBox.hasAttribute("open") && Js.now() - tableBuilt > 1000) {
            buildTable();
        }
    }

    private void buildTable() {
        tableBuilt = Js.now();
        Dom.clear(tableHolder);
        List<String[]> rows = table.get();
        HTMLElement t = Dom.add(tableHolder, "table");
        Dom.add(t, "caption", title);
        if (rows.isEmpty()) {
            return;
        }
        HTMLElement head = Dom.add(Dom.add(t, "thead"), "tr");
        for (String h : rows.get(0)) {
            Dom.add(head, "th", h).setAttribute("scope", "col");
        }
        HTMLElement tb = Dom.add(t, "tbody");
        int limit = Math.min(rows.size(), 501);
        for (int r = 1; r < limit; r++) {
            HTMLElement tr = Dom.add(tb, "tr");
            String[] row = rows.get(r);
            for (int c = 0; c < row.length; c++) {
                Dom.add(tr, c == 0 ? "th" : "td", row[c]).setAttribute(c == 0 ? "scope" : "data-c", c == 0 ? "row"
                        : Integer.toString(c));
            }
        }
        if (rows.size() > limit) {
            Dom.add(tableHolder, "p.hint", "Showing the first " + (limit - 1) + " of " + (rows.size() - 1)
                    + " rows; the CSV export has them all.");
        }
    }
}
