package descent.labs.optimizers;

import descent.ui.Dom;
import descent.ui.Fmt;
import descent.ui.Js;
import org.teavm.jso.JSBody;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.typedarrays.Uint8ClampedArray;

/**
 * One Canvas2D figure of this lab: a {@code <figure>} with a caption, a canvas sized to its box × devicePixelRatio by
 * a ResizeObserver, a world rectangle mapped onto it, and pointer input reported in world coordinates. Drawing is
 * in CSS pixels; the backing store is scaled once per frame.
 */
final class Plot {
    interface PointerListener {
        /** phase: 0 down, 1 move while down, 2 up. */
        void pointer(double x, double y, int phase);
    }

    final HTMLElement figure;
    final HTMLElement caption;
    final HTMLCanvasElement canvas;
    final CanvasRenderingContext2D g;
    /** World window {xMin, xMax, yMin, yMax} and whether the y (or x) axis is logarithmic. */
    double x0, x1, y0, y1;
    boolean logX, logY;
    /** Margins in CSS pixels for axes: left, right, top, bottom. */
    double ml, mr = 8, mt = 8, mb;
    double width = 300, height = 200;
    private final double aspect;
    private Runnable onResize = () -> { };

    Plot(HTMLElement parent, String cls, double aspect, String captionText) {
        this.aspect = aspect;
        figure = Dom.add(parent, "figure.fig.optim-fig" + (cls.isEmpty() ? "" : "." + cls));
        HTMLElement body = Dom.add(figure, "div.fig-body");
        canvas = (HTMLCanvasElement) Dom.add(body, "canvas");
        canvas.setAttribute("role", "img");
        caption = Dom.add(figure, "figcaption", captionText);
        canvas.setAttribute("aria-label", captionText);
        g = (CanvasRenderingContext2D) canvas.getContext("2d");
        Js.onResize(body, this::resize);
        resize();
    }

    void onResize(Runnable r) {
        onResize = r;
    }

    private void resize() {
        double w = Math.max(120, figure.getClientWidth() - 26);
        double h = Math.round(Math.min(w * aspect, 560));
        double dpr = Js.pixelRatio();
        if (Math.abs(w - width) < 1 && Math.abs(h - height) < 1 && canvas.getWidth() > 1) return;
        width = w;
        height = h;
        canvas.setWidth((int) Math.round(w * dpr));
        canvas.setHeight((int) Math.round(h * dpr));
        cssSize(canvas, h);
        onResize.run();
    }

    /** Starts a frame: clears, scales for the pixel ratio. */
    void begin() {
        double dpr = canvas.getWidth() / width;
        g.setTransform(dpr, 0, 0, dpr, 0, 0);
        g.clearRect(0, 0, width, height);
    }

    void window(double xa, double xb, double ya, double yb) {
        x0 = xa;
        x1 = xb;
        y0 = ya;
        y1 = yb;
    }

    double px(double x) {
        double t = logX ? (Math.log10(x) - Math.log10(x0)) / (Math.log10(x1) - Math.log10(x0)) : (x - x0) / (x1 - x0);
        return ml + t * (width - ml - mr);
    }

    double py(double y) {
        double t = logY ? (Math.log10(y) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0)) : (y - y0) / (y1 - y0);
        return height - mb - t * (height - mt - mb);
    }

    double wx(double px) {
        return x0 + (px - ml) / (width - ml - mr) * (x1 - x0);
    }

    double wy(double py) {
        return y0 + (height - mb - py) / (height - mt - mb) * (y1 - y0);
    }

    private org.teavm.jso.JSObject background;

    /** Keeps a w × h image of packed 0xAABBGGRR pixels (row 0 at the top) to paint under every frame. */
    void background(int[] pixels, int w, int h) {
        Int32Array ints = Int32Array.copyFromJavaArray(pixels);
        ImageData img = ImageData.create(Uint8ClampedArray.create(ints.getBuffer(), 0, w * h * 4), w, h);
        background = offscreen(img, w, h);
    }

    /** Paints the kept image over the plot area, smoothly scaled. */
    void drawBackground() {
        if (background != null) drawImage(g, background, ml, mt, width - ml - mr, height - mt - mb);
    }

    @JSBody(params = {"img", "w", "h"}, script = "const c = document.createElement('canvas'); c.width = w; "
            + "c.height = h; c.getContext('2d').putImageData(img, 0, 0); return c;")
    private static native org.teavm.jso.JSObject offscreen(ImageData img, int w, int h);

    @JSBody(params = {"g", "c", "x", "y", "dw", "dh"}, script = "g.imageSmoothingEnabled = true; "
            + "g.drawImage(c, x, y, dw, dh);")
    private static native void drawImage(CanvasRenderingContext2D g, org.teavm.jso.JSObject c, double x, double y,
            double dw, double dh);

    @JSBody(params = {"c", "h"}, script = "c.style.height = h + 'px';")
    private static native void cssSize(HTMLCanvasElement c, double h);

    @JSBody(params = {"g", "a", "b"}, script = "g.setLineDash(a > 0 ? [a, b] : []);")
    static native void dash(CanvasRenderingContext2D g, double a, double b);

    /** A colour from the page's CSS custom properties, so figures follow light and dark themes. */
    @JSBody(params = "name", script = "return getComputedStyle(document.body).getPropertyValue(name).trim() || '#888';")
    static native String css(String name);

    @JSBody(params = {"el", "cb"}, script = "let down = false; const at = (e, ph) => { const r = el.getBoundingClientRect();"
            + " cb(e.clientX - r.left, e.clientY - r.top, ph); };"
            + "el.addEventListener('pointerdown', e => { down = true; try { el.setPointerCapture(e.pointerId); } "
            + "catch (x) {} at(e, 0); e.preventDefault(); });"
            + "el.addEventListener('pointermove', e => { if (down) at(e, 1); });"
            + "const up = e => { if (down) { down = false; at(e, 2); } };"
            + "el.addEventListener('pointerup', up); el.addEventListener('pointercancel', up);")
    private static native void pointer(HTMLElement el, PointerJs cb);

    @org.teavm.jso.JSFunctor
    interface PointerJs extends org.teavm.jso.JSObject {
        void call(double x, double y, int phase);
    }

    void onPointer(PointerListener l) {
        pointer(canvas, (x, y, phase) -> l.pointer(wx(x), wy(y), phase));
    }

    // ---- drawing --------------------------------------------------------------------------------------------------

    void line(double xa, double ya, double xb, double yb, String color, double w) {
        g.setStrokeStyle(color);
        g.setLineWidth(w);
        g.beginPath();
        g.moveTo(px(xa), py(ya));
        g.lineTo(px(xb), py(yb));
        g.stroke();
    }

    void dot(double x, double y, double r, String fill, String stroke) {
        g.beginPath();
        g.arc(px(x), py(y), r, 0, 2 * Math.PI);
        g.setFillStyle(fill);
        g.fill();
        if (stroke != null) {
            g.setStrokeStyle(stroke);
            g.setLineWidth(2);
            g.stroke();
        }
    }

    /** An arrow from (xa, ya) to (xb, yb) in world coordinates with a head of fixed pixel size. */
    void arrow(double xa, double ya, double xb, double yb, String color, double w) {
        double ax = px(xa), ay = py(ya), bx = px(xb), by = py(yb);
        double len = Math.hypot(bx - ax, by - ay);
        if (len < 1) return;
        double ux = (bx - ax) / len, uy = (by - ay) / len, head = Math.min(10 + w, len * 0.5);
        g.setStrokeStyle(color);
        g.setFillStyle(color);
        g.setLineWidth(w);
        g.beginPath();
        g.moveTo(ax, ay);
        g.lineTo(bx - ux * head * 0.8, by - uy * head * 0.8);
        g.stroke();
        g.beginPath();
        g.moveTo(bx, by);
        g.lineTo(bx - ux * head - uy * head * 0.45, by - uy * head + ux * head * 0.45);
        g.lineTo(bx - ux * head + uy * head * 0.45, by - uy * head - ux * head * 0.45);
        g.closePath();
        g.fill();
    }

    /** Text with a halo of the panel colour so it stays legible over heatmaps and lines. */
    void label(String text, double pxX, double pxY, String color, String align) {
        g.setFont("600 12px system-ui, sans-serif");
        g.setTextAlign(align);
        g.setTextBaseline("middle");
        g.setLineWidth(3);
        g.setStrokeStyle(css("--panel"));
        g.strokeText(text, pxX, pxY);
        g.setFillStyle(color);
        g.fillText(text, pxX, pxY);
    }

    /** Axes with a few ticks; log axes tick at powers of ten. */
    void axes(String xTitle, String yTitle) {
        String muted = css("--muted"), border = css("--border");
        g.setStrokeStyle(border);
        g.setLineWidth(1);
        g.strokeRect(ml, mt, width - ml - mr, height - mt - mb);
        g.setFont("11px system-ui, sans-serif");
        g.setFillStyle(muted);
        for (double v : ticks(y0, y1, logY, 5)) {
            double y = py(v);
            g.setStrokeStyle(border);
            g.beginPath();
            g.moveTo(ml, y);
            g.lineTo(width - mr, y);
            g.stroke();
            g.setTextAlign("right");
            g.setTextBaseline("middle");
            g.fillText(tick(v, logY), ml - 4, y);
        }
        for (double v : ticks(x0, x1, logX, width < 360 ? 4 : 6)) {
            double x = px(v);
            g.setTextAlign("center");
            g.setTextBaseline("top");
            g.fillText(tick(v, logX), x, height - mb + 3);
        }
        g.setTextAlign("center");
        g.setTextBaseline("bottom");
        g.fillText(xTitle, ml + (width - ml - mr) / 2, height - 1);
        g.save();
        g.translate(11, mt + (height - mt - mb) / 2);
        g.rotate(-Math.PI / 2);
        g.setTextBaseline("middle");
        g.fillText(yTitle, 0, 0);
        g.restore();
    }

    static double[] ticks(double a, double b, boolean log, int want) {
        if (log) {
            int lo = (int) Math.ceil(Math.log10(a) - 1e-9), hi = (int) Math.floor(Math.log10(b) + 1e-9);
            int every = Math.max(1, (hi - lo + 1 + want - 1) / want);
            double[] out = new double[Math.max(0, (hi - lo) / every + 1)];
            for (int i = 0; i < out.length; i++) out[i] = Math.pow(10, lo + i * every);
            return out;
        }
        double step = Math.pow(10, Math.floor(Math.log10((b - a) / want)));
        if ((b - a) / step > want * 5) step *= 5;
        else if ((b - a) / step > want * 2) step *= 2;
        double first = Math.ceil(a / step - 1e-9) * step;
        int n = (int) Math.floor((b - first) / step + 1e-9) + 1;
        double[] out = new double[Math.max(0, n)];
        for (int i = 0; i < out.length; i++) out[i] = first + i * step;
        return out;
    }

    static String tick(double v, boolean log) {
        if (log) {
            int e = (int) Math.round(Math.log10(v));
            return e >= -2 && e <= 3 ? Fmt.sig(v, 1) : "1e" + e;
        }
        // 0.1, 0.2 and 50, not 0.100, 0.200 and 50.0
        return Formulas.number(Fmt.roundSig(Math.abs(v) < 1e-12 ? 0 : v, 3));
    }
}
