package descent.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * An MLP drawn as TensorFlow Playground taught everyone to read it: a column per layer, a small image per neuron of
 * what it computes over the input plane, edges whose width and colour show each weight, a bias square at each
 * neuron's corner. Tap or hover a neuron (listener) or an edge (readout); per-node text shows numbers when asked.
 *
 * <pre>{@code
 * NetworkDiagram net = new NetworkDiagram(fig);
 * net.shape(new int[] {2, 4, 2, 1}, List.of("x₁", "x₂"), List.of("input", "hidden 1", "hidden 2", "output"));
 * net.edges(0, weights0, maxAbs);              // (in, out) row-major, coloured by sign, width by |w| / maxAbs
 * net.biases(1, b1, maxAbs);
 * net.images(1, maps, 16, 16, ColorMap.DIVERGING, -1, 1);  // (nodes, h, w) for layer 1
 * net.onNode((layer, i) -> select(layer, i));
 * net.redraw();
 * }</pre>
 */
public final class NetworkDiagram {
    /** Hears taps (and mouse hovers) on neurons. */
    public interface NodeListener {
        void node(int layer, int index, boolean tap);
    }

    /** Text for a tapped edge: weight, gradient, whatever the lab shows. */
    public interface EdgeText {
        String text(int layer, int from, int to);
    }

    private final Figure fig;
    private final Surface surface;
    private final HTMLElement readout;
    private int[] sizes = {1};
    private NetworkLayout layout;
    private List<String> nodeNames = List.of();
    private List<String> layerTitles = List.of();
    private float[][] edgeValues = new float[0][];
    private double[] edgeScale = new double[0];
    private float[][] biasValues = new float[0][];
    private double[] biasScale = new double[0];
    private HTMLCanvasElement[][] thumbs = new HTMLCanvasElement[0][];
    private boolean[][] shown = new boolean[0][];
    private String[][] nodeText = new String[0][];
    private boolean[][] disabled = new boolean[0][];
    private ColorMap edgeMap = ColorMap.DIVERGING;
    private NodeListener listener = (l, i, t) -> { };
    private EdgeText edgeText;
    private int selLayer = -1, selNode = -1;
    private int hiLayer = -1;
    private float[] seg = new float[0], widths = new float[0];
    private int[] style = new int[0];

    public NetworkDiagram(Figure fig) {
        this.fig = fig;
        surface = new Surface(fig.body(), w -> layoutAt(w).height());
        readout = Dom.add(fig.body(), "div.readout");
        readout.setHidden(true);
        surface.onResize(this::redraw);
        Pointer.attach(surface.canvas(), new Pointer.Handler() {
            @Override
            public void hover(double x, double y) {
                pointAt(x, y, false);
            }

            @Override
            public void tap(double x, double y, boolean touch) {
                pointAt(x, y, true);
            }

            @Override
            public void leave() {
                readout.setHidden(true);
            }
        });
    }

    private static double maxHeight(double w) {
        return Math.max(360, Math.min(620, w * 1.1));
    }

    /** Declares the layers (input first, output last), node names for the input column, and column titles. */
    public void shape(int[] sizes, List<String> inputNames, List<String> titles) {
        boolean same = Arrays.equals(sizes, this.sizes);
        this.nodeNames = inputNames;
        this.layerTitles = titles;
        if (same) {
            return;
        }
        this.sizes = sizes.clone();
        int n = sizes.length;
        edgeValues = new float[n - 1][];
        edgeScale = new double[n - 1];
        biasValues = new float[n][];
        biasScale = new double[n];
        thumbs = new HTMLCanvasElement[n][];
        shown = new boolean[n][];
        nodeText = new String[n][];
        disabled = new boolean[n][];
        for (int l = 0; l < n; l++) {
            thumbs[l] = new HTMLCanvasElement[sizes[l]];
            shown[l] = new boolean[sizes[l]];
            nodeText[l] = new String[sizes[l]];
            disabled[l] = new boolean[sizes[l]];
        }
        selLayer = -1;
        surface.shape(w -> layoutAt(w).height());
    }

    /** Weights from layer {@code l} to {@code l + 1}, (in, out) row-major; |v| = scale draws the widest edge. */
    public void edges(int l, float[] v, double scale) {
        edgeValues[l] = v;
        edgeScale[l] = scale <= 0 ? 1 : scale;
    }

    /** Bias of each node of layer {@code l}; drawn as a small square at the node's lower left. */
    public void biases(int l, float[] b, double scale) {
        biasValues[l] = b;
        biasScale[l] = scale <= 0 ? 1 : scale;
    }

    /** What each node of layer {@code l} computes, as (nodes, h, w) values mapped through {@code map}. */
    public void images(int l, float[] maps, int w, int h, ColorMap map, double lo, double hi) {
        int[] px = new int[w * h];
        double span = hi - lo == 0 ? 1 : hi - lo;
        for (int i = 0; i < sizes[l]; i++) {
            HTMLCanvasElement c = thumbs[l][i];
            if (c == null || c.getWidth() != w || c.getHeight() != h) {
                c = Canvas.create(w, h);
                thumbs[l][i] = c;
            }
            int off = i * w * h;
            for (int p = 0; p < w * h; p++) {
                px[p] = map.abgr((maps[off + p] - lo) / span);
            }
            Canvas.putPixels(c, px, w, h);
            shown[l][i] = true;
        }
    }

    /** Hides the images of layer {@code l} (nodes are then drawn as plain squares). */
    public void noImages(int l) {
        Arrays.fill(shown[l], false);
    }

    /** Short text drawn beside a node (a value in the backprop view); null clears it. */
    public void nodeText(int l, int i, String text) {
        nodeText[l][i] = text;
    }

    public void clearNodeText() {
        for (String[] t : nodeText) {
            Arrays.fill(t, null);
        }
    }

    /** Fades a node (an unused input feature). */
    public void disabled(int l, int i, boolean off) {
        disabled[l][i] = off;
    }

    /** Colours edges by this map (the diverging map by default). */
    public void edgeMap(ColorMap m) {
        edgeMap = m;
    }

    /** Emphasises one column (the layer a backprop phase is working on); -1 for none. */
    public void highlightLayer(int l) {
        hiLayer = l;
    }

    public void onNode(NodeListener l) {
        listener = l;
    }

    public void edgeText(EdgeText t) {
        edgeText = t;
    }

    public void select(int layer, int node) {
        selLayer = layer;
        selNode = node;
    }

    /** Thumbnail resolution worth computing at the current size: 0 when nodes are too small to show images. */
    public int imageSize() {
        double s = layout == null ? layoutAt(surface.width()).node() : layout.node();
        return s < 14 ? 0 : s < 26 ? 12 : s < 38 ? 16 : 20;
    }

    public Surface surface() {
        return surface;
    }

    public NetworkLayout layout() {
        return layout;
    }

    /**
     * The layout at a width: the canvas's height and the drawing must come from the same one, or nodes fall off the
     * bottom (a 40 px gutter for input names narrows the columns, and so shrinks the nodes, only when there are names).
     */
    private NetworkLayout layoutAt(double w) {
        return NetworkLayout.of(sizes, w, maxHeight(w), nodeNames.isEmpty() ? 0 : 40);
    }

    public void redraw() {
        CanvasRenderingContext2D g = surface.begin();
        layout = layoutAt(surface.width());
        drawEdges(g);
        double s = layout.node();
        for (int l = 0; l < sizes.length; l++) {
            g.setFont(Theme.boldFont(11));
            g.setTextAlign("center");
            g.setTextBaseline("top");
            g.setFillStyle(l == hiLayer ? Theme.accent() : Theme.muted());
            String title = l < layerTitles.size() ? layerTitles.get(l) : "";
            g.fillText(title, layout.x(l), 6, layout.columnWidth() - 4);
            for (int i = 0; i < sizes[l]; i++) {
                drawNode(g, l, i, layout.x(l) - s / 2, layout.y(l, i) - s / 2, s);
            }
        }
        if (selLayer >= 0 && selLayer < sizes.length && selNode < sizes[selLayer]) {
            g.setStrokeStyle(Theme.accent());
            g.setLineWidth(3);
            g.strokeRect(layout.x(selLayer) - s / 2 - 3, layout.y(selLayer, selNode) - s / 2 - 3, s + 6, s + 6);
        }
    }

    private void drawEdges(CanvasRenderingContext2D g) {
        int total = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            total += sizes[l] * sizes[l + 1];
        }
        if (seg.length < 4 * total) {
            seg = new float[4 * total];
            widths = new float[total];
            style = new int[total];
        }
        // with thousands of edges, thin translucent lines keep the picture from turning into a solid block
        double maxW = total > 2000 ? 1.6 : total > 400 ? 2.6 : 4.5;
        String[] colours = new String[11];
        for (int k = 0; k < 11; k++) {
            int rgb = edgeMap.rgb(k / 10.0);
            colours[k] = ColorMap.rgba(rgb, total > 2000 ? 0.55 : 0.85);
        }
        int n = 0;
        double half = layout.node() / 2;
        for (int l = 0; l + 1 < sizes.length; l++) {
            float[] w = edgeValues[l];
            int in = sizes[l], out = sizes[l + 1];
            for (int i = 0; i < in; i++) {
                boolean off = disabled[l][i];
                for (int j = 0; j < out; j++) {
                    double v = w == null ? 0 : w[i * out + j];
                    double t = Math.max(-1, Math.min(1, v / edgeScale[l]));
                    seg[4 * n] = (float) (layout.x(l) + half);
                    seg[4 * n + 1] = (float) layout.y(l, i);
                    seg[4 * n + 2] = (float) (layout.x(l + 1) - half);
                    seg[4 * n + 3] = (float) layout.y(l + 1, j);
                    widths[n] = off ? 0.5f : (float) (0.4 + maxW * Math.abs(t));
                    style[n] = (int) Math.round((t + 1) * 5);
                    n++;
                }
            }
        }
        Canvas.segments(g, seg, widths, style, colours, n);
    }

    private void drawNode(CanvasRenderingContext2D g, int l, int i, double x, double y, double s) {
        g.setGlobalAlpha(disabled[l][i] ? 0.3 : 1);
        if (shown[l][i] && thumbs[l][i] != null && s >= 14) {
            Canvas.smoothing(g, true);
            g.drawImage(thumbs[l][i], x, y, s, s);
        } else {
            g.setFillStyle(Theme.panel());
            g.fillRect(x, y, s, s);
        }
        g.setStrokeStyle(Theme.dark() ? "rgba(255,255,255,0.35)" : "rgba(23,32,47,0.45)");
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, y + 0.5, s - 1, s - 1);
        float[] b = biasValues[l];
        if (b != null && s >= 10) {
            double bs = Math.max(4, s * 0.22);
            g.setFillStyle(edgeMap.css(0.5 + 0.5 * Math.max(-1, Math.min(1, b[i] / biasScale[l]))));
            g.fillRect(x - bs * 0.5, y + s - bs * 0.5, bs, bs);
            g.setStrokeStyle(Theme.fg());
            g.strokeRect(x - bs * 0.5, y + s - bs * 0.5, bs, bs);
        }
        g.setGlobalAlpha(1);
        if (l == 0 && i < nodeNames.size()) {
            g.setFillStyle(disabled[l][i] ? Theme.muted() : Theme.fg());
            g.setFont(Theme.font(s < 20 ? 10 : 12));
            g.setTextAlign("right");
            g.setTextBaseline("middle");
            g.fillText(nodeNames.get(i), x - 4, y + s / 2);
        }
        String t = nodeText[l][i];
        if (t != null) {
            g.setFont(Theme.boldFont(11));
            g.setTextAlign("center");
            g.setTextBaseline("top");
            double tw = g.measureText(t).getWidth();
            g.setFillStyle(Theme.dark() ? "rgba(15,20,32,0.85)" : "rgba(255,255,255,0.9)");
            g.fillRect(x + s / 2 - tw / 2 - 2, y + s + 1, tw + 4, 14);
            g.setFillStyle(Theme.fg());
            g.fillText(t, x + s / 2, y + s + 2);
        }
    }

    private void pointAt(double x, double y, boolean tap) {
        if (layout == null) {
            return;
        }
        int[] hit = layout.nodeAt(x, y);
        if (hit != null) {
            readout.setHidden(true);
            listener.node(hit[0], hit[1], tap);
            return;
        }
        int[] e = edgeAt(x, y);
        if (e != null && edgeText != null) {
            Dom.text(readout, edgeText.text(e[0], e[1], e[2]));
            readout.setHidden(false);
            readout.getStyle().setProperty("left", Math.max(0, Math.min(x + 12, surface.width()
                    - readout.getOffsetWidth())) + "px");
            readout.getStyle().setProperty("top", Math.max(0, y - 34) + "px");
        } else {
            readout.setHidden(true);
        }
    }

    /** The edge nearest (x, y) within a few pixels, as {layer, from, to}. */
    private int[] edgeAt(double x, double y) {
        double best = 7 * 7;
        int[] hit = null;
        double half = layout.node() / 2;
        for (int l = 0; l + 1 < sizes.length; l++) {
            double ax = layout.x(l) + half, bx = layout.x(l + 1) - half;
            if (x < ax - 4 || x > bx + 4) {
                continue;
            }
            for (int i = 0; i < sizes[l]; i++) {
                for (int j = 0; j < sizes[l + 1]; j++) {
                    double d = segmentDistance2(x, y, ax, layout.y(l, i), bx, layout.y(l + 1, j));
                    if (d < best) {
                        best = d;
                        hit = new int[] {l, i, j};
                    }
                }
            }
        }
        return hit;
    }

    static double segmentDistance2(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay;
        double t = ((px - ax) * dx + (py - ay) * dy) / Math.max(1e-9, dx * dx + dy * dy);
        t = Math.max(0, Math.min(1, t));
        double ex = ax + t * dx - px, ey = ay + t * dy - py;
        return ex * ex + ey * ey;
    }

    public Figure figure() {
        return fig;
    }

    /** Edge list as table rows (layer, from, to, value), for the figure's data table and CSV. */
    public List<String[]> edgeRows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"layer", "from", "to", "weight"});
        for (int l = 0; l + 1 < sizes.length; l++) {
            float[] w = edgeValues[l];
            if (w == null) {
                continue;
            }
            for (int i = 0; i < sizes[l]; i++) {
                for (int j = 0; j < sizes[l + 1]; j++) {
                    rows.add(new String[] {Integer.toString(l + 1), Integer.toString(i), Integer.toString(j),
                        Fmt.sig(w[i * sizes[l + 1] + j], 4)});
                }
            }
        }
        return rows;
    }
}
