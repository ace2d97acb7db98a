package descent.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.typedarrays.Uint8ClampedArray;

/** Canvas helpers TeaVM's bindings lack, and pixel transfer from Java arrays, each kept small and plain. */
public final class Canvas {
    private Canvas() {
    }

    public static HTMLCanvasElement create(int width, int height) {
        HTMLCanvasElement c = (HTMLCanvasElement) Dom.doc().createElement("canvas");
        c.setWidth(Math.max(1, width));
        c.setHeight(Math.max(1, height));
        return c;
    }

    public static CanvasRenderingContext2D context(HTMLCanvasElement c) {
        return (CanvasRenderingContext2D) c.getContext("2d");
    }

    /**
     * Copies {@code pixels} (w x h, packed 0xAABBGGRR as {@link ColorMap#abgr} gives them) into {@code target}, a
     * canvas of exactly that size, in one bulk copy.
     */
    public static void putPixels(HTMLCanvasElement target, int[] pixels, int w, int h) {
        Int32Array ints = Int32Array.copyFromJavaArray(pixels);
        ImageData img = ImageData.create(Uint8ClampedArray.create(ints.getBuffer(), 0, w * h * 4), w, h);
        context(target).putImageData(img, 0, 0);
    }

    @JSBody(params = {"ctx", "on"}, script = "ctx.imageSmoothingEnabled = on;")
    public static native void smoothing(CanvasRenderingContext2D ctx, boolean on);

    @JSBody(params = {"ctx", "a", "b"}, script = "ctx.setLineDash(a > 0 ? [a, b] : []);")
    public static native void dash(CanvasRenderingContext2D ctx, double a, double b);

    @JSBody(params = {"el", "id"}, script = "try { el.setPointerCapture(id); } catch (e) {}")
    public static native void capture(HTMLElement el, int id);

    /**
     * Strokes many line segments in one call: {@code seg} holds (x0, y0, x1, y1) per segment, {@code style} an index
     * into {@code colours} and {@code widths} the line width per segment. Segments are batched by style, so a
     * network with thousands of edges costs a handful of canvas strokes.
     */
    public static void segments(CanvasRenderingContext2D ctx, float[] seg, float[] widths, int[] style,
            String[] colours, int count) {
        segmentsJs(ctx, Float32Array.copyFromJavaArray(seg), Float32Array.copyFromJavaArray(widths),
                Int32Array.copyFromJavaArray(style), String.join("|", colours), count);
    }

    @JSBody(params = {"ctx", "seg", "widths", "style", "colours", "count"}, script = ""
            + "const cs = colours.split('|'); const order = [];"
            + "for (var i = 0; i < count; i++) order.push(i);"
            + "order.sort((a, b) => (style[a] - style[b]) || (widths[a] - widths[b]));"
            + "var s = -1, w = -1;"
            + "for (var q = 0; q < order.length; q++) { var i = order[q];"
            + "  if (style[i] !== s || Math.abs(widths[i] - w) > 0.25) {"
            + "    if (s >= 0) ctx.stroke();"
            + "    s = style[i]; w = widths[i]; ctx.strokeStyle = cs[s]; ctx.lineWidth = w; ctx.beginPath();"
            + "  }"
            + "  ctx.moveTo(seg[4 * i], seg[4 * i + 1]); ctx.lineTo(seg[4 * i + 2], seg[4 * i + 3]);"
            + "}"
            + "if (s >= 0) ctx.stroke();")
    private static native void segmentsJs(CanvasRenderingContext2D ctx, Float32Array seg, Float32Array widths,
            Int32Array style, String colours, int count);

    @JSBody(params = {"ev"}, script = "ev.preventDefault();")
    public static native void preventDefault(JSObject ev);
}
