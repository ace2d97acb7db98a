package descent.labs.attention;

import descent.ui.ColorMap;
import descent.ui.Dom;
import descent.ui.Figure;
import descent.ui.Fmt;
import descent.ui.MatrixView;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * The attention maps: an editable example, its tokens as buttons (tap one to outline its row in every head), the
 * grid of all heads, and the selected head in detail with labelled rows and columns and the model's prediction at
 * each position.
 */
final class MapsFigure {
    /** The detailed map shows at most this many positions, so its cells stay readable on a phone. */
    static final int DETAIL_MAX = 40;

    interface Host {
        /** The student typed an example (already trimmed); the view validates it and sets the knob. */
        void exampleTyped(String text);

        void selectionChanged();
    }

    private final Host host;
    private final Figure grid, detail;
    private final HTMLInputElement input;
    private final HTMLElement problem, hint, tokens, predictions;
    private final HeadGrid heads;
    private final MatrixView matrix;
    private Probe probe;
    private TokenTask task, shownTask;
    private int[] shown = new int[0];
    int layer, head, query = -1;

    MapsFigure(HTMLElement parent, Host host) {
        this.host = host;
        grid = new Figure(parent, "attention-maps", "Attention maps").wide(true);
        HTMLElement form = Dom.add(grid.body(), "div.attn-example");
        HTMLElement label = Dom.add(form, "label", "Example");
        label.setAttribute("for", "attn-example");
        input = (HTMLInputElement) Dom.add(form, "input.attn-input");
        input.setId("attn-example");
        input.setType("text");
        input.setAttribute("maxlength", Integer.toString(AttentionSpec.MAX_TYPED));
        input.setAttribute("spellcheck", "false");
        input.setAttribute("autocomplete", "off");
        input.setAttribute("enterkeyhint", "go");
        Dom.button(form, "", "Show", "Show the attention maps for this example", () -> host.exampleTyped(input.getValue()
                .trim()));
        Dom.button(form, "", "Test example", "Go back to an example from the test set", () -> host.exampleTyped(""));
        Dom.on(input, "change", () -> host.exampleTyped(input.getValue().trim()));
        hint = Dom.add(grid.body(), "p.attn-hint");
        problem = Dom.add(grid.body(), "p.attn-problem");
        problem.setAttribute("role", "status");
        tokens = Dom.add(grid.body(), "div.attn-tokens");
        tokens.setAttribute("aria-label", "Tokens of the example: tap one to outline where it looks");
        predictions = Dom.add(grid.body(), "p.attn-predictions");
        heads = new HeadGrid(grid.body(), (l, h, q) -> {
            layer = l;
            head = h;
            if (q >= 0) query = q == query ? -1 : q;
            host.selectionChanged();
        });
        grid.exports(() -> heads.surface().canvas(), this::csv);
        grid.caption("Each square is one head: row t shows how much the token at position t attends to each earlier "
                + "token (brighter is more; the pale triangle is the causal mask). The number is the head's mean "
                + "entropy: near 0 bits it looks at one place, high it spreads out. Tap a token or a row to outline "
                + "it in every head; tap a head to see it in detail.");
        detail = new Figure(parent, "attention-detail", "Head in detail");
        matrix = new MatrixView(detail);
        matrix.titles("query (reads)", "key (is read)");
        detail.exports(() -> matrix.surface().canvas(), matrix::csv);
    }

    void reset(TokenTask task) {
        this.task = task;
        Dom.text(hint, task.inputHint());
        layer = 0;
        head = 0;
        query = -1;
    }

    void showTyped(String text) {
        if (!text.equals(input.getValue())) input.setValue(text);
    }

    void problem(String message) {
        Dom.text(problem, message == null ? "" : message);
    }

    void show(Probe p) {
        probe = p;
        if (layer >= p.layers || head >= p.heads) {
            layer = 0;
            head = 0;
        }
        if (query >= p.t) query = -1;
        tokenButtons();
        heads.set(p, layer, head, query);
        detailMatrix();
    }

    /** Rebuilt only when the tokens change: replacing a button under a finger would swallow the tap. */
    private void tokenButtons() {
        if (!java.util.Arrays.equals(shown, probe.tokens) || shownTask != task) {
            shown = probe.tokens.clone();
            shownTask = task;
            Dom.clear(tokens);
            for (int i = 0; i < probe.t; i++) {
                int q = i;
                Dom.button(tokens, "attn-token", task.symbols[probe.tokens[i]], "Token " + i + ": "
                        + task.symbols[probe.tokens[i]], () -> {
                            query = query == q ? -1 : q;
                            host.selectionChanged();
                        });
            }
        }
        for (int i = 0; i < probe.t; i++) {
            HTMLElement b = (HTMLElement) tokens.getChildren().item(i);
            Dom.toggleClass(b, "selected", i == query);
            b.setAttribute("aria-pressed", i == query ? "true" : "false");
        }
        if (query >= 0) {
            int next = probe.predicted(query);
            Dom.text(predictions, "After \u201c" + task.symbols[probe.tokens[query]] + "\u201d (position " + query
                    + ") the model predicts \u201c" + task.symbols[next] + "\u201d with "
                    + Fmt.fixed(100 * probe.prob(query, next), 0) + "%.");
        } else {
            Dom.text(predictions, "");
        }
    }

    private void detailMatrix() {
        int from = Math.max(0, probe.t - DETAIL_MAX), n = probe.t - from;
        float[] m = new float[n * n];
        List<String> rows = new ArrayList<>(), cols = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            for (int k = 0; k <= q; k++) m[q * n + k] = probe.weight(layer, head, from + q, from + k);
            String s = task.symbols[probe.tokens[from + q]];
            rows.add((from + q) + " " + s);
            cols.add(s);
        }
        matrix.set(m, n, n, rows, cols, ColorMap.SEQUENTIAL, 0, 1);
        matrix.redraw();
        String window = from > 0 ? " The last " + n + " of " + probe.t + " positions are shown." : "";
        Dom.text(detail.captionElement(), "Layer " + (layer + 1) + ", head " + (head + 1) + ": entropy "
                + Fmt.fixed(probe.entropy(layer, head), 2) + " bits. Row = the token reading, column = the token read;"
                + " each row sums to 1." + window);
    }

    private String csv() {
        StringBuilder sb = new StringBuilder("layer,head,query,key,weight\n");
        if (probe == null) return sb.toString();
        for (int l = 0; l < probe.layers; l++) {
            for (int h = 0; h < probe.heads; h++) {
                for (int q = 0; q < probe.t; q++) {
                    for (int k = 0; k <= q; k++) {
                        sb.append(l + 1).append(',').append(h + 1).append(',').append(q).append(',').append(k)
                                .append(',').append(probe.weight(l, h, q, k)).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    HTMLElement root() {
        return grid.root();
    }
}
