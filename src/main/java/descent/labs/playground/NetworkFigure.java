package descent.labs.playground;

import descent.ui.ColorMap;
import descent.ui.Dom;
import descent.ui.Figure;
import descent.ui.Fmt;
import descent.ui.ImageGrid;
import descent.ui.LabContext;
import descent.ui.NetworkDiagram;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The network: every neuron's picture of the plane, weights as edges, a layer editor (add or remove layers and
 * neurons), an inspector that enlarges a tapped neuron's layer, and the backprop step-through.
 */
final class NetworkFigure {
    private final LabContext ctx;
    private final Figure fig;
    private final NetworkDiagram diagram;
    private final HTMLElement editor;
    private final HTMLElement inspector;
    private final HTMLElement inspectorText;
    private final ImageGrid layerGrid;
    private final BackpropPanel backprop;
    private PlaygroundExperiment ex;
    private int selLayer = -1, selNode = -1;
    private float[][] maps;
    private int mapRes;
    double lastCostMs;

    NetworkFigure(LabContext ctx, HTMLElement parent) {
        this.ctx = ctx;
        fig = new Figure(parent, "network", "Network");
        editor = Dom.el("div.layer-editor");
        fig.body().getParentNode().insertBefore(editor, fig.body());
        diagram = new NetworkDiagram(fig);
        diagram.onNode((l, i, tap) -> {
            if (tap) {
                ctx.post(() -> nodeTapped(l, i));
            }
        });
        diagram.edgeText(this::edgeText);
        inspector = Dom.add(fig.root(), "div.inspector");
        inspector.setHidden(true);
        inspectorText = Dom.add(inspector, "p.inspector-text");
        Figure inner = new Figure(inspector, "layer", "Layer");
        inner.root().getClassList().add("inner");
        layerGrid = new ImageGrid(inner, 84);
        layerGrid.onSelect(i -> ctx.post(() -> select(selLayer, i)));
        backprop = new BackpropPanel(ctx, fig, this);
        fig.exports(() -> diagram.surface().canvas(), this::csv);
        fig.table(diagram::edgeRows);
        fig.caption("Each square shows what that neuron computes over the plane (orange positive, blue negative); "
                + "edges show weights by colour and width; the small square is the bias. Tap a neuron to enlarge "
                + "its layer, an input to switch it on or off.");
    }

    void attach(PlaygroundExperiment ex) {
        this.ex = ex;
        int[] s = ex.sizes();
        int[] shown = s.clone();
        shown[0] = Features.values().length;
        List<String> titles = new ArrayList<>();
        titles.add("input");
        for (int l = 1; l < s.length - 1; l++) {
            titles.add(s.length > 6 ? "h" + l : "hidden " + l);
        }
        titles.add("output");
        List<String> names = new ArrayList<>();
        for (Features f : Features.values()) {
            names.add(f.label);
        }
        diagram.shape(shown, names, titles);
        if (selLayer >= s.length || selLayer >= 0 && selNode >= shown[selLayer]) {
            selLayer = -1;
        }
        buildEditor();
        backprop.attach(ex);
        maps = null;
    }

    // ---- drawing ------------------------------------------------------------------------------------------------

    void render() {
        double t0 = descent.ui.Js.now();
        int[] s = ex.sizes();
        int layers = s.length - 1;
        Features[] on = ex.config.features();
        double scale = 1e-6;
        for (int l = 0; l < layers; l++) {
            for (float w : ex.weights(l)) {
                scale = Math.max(scale, Math.abs(w));
            }
        }
        BackpropTrace trace = backprop.active() ? backprop.trace() : null;
        for (int l = 0; l < layers; l++) {
            float[] w = trace != null && trace.started() ? trace.edgeValues(l) : ex.weights(l);
            float[] shownW = l == 0 ? expandInputs(w, on, s[1]) : w;
            double sc = trace != null && trace.started() ? maxAbs(w) : scale;
            diagram.edges(l, shownW, sc);
            diagram.biases(l + 1, ex.biases(l), scale);
        }
        for (int i = 0; i < Features.values().length; i++) {
            diagram.disabled(0, i, !contains(on, Features.values()[i]));
        }
        int res = diagram.imageSize();
        if (res > 0) {
            mapRes = res;
            maps = ex.probe().neuronMaps(res);
            diagram.images(0, inputMaps(res), res, res, ColorMap.DIVERGING, -1, 1);
            for (int l = 1; l <= layers; l++) {
                boolean prob = l == layers && !ex.regression();
                double m = prob ? 1 : Math.max(1e-6, maxAbs(maps[l]));
                diagram.images(l, maps[l], res, res, ColorMap.DIVERGING, prob ? 0 : -m, m);
            }
        } else {
            for (int l = 0; l <= layers; l++) {
                diagram.noImages(l);
            }
        }
        diagram.clearNodeText();
        diagram.highlightLayer(-1);
        if (trace != null && trace.started()) {
            backprop.label(diagram, on);
        }
        diagram.select(selLayer, selNode);
        diagram.redraw();
        if (selLayer >= 0) {
            renderInspector();
        }
        lastCostMs = descent.ui.Js.now() - t0;
    }

    /** Edges from all seven inputs: rows of switched-off features are zero (drawn faint). */
    private static float[] expandInputs(float[] w, Features[] on, int out) {
        Features[] all = Features.values();
        float[] e = new float[all.length * out];
        for (int i = 0; i < on.length; i++) {
            System.arraycopy(w, i * out, e, on[i].ordinal() * out, out);
        }
        return e;
    }

    private float[] inputMaps(int res) {
        Features[] all = Features.values();
        float[] m = new float[all.length * res * res];
        for (int f = 0; f < all.length; f++) {
            for (int r = 0; r < res; r++) {
                for (int c = 0; c < res; c++) {
                    double v = all[f].value(Probe.coord(c, res), -Probe.coord(r, res));
                    // each feature spread over the colour range: squares are never negative, sines already in [-1, 1]
                    double e = PlaygroundExperiment.EXTENT;
                    m[f * res * res + r * res + c] = (float) switch (all[f]) {
                        case X1, X2 -> v / e;
                        case X1_SQ, X2_SQ -> 2 * v / (e * e) - 1;
                        case X1_X2 -> v / (e * e);
                        default -> v;
                    };
                }
            }
        }
        return m;
    }

    static double maxAbs(float[] v) {
        double m = 1e-9;
        for (float x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static boolean contains(Features[] on, Features f) {
        for (Features x : on) {
            if (x == f) {
                return true;
            }
        }
        return false;
    }

    // ---- taps ----------------------------------------------------------------------------------------------------

    private void nodeTapped(int l, int i) {
        if (l == 0) {
            Features f = Features.values()[i];
            if (ctx.locked(f.knob)) {
                ctx.notice("This link locks the input " + f.label + ".", false);
                return;
            }
            boolean on = ctx.params().bool(f.knob);
            if (on && ex.config.features().length == 1) {
                ctx.notice("A network needs at least one input.", true);
                return;
            }
            ctx.setKnob(f.knob, !on);
            return;
        }
        select(l, i);
    }

    private void select(int l, int i) {
        selLayer = l;
        selNode = i;
        inspector.setHidden(false);
        ctx.requestRender();
    }

    private void renderInspector() {
        if (maps == null || selLayer >= maps.length) {
            inspector.setHidden(true);
            return;
        }
        int[] s = ex.sizes();
        int n = s[selLayer], res = mapRes;
        List<float[]> imgs = new ArrayList<>();
        List<String> caps = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            float[] img = new float[res * res];
            System.arraycopy(maps[selLayer], j * res * res, img, 0, res * res);
            imgs.add(img);
            caps.add((selLayer == s.length - 1 ? "out " : "n") + j);
        }
        boolean prob = selLayer == s.length - 1 && !ex.regression();
        double m = prob ? 1 : Math.max(1e-6, maxAbs(maps[selLayer]));
        layerGrid.set(imgs, res, res, ColorMap.DIVERGING, prob ? 0 : -m, m, caps);
        layerGrid.select(selNode);
        layerGrid.redraw();
        String layerName = selLayer == s.length - 1 ? "output layer" : "hidden layer " + selLayer;
        float bias = ex.biases(selLayer - 1)[selNode];
        Dom.text(inspectorText, layerName + ", neuron " + selNode + ": bias " + Fmt.sig(bias, 3) + ", "
                + s[selLayer - 1] + " incoming weights. " + (prob ? "Shows a probability." : "Colour range \u00b1"
                + Fmt.sig(m, 2) + "."));
    }

    private String edgeText(int l, int i, int j) {
        Features[] on = ex.config.features();
        int from = i;
        if (l == 0) {
            from = -1;
            for (int k = 0; k < on.length; k++) {
                if (on[k].ordinal() == i) {
                    from = k;
                }
            }
            if (from < 0) {
                return Features.values()[i].label + " is off: tap it to use it";
            }
        }
        int out = ex.sizes()[l + 1];
        String name = (l == 0 ? Features.values()[i].label : "h" + l + "." + i) + " \u2192 "
                + (l + 1 == ex.sizes().length - 1 ? "out" : "h" + (l + 1)) + "." + j;
        if (backprop.active() && backprop.trace().started()) {
            return name + "\n" + backprop.edgeText(l, from, j);
        }
        return name + "\nw = " + Fmt.sig(ex.weights(l)[from * out + j], 3);
    }

    // ---- the layer editor -----------------------------------------------------------------------------------------

    private void buildEditor() {
        Dom.clear(editor);
        editor.setHidden(ctx.locked("hidden"));
        int[] hidden = ex.config.hidden();
        HTMLElement all = Dom.add(editor, "div.layer-count");
        Dom.add(all, "span", hidden.length + (hidden.length == 1 ? " layer" : " layers"));
        Dom.button(all, "small", "\u2212", "Remove the last hidden layer", () -> changeLayers(-1))
                .setAttribute("data-action", "remove-layer");
        Dom.button(all, "small", "+", "Add a hidden layer", () -> changeLayers(1))
                .setAttribute("data-action", "add-layer");
        for (int l = 0; l < hidden.length; l++) {
            int layer = l;
            HTMLElement chip = Dom.add(editor, "div.layer-chip");
            Dom.button(chip, "small", "\u2212", "One neuron fewer in hidden layer " + (l + 1),
                    () -> changeWidth(layer, -1));
            Dom.add(chip, "span", Integer.toString(hidden[l]));
            Dom.button(chip, "small", "+", "One neuron more in hidden layer " + (l + 1), () -> changeWidth(layer, 1));
        }
    }

    private void changeLayers(int delta) {
        int[] h = ex.config.hidden();
        if (delta > 0 && h.length >= PlaygroundConfig.MAX_LAYERS || delta < 0 && h.length == 0) {
            return;
        }
        int[] next = java.util.Arrays.copyOf(h, h.length + delta);
        if (delta > 0) {
            next[h.length] = h.length == 0 ? 4 : h[h.length - 1];
        }
        ctx.post(() -> ctx.setKnob("hidden", PlaygroundConfig.formatHidden(next)));
    }

    private void changeWidth(int layer, int delta) {
        int[] h = ex.config.hidden().clone();
        h[layer] = Math.max(1, Math.min(PlaygroundConfig.MAX_WIDTH, h[layer] + delta));
        ctx.post(() -> ctx.setKnob("hidden", PlaygroundConfig.formatHidden(h)));
    }

    String csv() {
        descent.ui.Csv csv = new descent.ui.Csv();
        for (String[] row : diagram.edgeRows()) {
            csv.row((Object[]) row);
        }
        return csv.toString();
    }

    BackpropPanel backprop() {
        return backprop;
    }

    NetworkDiagram diagram() {
        return diagram;
    }

    Figure figure() {
        return fig;
    }
}
