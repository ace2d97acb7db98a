package descent.ui;

import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * What {@link Heatmap} and {@link Scatter} share: a square data window [x0, x1] × [y0, y1] on a {@link Surface} with
 * tick labels, an overlay of {@link Marks}, a hover/tap readout, and an optional point-editing mode.
 *
 * <p>Gestures: hover or tap shows the readout (and calls {@link #onTap}); in editing mode a tap adds a point, a drag
 * moves one, and a long press or right-click deletes one. Touch drags scroll the page except while editing.
 */
public abstract class Plot implements Marks.Transform {
    /** What the editing mode changes; coordinates are data units. */
    public interface Editor {
        /** Index of the point nearest (x, y) within {@code radius}, or -1. */
        int hit(double x, double y, double radius);

        void add(double x, double y);

        void move(int index, double x, double y);

        void remove(int index);

        /** A drag ended: a good moment to commit (e.g. to the URL). */
        default void done() {
        }
    }

    /** Receives taps on the data window (data coordinates). */
    public interface TapListener {
        void tap(double x, double y);
    }

    protected final Figure fig;
    protected final Surface surface;
    protected final Marks marks = new Marks();
    protected double x0, x1, y0, y1;
    /** The plot window in CSS pixels. */
    protected double left, top, side;
    private final double extraBottom;
    private final HTMLElement readout;
    private Editor editor;
    private boolean editing;
    private TapListener onTap;
    private int dragIndex = -1;
    private double readX = Double.NaN, readY;
    private boolean readSticky;

    protected Plot(Figure fig, double x0, double x1, double y0, double y1, double extraBottom) {
        this.fig = fig;
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
        this.extraBottom = extraBottom;
        surface = new Surface(fig.body(), w -> {
            double s = Math.min(w - 40, 560);
            return s + 30 + extraBottom;
        });
        surface.canvas().getClassList().add("plot-canvas");
        readout = Dom.add(fig.body(), "div.readout");
        readout.setHidden(true);
        readout.setAttribute("aria-live", "polite");
        surface.onResize(this::redraw);
        Pointer.attach(surface.canvas(), new Gestures());
    }

    /** Redraws everything from the current state. */
    public final void redraw() {
        CanvasRenderingContext2D g = surface.begin();
        left = 34;
        top = 8;
        side = Math.max(10, Math.min(surface.width() - left - 6, surface.height() - top - 22 - extraBottom));
        drawBackground(g);
        axes(g);
        marks.draw(g, this);
        drawForeground(g);
        if (!Double.isNaN(readX)) {
            showReadout(readX, readY);
        }
    }

    /** Draws the content under the overlay: the heat map, or nothing for a scatter. */
    protected abstract void drawBackground(CanvasRenderingContext2D g);

    /** Draws extras below the window (a colour bar). */
    protected void drawForeground(CanvasRenderingContext2D g) {
    }

    /** The readout text at a data point, or null for none. */
    protected abstract String readoutText(double x, double y);

    private void axes(CanvasRenderingContext2D g) {
        g.setStrokeStyle(Theme.border());
        g.setLineWidth(1);
        g.strokeRect(left - 0.5, top - 0.5, side + 1, side + 1);
        g.setFillStyle(Theme.muted());
        g.setFont(Theme.font(11));
        int target = side < 260 ? 4 : 5;
        double[] tx = Ticks.nice(x0, x1, target);
        g.setTextAlign("center");
        g.setTextBaseline("top");
        for (double v : tx) {
            g.fillText(Ticks.label(v, tx), px(v), top + side + 4);
        }
        double[] ty = Ticks.nice(y0, y1, target);
        g.setTextAlign("right");
        g.setTextBaseline("middle");
        for (double v : ty) {
            g.fillText(Ticks.label(v, ty), left - 5, py(v));
        }
    }

    // ---- coordinates ----------------------------------------------------------------------------------------------

    @Override
    public double px(double x) {
        return left + (x - x0) / (x1 - x0) * side;
    }

    @Override
    public double py(double y) {
        return top + (y1 - y) / (y1 - y0) * side;
    }

    public double dataX(double px) {
        return x0 + (px - left) / side * (x1 - x0);
    }

    public double dataY(double py) {
        return y1 - (py - top) / side * (y1 - y0);
    }

    private boolean inside(double px, double py) {
        return px >= left && px <= left + side && py >= top && py <= top + side;
    }

    // ---- API --------------------------------------------------------------------------------------------------

    public Marks marks() {
        return marks;
    }

    public Surface surface() {
        return surface;
    }

    public Figure figure() {
        return fig;
    }

    public void extent(double x0, double x1, double y0, double y1) {
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
    }

    public void onTap(TapListener l) {
        onTap = l;
    }

    public void editor(Editor e) {
        editor = e;
    }

    /** Turns the editing mode on or off; while on, touch drags edit instead of scrolling the page. */
    public void editing(boolean on) {
        editing = on && editor != null;
        Dom.toggleClass(surface.canvas(), "editing", editing);
    }

    public boolean editing() {
        return editing;
    }

    /** Hides a sticky readout (e.g. when the data under it changed meaning). */
    public void clearReadout() {
        readX = Double.NaN;
        readSticky = false;
        readout.setHidden(true);
    }

    private void showReadout(double x, double y) {
        String text = inside(px(x), py(y)) ? readoutText(x, y) : null;
        if (text == null) {
            readout.setHidden(true);
            return;
        }
        Dom.text(readout, text);
        readout.setHidden(false);
        double w = readout.getOffsetWidth(), h = readout.getOffsetHeight();
        double rx = px(x) + 14, ry = py(y) - h - 10;
        if (rx + w > surface.width()) {
            rx = Math.max(0, px(x) - w - 14);
        }
        if (ry < 0) {
            ry = py(y) + 14;
        }
        readout.getStyle().setProperty("left", rx + "px");
        readout.getStyle().setProperty("top", ry + "px");
    }

    private final class Gestures implements Pointer.Handler {
        @Override
        public void hover(double px, double py) {
            if (readSticky || editing && dragIndex >= 0) {
                return;
            }
            readX = dataX(px);
            readY = dataY(py);
            showReadout(readX, readY);
        }

        @Override
        public void leave() {
            if (!readSticky) {
                readX = Double.NaN;
                readout.setHidden(true);
            }
        }

        @Override
        public void tap(double px, double py, boolean touch) {
            if (!inside(px, py)) {
                clearReadout();
                return;
            }
            double x = dataX(px), y = dataY(py);
            if (editing) {
                if (editor.hit(x, y, radius(touch)) < 0) {
                    editor.add(x, y);
                    editor.done();
                }
                return;
            }
            readX = x;
            readY = y;
            readSticky = touch;
            showReadout(x, y);
            if (onTap != null) {
                onTap.tap(x, y);
            }
        }

        @Override
        public boolean dragStart(double px, double py, boolean touch) {
            if (!editing) {
                return false;
            }
            dragIndex = editor.hit(dataX(px), dataY(py), radius(touch));
            return dragIndex >= 0;
        }

        @Override
        public void dragMove(double px, double py) {
            if (dragIndex >= 0) {
                double x = Math.max(x0, Math.min(x1, dataX(px)));
                double y = Math.max(y0, Math.min(y1, dataY(py)));
                editor.move(dragIndex, x, y);
            }
        }

        @Override
        public void dragEnd(double px, double py) {
            if (dragIndex >= 0) {
                dragIndex = -1;
                editor.done();
            }
        }

        @Override
        public void longPress(double px, double py, boolean touch) {
            if (!editing || !inside(px, py)) {
                return;
            }
            int i = editor.hit(dataX(px), dataY(py), radius(touch));
            if (i >= 0) {
                editor.remove(i);
                editor.done();
            }
        }

        private double radius(boolean touch) {
            return (touch ? 18 : 9) / side * (x1 - x0);
        }
    }
}
