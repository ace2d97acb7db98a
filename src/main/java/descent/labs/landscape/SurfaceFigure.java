package descent.labs.landscape;

import descent.ui.ColorMap;
import descent.ui.Dom;
import descent.ui.Figure;
import descent.ui.Pointer;
import descent.ui.Surface;
import descent.ui.Theme;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * The slice as a 3-D surface, the picture from the paper. Drag to turn it (a finger's horizontal drag turns, vertical
 * swipes still scroll the page), wheel or pinch to zoom, arrow keys when focused. Drawn by a WebGPU render pipeline
 * when the page has a GPU ({@link GpuSurface}), else projected onto a Canvas2D with the painter's algorithm: quads
 * sorted far to near, each filled with its colour-map colour shaded by its slope.
 */
final class SurfaceFigure {
    /** Quads per side at most for the Canvas2D path: 64 x 64 fills stay within a few milliseconds. */
    static final int MAX_SIDE = 65;

    final Figure fig;
    private final Surface surface;
    final SurfaceCamera camera = new SurfaceCamera();
    private final Runnable changed;
    private float[] heights = new float[0];   // (S, S) world heights in [-0.5, 0.5], row 0 at b = max
    private float[] shade = new float[0];     // (S, S) colour-map positions in [0, 1]
    private int side;

    SurfaceFigure(HTMLElement parent, Runnable changed) {
        this.changed = changed;
        fig = new Figure(parent, "surface", "The slice as a surface");
        surface = new Surface(fig.body(), w -> Math.min(420, Math.round(w * 0.7)));
        HTMLElement canvas = surface.canvas();
        canvas.getClassList().add("surface-3d");
        canvas.setAttribute("tabindex", "0");
        canvas.setAttribute("role", "img");
        canvas.setAttribute("aria-label", "The loss surface in 3-D; arrow keys turn it, plus and minus zoom.");
        surface.onResize(changed);
        Pointer.attach(canvas, new Pointer.Handler() {
            private double lastX, lastY;

            @Override
            public boolean dragStart(double x, double y, boolean touch) {
                lastX = x;
                lastY = y;
                return true;
            }

            @Override
            public void dragMove(double x, double y) {
                double size = Math.max(100, surface.width());
                camera.drag((x - lastX) / size, (y - lastY) / size);
                lastX = x;
                lastY = y;
                changed.run();
            }
        });
        onWheel(canvas, dy -> {
            camera.zoomBy(Math.exp(-dy * 0.0015));
            changed.run();
        });
        onPinch(canvas, ratio -> {
            camera.zoomBy(ratio);
            changed.run();
        });
        onKey(canvas, key -> {
            switch (key) {
                case "ArrowLeft" -> camera.drag(-0.04, 0);
                case "ArrowRight" -> camera.drag(0.04, 0);
                case "ArrowUp" -> camera.drag(0, -0.04);
                case "ArrowDown" -> camera.drag(0, 0.04);
                case "+", "=" -> camera.zoomBy(1.15);
                case "-" -> camera.zoomBy(1 / 1.15);
                default -> {
                    return;
                }
            }
            changed.run();
        });
        fig.tool("Reset view", "Turn the surface back to the starting view", () -> {
            camera.azimuth = new SurfaceCamera().azimuth;
            camera.elevation = new SurfaceCamera().elevation;
            camera.zoom = 1;
            changed.run();
        });
        fig.exports(surface::canvas, null);
    }

    Surface surface() {
        return surface;
    }

    /**
     * New heights from a picture (side x side losses, row 0 at the top) mapped through the colour scale lo..hi
     * (log10 when {@code log}); finer grids are thinned to {@link #MAX_SIDE}.
     */
    void data(float[] picture, int pictureSide, double lo, double hi, boolean log) {
        int step = 1;
        while ((pictureSide - 1) / step + 1 > MAX_SIDE) step *= 2;
        side = (pictureSide - 1) / step + 1;
        heights = new float[side * side];
        shade = new float[side * side];
        double a = log ? Math.log10(Math.max(lo, 1e-12)) : lo, b = log ? Math.log10(Math.max(hi, 1e-12)) : hi;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                double v = picture[(r * step) * pictureSide + c * step];
                double t = ((log ? Math.log10(Math.max(v, 1e-12)) : v) - a) / (b - a == 0 ? 1 : b - a);
                t = Math.max(0, Math.min(1, t));
                shade[r * side + c] = (float) t;
                heights[r * side + c] = (float) (0.9 * t - 0.45);
            }
        }
    }

    boolean hasData() {
        return side > 1;
    }

    float[] heights() {
        return heights;
    }

    float[] shade() {
        return shade;
    }

    int side() {
        return side;
    }

    /**
     * Draws the figure: the surface rendered by the GPU ({@code gpuImage}, device pixels) or, when that is null,
     * projected here with Canvas2D; then the dot for the current weights and the names of the axes.
     */
    void draw(JSObject gpuImage) {
        CanvasRenderingContext2D g = surface.begin();
        double w = surface.width(), h = surface.height();
        g.setFillStyle(Theme.panel());
        g.fillRect(0, 0, w, h);
        if (!hasData()) {
            g.setFillStyle(Theme.muted());
            g.setFont(Theme.font(13));
            g.setTextAlign("center");
            g.fillText("computing the first slice\u2026", w / 2, h / 2);
            return;
        }
        // which renderer drew the picture, for the page's tests and for anyone inspecting it
        surface.canvas().setAttribute("data-renderer", gpuImage != null ? "webgpu" : "canvas2d");
        if (gpuImage != null) {
            putImage(g, gpuImage);
        } else {
            floor(g, w, h);
            mesh(g, w, h);
        }
        double[] p = new double[3];
        double scale = Math.min(w, h) / 2, cx = w / 2, cy = h / 2;
        camera.project(0, 0, heights[(side / 2) * side + side / 2], p);
        g.setFillStyle("#ffffff");
        g.setStrokeStyle("#17202f");
        g.setLineWidth(2);
        g.beginPath();
        g.arc(cx + p[0] * scale, cy - p[1] * scale, 5, 0, 2 * Math.PI);
        g.fill();
        g.stroke();
        axisNames(g, w, h);
    }

    /** The quads, far to near, each filled with its shaded colour. */
    private void mesh(CanvasRenderingContext2D g, double w, double h) {
        int q = side - 1;
        int[] order = camera.paintOrder(heights, side);
        float[] xy = new float[order.length * 8];
        int[] rgb = new int[order.length];
        double[] p = new double[3];
        double scale = Math.min(w, h) / 2, cx = w / 2, cy = h / 2;
        for (int k = 0; k < order.length; k++) {
            int r = order[k] / q, c = order[k] % q;
            int[][] corners = {{r, c}, {r, c + 1}, {r + 1, c + 1}, {r + 1, c}};
            for (int i = 0; i < 4; i++) {
                int rr = corners[i][0], cc = corners[i][1];
                camera.project(-1 + 2.0 * cc / q, 1 - 2.0 * rr / q, heights[rr * side + cc], p);
                xy[k * 8 + 2 * i] = (float) (cx + p[0] * scale);
                xy[k * 8 + 2 * i + 1] = (float) (cy - p[1] * scale);
            }
            rgb[k] = shaded(r, c);
        }
        quads(g, Float32Array.copyFromJavaArray(xy), Int32Array.copyFromJavaArray(rgb), order.length);
    }

    /** The quad's colour-map colour, darkened where it faces away from a light above and to the left. */
    int shaded(int r, int c) {
        double t = (shade[r * side + c] + shade[r * side + c + 1] + shade[(r + 1) * side + c]
                + shade[(r + 1) * side + c + 1]) / 4;
        double dzdx = (heights[r * side + c + 1] - heights[r * side + c]) * (side - 1) / 2.0;
        double dzdy = (heights[r * side + c] - heights[(r + 1) * side + c]) * (side - 1) / 2.0;
        double nz = 1 / Math.sqrt(1 + dzdx * dzdx + dzdy * dzdy);
        double lambert = nz * (0.35 * -dzdx + 0.35 * -dzdy + 0.87); // light from (-0.35, -0.35, 0.87) reversed
        double k = 0.55 + 0.45 * Math.max(0, Math.min(1, lambert));
        int rgb = ColorMap.SEQUENTIAL.rgb(t);
        int red = (int) ((rgb >> 16 & 255) * k), green = (int) ((rgb >> 8 & 255) * k), blue = (int) ((rgb & 255) * k);
        return red << 16 | green << 8 | blue;
    }

    /** The outline of the floor square, so the turn of the view is readable. */
    private void floor(CanvasRenderingContext2D g, double w, double h) {
        double scale = Math.min(w, h) / 2, cx = w / 2, cy = h / 2;
        double[] p = new double[3];
        double[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        g.setStrokeStyle(Theme.border());
        g.setLineWidth(1);
        g.beginPath();
        for (int i = 0; i <= 4; i++) {
            camera.project(corners[i % 4][0], corners[i % 4][1], -0.5, p);
            if (i == 0) g.moveTo(cx + p[0] * scale, cy - p[1] * scale);
            else g.lineTo(cx + p[0] * scale, cy - p[1] * scale);
        }
        g.stroke();
    }

    /** alpha and beta at the ends of the two axes, on the floor. */
    private void axisNames(CanvasRenderingContext2D g, double w, double h) {
        double scale = Math.min(w, h) / 2, cx = w / 2, cy = h / 2;
        double[] p = new double[3];
        g.setFillStyle(Theme.fg());
        g.setFont(Theme.boldFont(13));
        g.setTextAlign("center");
        g.setTextBaseline("middle");
        camera.project(1.15, 0, -0.5, p);
        g.fillText("\u03b1", cx + p[0] * scale, cy - p[1] * scale);
        camera.project(0, 1.15, -0.5, p);
        g.fillText("\u03b2", cx + p[0] * scale, cy - p[1] * scale);
    }

    @JSBody(params = {"g", "xy", "rgb", "n"}, script = ""
            + "for (var k = 0; k < n; k++) { var o = 8 * k, c = rgb[k];"
            + "  var css = 'rgb(' + (c >> 16 & 255) + ',' + (c >> 8 & 255) + ',' + (c & 255) + ')';"
            + "  g.fillStyle = css; g.strokeStyle = css; g.lineWidth = 0.6; g.beginPath();"
            + "  g.moveTo(xy[o], xy[o + 1]); g.lineTo(xy[o + 2], xy[o + 3]);"
            + "  g.lineTo(xy[o + 4], xy[o + 5]); g.lineTo(xy[o + 6], xy[o + 7]); g.closePath();"
            + "  g.fill(); g.stroke(); }")
    private static native void quads(CanvasRenderingContext2D g, Float32Array xy, Int32Array rgb, int n);

    @JSBody(params = {"g", "img"}, script = "g.putImageData(img, 0, 0);")
    private static native void putImage(CanvasRenderingContext2D g, JSObject img);

    @JSFunctor
    interface NumberCallback extends JSObject {
        void call(double v);
    }

    @JSFunctor
    interface KeyCallback extends JSObject {
        void call(String key);
    }

    @JSBody(params = {"el", "cb"}, script = "el.addEventListener('wheel', function (e) {"
            + " e.preventDefault(); cb(e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY); }, {passive: false});")
    private static native void onWheel(HTMLElement el, NumberCallback cb);

    @JSBody(params = {"el", "cb"}, script = "el.addEventListener('keydown', function (e) {"
            + " if (/^(Arrow(Left|Right|Up|Down)|[-+=])$/.test(e.key)) { e.preventDefault(); cb(e.key); } });")
    private static native void onKey(HTMLElement el, KeyCallback cb);

    /** Two fingers: reports the change of their distance as a ratio, move by move. */
    @JSBody(params = {"el", "cb"}, script = "var pts = new Map(), last = 0;"
            + "function d() { var v = Array.from(pts.values()); return Math.hypot(v[0][0] - v[1][0], v[0][1] - v[1][1]); }"
            + "el.addEventListener('pointerdown', function (e) { if (e.pointerType !== 'mouse') {"
            + "  pts.set(e.pointerId, [e.clientX, e.clientY]); if (pts.size === 2) last = d(); } });"
            + "el.addEventListener('pointermove', function (e) { if (!pts.has(e.pointerId)) return;"
            + "  pts.set(e.pointerId, [e.clientX, e.clientY]);"
            + "  if (pts.size === 2) { var now = d(); if (last > 10 && now > 10) cb(now / last); last = now; } });"
            + "var end = function (e) { pts.delete(e.pointerId); last = 0; };"
            + "el.addEventListener('pointerup', end); el.addEventListener('pointercancel', end);")
    private static native void onPinch(HTMLElement el, NumberCallback cb);
}
