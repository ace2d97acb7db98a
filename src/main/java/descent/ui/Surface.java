package descent.ui;

import java.util.function.DoubleUnaryOperator;
import org.teavm.jso.JSObject;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A canvas that fills its parent's width and keeps its backing store at CSS size × devicePixelRatio (capped at 2),
 * watched by a ResizeObserver. Draw in CSS pixels: the context is pre-scaled.
 *
 * <pre>{@code
 * Surface s = new Surface(fig.body(), 0.75, 420);  // height = 0.75 × width, at most 420 px
 * s.onResize(this::redraw);
 * CanvasRenderingContext2D g = s.begin();           // cleared, scaled
 * g.fillRect(0, 0, s.width(), s.height());
 * }</pre>
 */
public final class Surface {
    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D ctx;
    private final HTMLElement parent;
    private final JSObject observer;
    private DoubleUnaryOperator heightOf;
    private double width, height, ratio = 1;
    private Runnable onResize = () -> { };

    public Surface(HTMLElement parent, double aspect, double maxHeight) {
        this(parent, w -> Math.min(maxHeight, Math.round(w * aspect)));
    }

    /** A canvas whose CSS height is {@code heightOf(width)}. */
    public Surface(HTMLElement parent, DoubleUnaryOperator heightOf) {
        this.parent = parent;
        this.heightOf = heightOf;
        canvas = (HTMLCanvasElement) Dom.add(parent, "canvas");
        ctx = Canvas.context(canvas);
        measure();
        observer = Js.onResize(parent, () -> {
            if (measure()) {
                onResize.run();
            }
        });
    }

    /** Called after the size changed (the backing store is already resized and cleared). */
    public Surface onResize(Runnable r) {
        onResize = r;
        return this;
    }

    /** Height as a fraction of width, and its cap in CSS pixels. */
    public void shape(double aspect, double maxHeight) {
        shape(w -> Math.min(maxHeight, Math.round(w * aspect)));
    }

    public void shape(DoubleUnaryOperator heightOf) {
        this.heightOf = heightOf;
        if (measure()) {
            onResize.run();
        }
    }

    private boolean measure() {
        double w = Math.max(1, parent.getClientWidth());
        double h = Math.max(1, Math.round(heightOf.applyAsDouble(w)));
        double r = Js.pixelRatio();
        if (w == width && h == height && r == ratio) {
            return false;
        }
        width = w;
        height = h;
        ratio = r;
        canvas.getStyle().setProperty("height", h + "px");
        canvas.setWidth((int) Math.round(w * r));
        canvas.setHeight((int) Math.round(h * r));
        return true;
    }

    /** The context, cleared and scaled so one unit is one CSS pixel. */
    public CanvasRenderingContext2D begin() {
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
        return ctx;
    }

    public CanvasRenderingContext2D context() {
        return ctx;
    }

    public HTMLCanvasElement canvas() {
        return canvas;
    }

    /** Width in CSS pixels. */
    public double width() {
        return width;
    }

    /** Height in CSS pixels. */
    public double height() {
        return height;
    }

    public double ratio() {
        return ratio;
    }

    /** Stops watching the size (when a lab closes). */
    public void dispose() {
        disconnect(observer);
    }

    @org.teavm.jso.JSBody(params = "o", script = "if (o) o.disconnect();")
    private static native void disconnect(JSObject o);
}
