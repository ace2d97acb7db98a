package descent.labs.attention;

import descent.ui.ColorMap;
import descent.ui.Figure;
import descent.ui.Fmt;
import descent.ui.MatrixView;
import descent.ui.Scatter;
import descent.ui.Theme;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * What the weights say, read without running the model: the QK and OV circuits of a one-layer model, how alike the
 * positions are, and the token embeddings on their first two principal components. These change slowly, so the view
 * refreshes them about once a second.
 */
final class InsideFigures {
    /** Circuits show at most this many tokens per side, so cells stay readable. */
    static final int CIRCUIT_MAX = 48;
    /** Position similarity shows at most this many positions (every k-th beyond). */
    static final int POSITIONS_MAX = 40;

    private final Figure qkFig, ovFig, posFig, embFig;
    private final MatrixView qk, ov, positions;
    private final Scatter embeddings;
    private final EmbeddingPca pca = new EmbeddingPca();
    private float[] lastXy = new float[0];
    private String[] lastSymbols = new String[0];

    InsideFigures(HTMLElement parent) {
        qkFig = new Figure(parent, "qk-circuit", "QK circuit");
        qk = new MatrixView(qkFig);
        qk.titles("query token", "key token");
        qkFig.exports(() -> qk.surface().canvas(), qk::csv);
        ovFig = new Figure(parent, "ov-circuit", "OV circuit");
        ov = new MatrixView(ovFig);
        ov.titles("attended token", "output logit");
        ovFig.exports(() -> ov.surface().canvas(), ov::csv);
        posFig = new Figure(parent, "positions", "Position similarity");
        positions = new MatrixView(posFig);
        positions.titles("position", "position");
        posFig.exports(() -> positions.surface().canvas(), positions::csv);
        embFig = new Figure(parent, "embeddings", "Token embeddings (PCA)");
        embeddings = new Scatter(embFig, -1, 1, -1, 1);
        embFig.exports(() -> embeddings.surface().canvas(), this::embeddingCsv);
    }

    void reset(Transformer m) {
        boolean one = m.layers() == 1;
        qkFig.root().setHidden(!one);
        ovFig.root().setHidden(!one);
    }

    void show(Transformer m, TokenTask task, int head) {
        if (m.layers() == 1) circuits(m, task, head);
        positions(m, task);
        embeddings(m, task);
    }

    private void circuits(Transformer m, TokenTask task, int head) {
        int n = Math.min(task.vocab, CIRCUIT_MAX), v = task.vocab;
        float[] q = Circuits.qk(m, head), o = Circuits.ov(m, head);
        float[] qs = crop(q, v, n), os = crop(o, v, n);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) labels.add(task.symbols[i]);
        double qm = maxAbs(qs), om = maxAbs(os);
        qk.set(qs, n, n, labels, labels, ColorMap.DIVERGING, -qm, qm);
        qk.redraw();
        ov.set(os, n, n, labels, labels, ColorMap.DIVERGING, -om, om);
        ov.redraw();
        String more = n < v ? " The first " + n + " of " + v + " tokens are shown." : "";
        qkFig.caption("Head " + (head + 1) + ": how strongly a query token attends to a key token by content alone, "
                + "e\u1d62 W_Q W_K\u1d40 e\u2c7c\u1d40 / \u221aD\u2095 (positions left out). Red is attraction, blue "
                + "avoidance." + more);
        ovFig.caption("Head " + (head + 1) + ": what attending to a token adds to each output logit, "
                + "e\u1d62 W_V W_O W_U (rows centred). A bright diagonal means the head copies the token it reads."
                + more);
    }

    private void positions(Transformer m, TokenTask task) {
        int t = Math.min(task.t, m.context);
        float[] s = Circuits.positionSimilarity(m, t);
        int stride = (t + POSITIONS_MAX - 1) / POSITIONS_MAX, n = (t + stride - 1) / stride;
        float[] shown = new float[n * n];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add(Integer.toString(i * stride));
            for (int j = 0; j < n; j++) shown[i * n + j] = s[i * stride * t + j * stride];
        }
        positions.set(shown, n, n, labels, labels, ColorMap.DIVERGING, -1, 1);
        positions.redraw();
        posFig.caption(m.positions == Transformer.Positions.ROTARY
                ? "Rotary positions add nothing to the tokens; they rotate queries and keys so a score depends on the "
                        + "offset. Shown: the score of a query and key with the same content at two positions, "
                        + "relative to offset 0 (a Toeplitz pattern by construction)."
                : "Cosine similarity of the position vectors added to the tokens ("
                        + (m.positions == Transformer.Positions.LEARNED ? "learned: watch structure appear as it trains"
                                : "sinusoidal: fixed, similar when close") + ").");
    }

    private void embeddings(Transformer m, TokenTask task) {
        int v = task.vocab, c = m.width;
        float[] xy = pca.project(m.tokens.weight.value.toHost(), v, c);
        lastXy = xy;
        lastSymbols = task.symbols;
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (float f : xy) {
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
        }
        double pad = 0.1 * Math.max(1e-6, hi - lo);
        embeddings.extent(lo - pad, hi + pad, lo - pad, hi + pad);
        int[] labels = new int[v];
        embeddings.points(xy, labels, v);
        embeddings.marks().clear();
        int shown = Math.min(v, 120);
        for (int i = 0; i < shown; i++) {
            embeddings.marks().text(xy[2 * i], xy[2 * i + 1], 6, -6, task.symbols[i], Theme.fg());
        }
        embeddings.redraw();
        embFig.caption("Each token's embedding vector projected on the two directions of greatest variance ("
                + Fmt.fixed(100 * pca.explained[0], 0) + "% and " + Fmt.fixed(100 * pca.explained[1], 0)
                + "% of it). Tokens the model treats alike drift together as it trains.");
    }

    private String embeddingCsv() {
        StringBuilder sb = new StringBuilder("token,pc1,pc2\n");
        for (int i = 0; i < lastSymbols.length && 2 * i + 1 < lastXy.length; i++) {
            sb.append('"').append(lastSymbols[i].replace("\"", "\"\"")).append("\",").append(lastXy[2 * i]).append(',')
                    .append(lastXy[2 * i + 1]).append('\n');
        }
        return sb.toString();
    }

    private static float[] crop(float[] m, int v, int n) {
        if (n == v) return m;
        float[] out = new float[n * n];
        for (int i = 0; i < n; i++) System.arraycopy(m, i * v, out, i * n, n);
        return out;
    }

    private static double maxAbs(float[] m) {
        double a = 1e-6;
        for (float f : m) a = Math.max(a, Math.abs(f));
        return a;
    }

}
