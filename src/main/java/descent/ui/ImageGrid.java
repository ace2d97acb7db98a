package descent.ui;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Many small images in a wrapping grid, each with a caption: digits, feature maps, what each neuron computes. Tap an
 * image to select it (the listener hears its index); hover reads out the pixel value.
 *
 * <pre>{@code
 * ImageGrid grid = new ImageGrid(fig, 64);                 // cells about 64 CSS px wide
 * grid.set(List.of(imgA, imgB), 28, 28, ColorMap.GREYS, 0, 1, List.of("3", "7"));  // each img row-major, top row first
 * grid.onSelect(i -> show(i));
 * grid.redraw();
 * }</pre>
 */
public final class ImageGrid {
    /** Hears which image was tapped. */
    public interface SelectListener {
        void select(int index);
    }

    private final Figure fig;
    private final Surface surface;
    private final HTMLElement readout;
    private final double target;
    private final List<HTMLCanvasElement> rasters = new ArrayList<>();
    private List<float[]> images = List.of();
    private List<String> captions = List.of();
    private int w, h;
    private ColorMap map = ColorMap.GREYS;
    private double lo, hi = 1;
    private int columns = 1;
    private double cell;
    private int selected = -1;
    private SelectListener listener = i -> { };

    public ImageGrid(Figure fig, double cellSize) {
        this.fig = fig;
        this.target = cellSize;
        surface = new Surface(fig.body(), this::heightFor);
        readout = Dom.add(fig.body(), "div.readout");
        readout.setHidden(true);
        surface.onResize(this::redraw);
        Pointer.attach(surface.canvas(), new Pointer.Handler() {
            @Override
            public void hover(double x, double y) {
                read(x, y);
            }

            @Override
            public void leave() {
                readout.setHidden(true);
            }

            @Override
            public void tap(double x, double y, boolean touch) {
                int i = index(x, y);
                if (i >= 0) {
                    selected = i;
                    listener.select(i);
                    redraw();
                }
                read(x, y);
            }
        });
    }

    /** Images of w × h values each (row-major, top row first), mapped through {@code map} from [lo, hi]. */
    public void set(List<float[]> images, int w, int h, ColorMap map, double lo, double hi, List<String> captions) {
        boolean relayout = images.size() != this.images.size() || w != this.w || h != this.h;
        this.images = images;
        this.w = w;
        this.h = h;
        this.map = map;
        this.lo = lo;
        this.hi = hi;
        this.captions = captions;
        while (rasters.size() < images.size()) {
            rasters.add(Canvas.create(w, h));
        }
        int[] px = new int[w * h];
        double span = hi - lo == 0 ? 1 : hi - lo;
        for (int i = 0; i < images.size(); i++) {
            HTMLCanvasElement c = rasters.get(i);
            if (c.getWidth() != w || c.getHeight() != h) {
                c.setWidth(w);
                c.setHeight(h);
            }
            float[] img = images.get(i);
            for (int p = 0; p < w * h; p++) {
                px[p] = map.abgr((img[p] - lo) / span);
            }
            Canvas.putPixels(c, px, w, h);
        }
        if (relayout) {
            surface.shape(this::heightFor);
        }
    }

    public void onSelect(SelectListener l) {
        listener = l;
    }

    public void select(int i) {
        selected = i;
    }

    public Surface surface() {
        return surface;
    }

    private double heightFor(double width) {
        columns = Math.max(1, (int) Math.floor((width + 6) / (target + 6)));
        cell = (width + 6) / columns - 6;
        int n = Math.max(1, images.size());
        int rowsN = (n + columns - 1) / columns;
        return rowsN * (cell * h / Math.max(1, w) + 22);
    }

    public void redraw() {
        CanvasRenderingContext2D g = surface.begin();
        heightFor(surface.width());
        double ih = cell * h / Math.max(1, w);
        g.setFont(Theme.font(11));
        g.setTextAlign("center");
        g.setTextBaseline("top");
        for (int i = 0; i < images.size(); i++) {
            double x = (i % columns) * (cell + 6), y = (i / columns) * (ih + 22);
            Canvas.smoothing(g, false);
            g.drawImage(rasters.get(i), x, y, cell, ih);
            Canvas.smoothing(g, true);
            g.setStrokeStyle(i == selected ? Theme.accent() : Theme.border());
            g.setLineWidth(i == selected ? 3 : 1);
            g.strokeRect(x + 0.5, y + 0.5, cell - 1, ih - 1);
            g.setFillStyle(i == selected ? Theme.fg() : Theme.muted());
            if (i < captions.size()) {
                g.fillText(captions.get(i), x + cell / 2, y + ih + 4, cell);
            }
        }
    }

    private int index(double x, double y) {
        double ih = cell * h / Math.max(1, w);
        int c = (int) Math.floor(x / (cell + 6)), r = (int) Math.floor(y / (ih + 22));
        int i = r * columns + c;
        if (c >= columns || x - c * (cell + 6) > cell || y - r * (ih + 22) > ih || i >= images.size() || i < 0) {
            return -1;
        }
        return i;
    }

    private void read(double x, double y) {
        int i = index(x, y);
        if (i < 0) {
            readout.setHidden(true);
            return;
        }
        double ih = cell * h / Math.max(1, w);
        int px = (int) ((x - (i % columns) * (cell + 6)) / cell * w);
        int py = (int) ((y - (i / columns) * (ih + 22)) / ih * h);
        px = Math.min(w - 1, Math.max(0, px));
        py = Math.min(h - 1, Math.max(0, py));
        String cap = i < captions.size() ? captions.get(i) + "  " : "";
        Dom.text(readout, cap + "(" + px + ", " + py + ") " + Fmt.sig(images.get(i)[py * w + px], 3));
        readout.setHidden(false);
        readout.getStyle().setProperty("left", Math.max(0, Math.min(x + 12, surface.width()
                - readout.getOffsetWidth())) + "px");
        readout.getStyle().setProperty("top", Math.max(0, y - 30) + "px");
    }

    public Figure figure() {
        return fig;
    }
}
