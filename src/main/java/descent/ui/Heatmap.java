package descent.ui;

import java.util.List;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * A scalar field on a grid, drawn with a perceptual {@link ColorMap} and a colour bar with values, or a grid of
 * ready-made colours with a categorical legend. Hover or tap reads out the value under the pointer; {@link #marks()}
 * overlays points, paths and arrows; {@link #editor} makes points editable (see {@link Plot}).
 *
 * <pre>{@code
 * Figure fig = new Figure(ctx.figures(), "boundary", "Decision boundary");
 * Heatmap hm = new Heatmap(fig, -1.2, 1.2, -1.2, 1.2);
 * hm.values(grid, 64, 64, ColorMap.DIVERGING, 0, 1, "P(class 1)");  // rows from the top (largest y) down
 * hm.marks().clear(); hm.marks().point(x, y, 4, ColorMap.classRgb(c), true);
 * hm.redraw();
 * }</pre>
 */
public final class Heatmap extends Plot {
    private static final double BAR = 50;
    private double wash;
    private HTMLCanvasElement raster = Canvas.create(1, 1);
    private int[] pixels = new int[0];
    private float[] values;
    private int cols, rows;
    private ColorMap map = ColorMap.SEQUENTIAL;
    private double lo, hi = 1;
    private String barLabel = "";
    private List<String> legendLabels;
    private int[] legendRgb;
    private boolean smooth = true;
    private boolean logBar;
    private Readout readoutFn;

    /** Formats the readout at a point: the grid value there (NaN when the grid has no values). */
    public interface Readout {
        String text(double x, double y, double value);
    }

    public Heatmap(Figure fig, double x0, double x1, double y0, double y1) {
        super(fig, x0, x1, y0, y1, BAR);
    }

    /**
     * Shows {@code v} (cols × rows, row-major, row 0 at the top) through {@code map}, with {@code lo} and {@code hi}
     * at the ends of the colour bar. The array is kept (not copied) for the readout until the next call.
     */
    public void values(float[] v, int cols, int rows, ColorMap map, double lo, double hi, String label) {
        this.values = v;
        this.map = map;
        this.lo = lo;
        this.hi = hi;
        this.barLabel = label;
        this.legendLabels = null;
        ensure(cols, rows);
        double span = hi - lo == 0 ? 1 : hi - lo;
        for (int i = 0; i < cols * rows; i++) {
            pixels[i] = map.abgr((v[i] - lo) / span);
        }
        Canvas.putPixels(raster, pixels, cols, rows);
    }

    /**
     * Shows ready-made colours (packed 0xAABBGGRR, row 0 at the top), e.g. classes mixed by probability, with a
     * categorical legend instead of a colour bar. {@code v}, if not null, is what the readout reports.
     */
    public void colors(int[] abgr, int cols, int rows, float[] v, List<String> labels, int[] labelRgb) {
        this.values = v;
        this.legendLabels = labels;
        this.legendRgb = labelRgb;
        ensure(cols, rows);
        System.arraycopy(abgr, 0, pixels, 0, cols * rows);
        Canvas.putPixels(raster, pixels, cols, rows);
    }

    private void ensure(int c, int r) {
        if (c != cols || r != rows) {
            cols = c;
            rows = r;
            raster = Canvas.create(c, r);
            pixels = new int[c * r];
        }
    }

    /**
     * Lays the colours over the panel at reduced strength (0 = full colour, 0.4 = a pale wash), so points drawn on
     * top stand out; the colour bar shows the same washed colours.
     */
    public void wash(double amount) {
        wash = Math.max(0, Math.min(0.9, amount));
    }

    /**
     * Marks the values as log10 of the quantity (pass log10 values to {@link #values}): the colour bar then labels
     * its ticks with the quantity itself, at 1, 2, 5 times powers of ten.
     */
    public void logBar(boolean on) {
        logBar = on;
    }

    /** Smooth (bilinear) or blocky (each cell a square) upscaling. */
    public void smooth(boolean on) {
        smooth = on;
    }

    public void readout(Readout r) {
        readoutFn = r;
    }

    /** The grid value nearest (x, y), or NaN. */
    public double valueAt(double x, double y) {
        if (values == null || cols == 0) {
            return Double.NaN;
        }
        int c = (int) Math.floor((x - x0) / (x1 - x0) * cols);
        int r = (int) Math.floor((y1 - y) / (y1 - y0) * rows);
        if (c < 0 || r < 0 || c >= cols || r >= rows) {
            return Double.NaN;
        }
        return values[r * cols + c];
    }

    public HTMLCanvasElement canvas() {
        return surface.canvas();
    }

    @Override
    protected void drawBackground(CanvasRenderingContext2D g) {
        if (cols == 0) {
            g.setFillStyle(Theme.bg());
            g.fillRect(left, top, side, side);
            return;
        }
        g.setFillStyle(Theme.panel());
        g.fillRect(left, top, side, side);
        g.setGlobalAlpha(1 - wash);
        Canvas.smoothing(g, smooth);
        g.drawImage(raster, left, top, side, side);
        Canvas.smoothing(g, true);
        g.setGlobalAlpha(1);
    }

    @Override
    protected void drawForeground(CanvasRenderingContext2D g) {
        double y = top + side + 36;
        if (legendLabels != null) {
            legend(g, y);
            return;
        }
        if (cols == 0) {
            return;
        }
        double h = 10;
        g.setFillStyle(Theme.panel());
        g.fillRect(left, y, side, h);
        g.setGlobalAlpha(1 - wash);
        for (int i = 0; i < 64; i++) {
            g.setFillStyle(map.css(i / 63.0));
            g.fillRect(left + side * i / 64, y, side / 64 + 0.6, h);
        }
        g.setGlobalAlpha(1);
        g.setStrokeStyle(Theme.border());
        g.strokeRect(left - 0.5, y - 0.5, side + 1, h + 1);
        double[] t = logBar ? Ticks.log(lo, hi, side < 260 ? 4 : 6) : Ticks.nice(lo, hi, side < 260 ? 4 : 6);
        g.setFillStyle(Theme.muted());
        g.setFont(Theme.font(11));
        g.setTextBaseline("top");
        double lastRight = -1e9;
        for (double v : t) {
            double x = left + (v - lo) / (hi - lo) * side;
            g.fillRect(x - 0.5, y + h, 1, 3);
            String s = logBar ? Fmt.sig(Math.pow(10, v), 2) : Ticks.label(v, t);
            double w = g.measureText(s).getWidth();
            if (x - w / 2 < lastRight + 6) {
                continue; // a label that would touch its neighbour is left out; its tick stays
            }
            lastRight = x + w / 2;
            // end labels stay inside the canvas instead of hanging off its edge
            String align = x - w / 2 < 2 ? "left" : x + w / 2 > surface.width() - 2 ? "right" : "center";
            g.setTextAlign(align);
            double at = align.equals("left") ? Math.max(x - 2, 0) : align.equals("right") ? Math.min(x + 2,
                    surface.width()) : x;
            g.fillText(s, at, y + h + 4);
        }
        if (!barLabel.isEmpty()) {
            g.setTextAlign("left");
            g.setTextBaseline("bottom");
            g.setFillStyle(Theme.fg());
            g.setFont(Theme.boldFont(11));
            g.fillText(barLabel, left, y - 2);
        }
    }

    private void legend(CanvasRenderingContext2D g, double y) {
        y -= 10;
        g.setFont(Theme.font(12));
        g.setTextBaseline("middle");
        g.setTextAlign("left");
        double x = left;
        double row = y + 8;
        for (int i = 0; i < legendLabels.size(); i++) {
            String s = legendLabels.get(i);
            double w = 18 + g.measureText(s).getWidth() + 14;
            if (x + w > left + side && x > left) {
                x = left;
                row += 18;
            }
            g.setFillStyle(ColorMap.hex(legendRgb[i]));
            g.setGlobalAlpha(1 - wash);
            g.fillRect(x, row - 5, 11, 11);
            g.setGlobalAlpha(1);
            g.setFillStyle(Theme.fg());
            g.fillText(s, x + 16, row);
            x += w;
        }
    }

    @Override
    protected String readoutText(double x, double y) {
        double v = valueAt(x, y);
        if (readoutFn != null) {
            return readoutFn.text(x, y, v);
        }
        String at = "(" + Fmt.sig(x, 2) + ", " + Fmt.sig(y, 2) + ")";
        return Double.isNaN(v) ? at : at + "  " + Fmt.sig(v, 3);
    }
}
