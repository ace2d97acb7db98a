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
 * Sampling, one token at a time: the prompt and what was generated so far, the model's next-token distribution
 * before and after the decoding settings (the bars), and where the position being predicted attends in every head.
 */
final class SamplerFigure {
    static final int BARS = 10;

    interface Host {
        void promptTyped(String text);

        void stepToken();

        void finish();

        void restart();
    }

    private final Figure fig, attentionFig;
    private final HTMLInputElement input;
    private final HTMLElement problem, sequence, bars, status;
    private final MatrixView attention;

    SamplerFigure(HTMLElement parent, Host host) {
        fig = new Figure(parent, "sampler", "Sampling, token by token").wide(true);
        HTMLElement form = Dom.add(fig.body(), "div.attn-example");
        HTMLElement label = Dom.add(form, "label", "Prompt");
        label.setAttribute("for", "attn-prompt");
        input = (HTMLInputElement) Dom.add(form, "input.attn-input");
        input.setId("attn-prompt");
        input.setType("text");
        input.setAttribute("maxlength", Integer.toString(AttentionSpec.MAX_TYPED));
        input.setAttribute("spellcheck", "false");
        input.setAttribute("autocomplete", "off");
        Dom.button(form, "", "Start", "Start generating from this prompt", () -> host.promptTyped(input.getValue()));
        Dom.on(input, "change", () -> host.promptTyped(input.getValue()));
        problem = Dom.add(fig.body(), "p.attn-problem");
        problem.setAttribute("role", "status");
        HTMLElement actions = Dom.add(fig.body(), "div.attn-actions");
        Dom.button(actions, "primary", "Next token \u25b8", "Generate exactly one token", host::stepToken)
                .setAttribute("data-action", "sample-step");
        Dom.button(actions, "", "Finish", "Generate until the answer is complete", host::finish)
                .setAttribute("data-action", "sample-finish");
        Dom.button(actions, "", "\u21ba Restart", "Start again from the prompt", host::restart)
                .setAttribute("data-action", "sample-restart");
        sequence = Dom.add(fig.body(), "div.attn-sequence");
        sequence.setAttribute("aria-live", "polite");
        status = Dom.add(fig.body(), "p.attn-status");
        bars = Dom.add(fig.body(), "ol.attn-bars");
        bars.setAttribute("aria-label", "Most likely next tokens");
        fig.caption("The bars are the model's probabilities for the next token: the faint bar is the raw softmax, the "
                + "solid bar what remains after temperature, top-k and top-p (set them in the side panel). Greedy "
                + "always takes the top token; sampling draws from the solid bars with the lab's seed.");
        attentionFig = new Figure(parent, "sampler-attention", "Where the next token looks");
        attention = new MatrixView(attentionFig);
        attention.titles("head", "context");
        attentionFig.exports(() -> attention.surface().canvas(), attention::csv);
        attentionFig.caption("Attention of the last position, whose output predicts the next token, in every head.");
    }

    void showTyped(String prompt) {
        if (!prompt.equals(input.getValue())) input.setValue(prompt);
    }

    void problem(String message) {
        Dom.text(problem, message == null ? "" : message);
    }

    void show(TokenTask task, Generation gen, Sampler.Decoding decoding) {
        fig.root().setAttribute("data-generated", Integer.toString(gen.generated()));
        int[] tokens = gen.tokens();
        Dom.clear(sequence);
        int from = Math.max(0, tokens.length - 120);
        if (from > 0) Dom.add(sequence, "span.attn-chip.more", "\u2026");
        for (int i = from; i < tokens.length; i++) {
            Dom.add(sequence, "span.attn-chip" + (i < gen.promptLength ? ".prompt" : ".generated"),
                    task.symbols[tokens[i]]);
        }
        if (!gen.done()) Dom.add(sequence, "span.attn-chip.next", "?");
        Generation.Preview p = gen.preview();
        Dom.clear(bars);
        if (p == null) return;
        Dom.text(status, gen.done() ? "Done: " + gen.generated() + " tokens generated. Restart to sample again."
                : gen.generated() + " of up to " + gen.limit + " tokens generated. " + describe(decoding));
        int[] order = topTokens(p.raw(), Math.min(BARS, task.vocab));
        for (int v : order) {
            HTMLElement li = Dom.add(bars, "li.attn-bar" + (p.decoded()[v] > 0 ? "" : ".cut"));
            Dom.add(li, "span.attn-bar-token", task.symbols[v]);
            HTMLElement track = Dom.add(li, "span.attn-bar-track");
            HTMLElement raw = Dom.add(track, "span.attn-bar-raw");
            raw.getStyle().setProperty("width", Fmt.fixed(100 * p.raw()[v], 1) + "%");
            HTMLElement kept = Dom.add(track, "span.attn-bar-kept");
            kept.getStyle().setProperty("width", Fmt.fixed(100 * Math.min(1, p.decoded()[v]), 1) + "%");
            Dom.add(li, "span.attn-bar-value", Fmt.fixed(100 * p.raw()[v], 1) + "% \u2192 "
                    + Fmt.fixed(100 * p.decoded()[v], 1) + "%");
        }
        attentionRows(task, p);
    }

    private void attentionRows(TokenTask task, Generation.Preview p) {
        Probe probe = p.probe();
        int from = Math.max(0, probe.t - MapsFigure.DETAIL_MAX), n = probe.t - from;
        int rows = probe.layers * probe.heads;
        float[] m = new float[rows * n];
        List<String> rowLabels = new ArrayList<>(), colLabels = new ArrayList<>();
        for (int l = 0; l < probe.layers; l++) {
            for (int h = 0; h < probe.heads; h++) {
                float[] row = p.attention(l, h);
                int r = l * probe.heads + h;
                for (int k = 0; k < n; k++) m[r * n + k] = row[from + k];
                rowLabels.add("L" + (l + 1) + " H" + (h + 1));
            }
        }
        for (int k = from; k < probe.t; k++) colLabels.add(task.symbols[probe.tokens[k]]);
        attention.set(m, rows, n, rowLabels, colLabels, ColorMap.SEQUENTIAL, 0, 1);
        attention.redraw();
    }

    private static String describe(Sampler.Decoding d) {
        if (d.greedy() || d.temperature() <= 0) return "Greedy: the arg-max every time.";
        return "Sampling at temperature " + Fmt.sig(d.temperature(), 2) + (d.topK() > 0 ? ", top-" + d.topK() : "")
                + (d.topP() < 1 ? ", top-p " + Fmt.sig(d.topP(), 2) : "") + ".";
    }

    /** Ids of the k largest entries, largest first. */
    static int[] topTokens(float[] p, int k) {
        int[] best = new int[k];
        boolean[] taken = new boolean[p.length];
        for (int i = 0; i < k; i++) {
            int b = -1;
            for (int v = 0; v < p.length; v++) if (!taken[v] && (b < 0 || p[v] > p[b])) b = v;
            taken[b] = true;
            best[i] = b;
        }
        return best;
    }

    HTMLElement root() {
        return fig.root();
    }
}
