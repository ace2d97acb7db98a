package descent.labs.attention;

import descent.ui.Canvas;
import descent.ui.ColorMap;
import descent.ui.Fmt;
import descent.ui.Pointer;
import descent.ui.Surface;
import descent.ui.Theme;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Every head's attention map at once, as small multiples: a row of maps per layer, each map query (down) by key
 * (across), white where the causal mask forbids looking. The selected query's row is outlined in every head, so one
 * tap shows where that token looks at each layer; tapping a map selects that head for the detailed view.
 *
 * <p>Maps are drawn as images (one pixel per weight, scaled up without smoothing), so a 128 x 128 map of 32 heads
 * costs 32 image draws, not half a million rectangles.
 */
final class HeadGrid {
    interface Listener {
        void picked(int layer, int head, int query);
    }

    /** Maps narrower than this go two (or one) to a row: on a phone two 150 px maps read better than four 70 px ones. */
    static final double MIN_CELL = 120, GAP = 10, TITLE = 18;
    private final Surface surface;
    private final Listener listener;
    private HTMLCanvasElement scratch = Canvas.create(1, 1);
    private Probe probe;
    private int selLayer, selHead, query = -1;
    private int cols = 1;
    private double cell;

    HeadGrid(HTMLElement parent, Listener listener) {
        this.listener = listener;
        surface = new Surface(parent, this::heightFor);
        surface.canvas().getClassList().add("head-grid");
        surface.canvas().setAttribute("role", "img");
        surface.onResize(this::redraw);
        Pointer.attach(surface.canvas(), new Pointer.Handler() {
            @Override
            public void tap(double x, double y, boolean touch) {
                pick(x, y);
            }
        });
    }

    void set(Probe p, int selLayer, int selHead, int query) {
        boolean reshape = probe == null || p.layers != probe.layers || p.heads != probe.heads;
        this.probe = p;
        this.selLayer = selLayer;
        this.selHead = selHead;
        this.query = query;
        surface.canvas().setAttribute("aria-label", "Attention maps of " + p.layers + " layers by " + p.heads
                + " heads over " + p.t + " tokens");
        if (reshape) surface.shape(this::heightFor);
        redraw();
    }

    Surface surface() {
        return surface;
    }

    /** Heads per row: all of a layer's heads if they fit, else halves, quarters... (head counts are powers of 2). */
    private int columnsFor(double w, int heads) {
        int c = heads;
        while (c > 1 && c * MIN_CELL + (c - 1) * GAP > w) c /= 2;
        return c;
    }

    private double heightFor(double w) {
        if (probe == null) return 120;
        int c = columnsFor(w, probe.heads);
        double s = Math.min(220, (w - (c - 1) * GAP) / c);
        int rows = probe.layers * ((probe.heads + c - 1) / c);
        return rows * (s + TITLE + GAP);
    }

    void redraw() {
        CanvasRenderingContext2D g = surface.begin();
        if (probe == null) return;
        double w = surface.width();
        cols = columnsFor(w, probe.heads);
        cell = Math.min(220, (w - (cols - 1) * GAP) / cols);
        int t = probe.t;
        if (scratch.getWidth() != t) scratch = Canvas.create(t, t);
        Canvas.smoothing(g, false);
        int[] px = new int[t * t];
        int masked = ColorMap.abgrOf(Theme.dark() ? 0x1b2230 : 0xf3f5f8);
        for (int l = 0; l < probe.layers; l++) {
            for (int h = 0; h < probe.heads; h++) {
                double x = xOf(h), y = yOf(l, h);
                for (int q = 0; q < t; q++) {
                    for (int k = 0; k < t; k++) {
                        px[q * t + k] = k > q ? masked : ColorMap.SEQUENTIAL.abgr(probe.weight(l, h, q, k));
                    }
                }
                Canvas.putPixels(scratch, px, t, t);
                g.drawImage(scratch, x, y + TITLE, cell, cell);
                boolean sel = l == selLayer && h == selHead;
                g.setFillStyle(sel ? Theme.accent() : Theme.fg());
                g.setFont(sel ? Theme.boldFont(11.5) : Theme.font(11.5));
                g.setTextAlign("left");
                g.setTextBaseline("top");
                g.fillText("L" + (l + 1) + " H" + (h + 1) + " \u00b7 " + Fmt.fixed(probe.entropy(l, h), 1) + " bits", x,
                        y + 2);
                g.setStrokeStyle(sel ? Theme.accent() : Theme.border());
                g.setLineWidth(sel ? 2.5 : 1);
                g.strokeRect(x - 0.5, y + TITLE - 0.5, cell + 1, cell + 1);
                if (query >= 0 && query < t) {
                    g.setStrokeStyle(Theme.dark() ? "#ffffff" : "#111111");
                    g.setLineWidth(1.5);
                    g.strokeRect(x, y + TITLE + query * cell / t, cell, Math.max(2, cell / t));
                }
            }
        }
    }

    private double xOf(int h) {
        return (h % cols) * (cell + GAP);
    }

    private double yOf(int l, int h) {
        int rowsPerLayer = (probe.heads + cols - 1) / cols;
        return (l * rowsPerLayer + h / cols) * (cell + TITLE + GAP);
    }

    private void pick(double x, double y) {
        if (probe == null) return;
        for (int l = 0; l < probe.layers; l++) {
            for (int h = 0; h < probe.heads; h++) {
                double x0 = xOf(h), y0 = yOf(l, h) + TITLE;
                if (x >= x0 && x < x0 + cell && y >= y0 - TITLE && y < y0 + cell) {
                    int q = y < y0 ? -1 : Math.min(probe.t - 1, (int) ((y - y0) / cell * probe.t));
                    listener.picked(l, h, q);
                    return;
                }
            }
        }
    }
}
