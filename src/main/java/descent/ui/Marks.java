package descent.ui;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * An overlay of points, paths, arrows and labels in data coordinates, drawn over a {@link Heatmap} or
 * {@link Scatter}. Clear and refill it before each redraw; it keeps no history.
 *
 * <pre>{@code
 * Marks m = heatmap.marks();
 * m.clear();
 * m.point(0.2, -0.4, 5, ColorMap.classRgb(1), true);    // filled, outlined
 * m.arrow(0, 0, 0.3, 0.1, "#222", 2);                   // e.g. a gradient
 * m.path(new float[] {x0, y0, x1, y1, x2, y2}, "#d9612f", 2, false);
 * }</pre>
 */
public final class Marks {
    /** Maps data coordinates to CSS pixels of the canvas. */
    public interface Transform {
        double px(double x);

        double py(double y);
    }

    private static final int CIRCLE = 0, RING = 1, SQUARE = 2;

    private float[] pts = new float[64 * 3];
    private int[] ptFill = new int[64];
    private byte[] ptKind = new byte[64];
    private byte[] ptOutline = new byte[64];
    private int nPts;
    private final List<Object[]> shapes = new ArrayList<>();

    public void clear() {
        nPts = 0;
        shapes.clear();
    }

    /** A filled disc of radius r (CSS px) with an outline: light for {@code lightOutline}, dark otherwise. */
    public Marks point(double x, double y, double r, int rgb, boolean lightOutline) {
        return add(x, y, r, rgb, CIRCLE, lightOutline ? 1 : 2);
    }

    /** A hollow ring: points that are shown but not trained on (test data). */
    public Marks ring(double x, double y, double r, int rgb) {
        return add(x, y, r, rgb, RING, 0);
    }

    public Marks square(double x, double y, double r, int rgb, boolean lightOutline) {
        return add(x, y, r, rgb, SQUARE, lightOutline ? 1 : 2);
    }

    private Marks add(double x, double y, double r, int rgb, int kind, int outline) {
        if (nPts == ptFill.length) {
            int n = nPts * 2;
            pts = java.util.Arrays.copyOf(pts, n * 3);
            ptFill = java.util.Arrays.copyOf(ptFill, n);
            ptKind = java.util.Arrays.copyOf(ptKind, n);
            ptOutline = java.util.Arrays.copyOf(ptOutline, n);
        }
        pts[3 * nPts] = (float) x;
        pts[3 * nPts + 1] = (float) y;
        pts[3 * nPts + 2] = (float) r;
        ptFill[nPts] = rgb;
        ptKind[nPts] = (byte) kind;
        ptOutline[nPts] = (byte) outline;
        nPts++;
        return this;
    }

    /** A polyline through (x0, y0, x1, y1, ...). */
    public Marks path(float[] xy, String css, double width, boolean dashed) {
        shapes.add(new Object[] {"path", xy, css, width, dashed});
        return this;
    }

    /** Separate line segments (x0, y0, x1, y1, ...) in one colour and width, stroked as one path: contour lines. */
    public Marks segments(float[] xyxy, String css, double width) {
        shapes.add(new Object[] {"segments", xyxy, css, width, false});
        return this;
    }

    /** An arrow from (x0, y0) to (x1, y1) with a head scaled to the line width. */
    public Marks arrow(double x0, double y0, double x1, double y1, String css, double width) {
        shapes.add(new Object[] {"arrow", new float[] {(float) x0, (float) y0, (float) x1, (float) y1}, css, width,
            false});
        return this;
    }

    /** A text label at a data point, offset (dx, dy) CSS px, on a translucent backing for legibility. */
    public Marks text(double x, double y, double dx, double dy, String text, String css) {
        shapes.add(new Object[] {"text", new float[] {(float) x, (float) y, (float) dx, (float) dy}, css, 0.0, false,
            text});
        return this;
    }

    /** A crosshair ring marking a selected location. */
    public Marks target(double x, double y, String css) {
        shapes.add(new Object[] {"target", new float[] {(float) x, (float) y}, css, 2.0, false});
        return this;
    }

    public int pointCount() {
        return nPts;
    }

    void draw(CanvasRenderingContext2D g, Transform t) {
        String light = "rgba(255,255,255,0.95)";
        String dark = Theme.dark() ? "rgba(10,14,22,0.9)" : "rgba(23,32,47,0.85)";
        for (int i = 0; i < nPts; i++) {
            double x = t.px(pts[3 * i]), y = t.py(pts[3 * i + 1]), r = pts[3 * i + 2];
            String fill = ColorMap.hex(ptFill[i]);
            g.beginPath();
            if (ptKind[i] == SQUARE) {
                g.rect(x - r, y - r, 2 * r, 2 * r);
            } else {
                g.arc(x, y, r, 0, 2 * Math.PI);
            }
            if (ptKind[i] == RING) {
                g.setLineWidth(Math.max(1.5, r * 0.45));
                g.setStrokeStyle(light);
                g.stroke();
                g.setLineWidth(Math.max(1, r * 0.3));
                g.setStrokeStyle(fill);
                g.stroke();
            } else {
                g.setFillStyle(fill);
                g.fill();
                g.setLineWidth(r > 4 ? 1.25 : 1);
                g.setStrokeStyle(ptOutline[i] == 1 ? light : dark);
                g.stroke();
            }
        }
        for (Object[] s : shapes) {
            float[] c = (float[]) s[1];
            String css = (String) s[2];
            double w = (Double) s[3];
            switch ((String) s[0]) {
                case "path" -> {
                    if (c.length < 4) {
                        break;
                    }
                    g.setStrokeStyle(css);
                    g.setLineWidth(w);
                    Canvas.dash(g, (Boolean) s[4] ? 5 : 0, 4);
                    g.beginPath();
                    g.moveTo(t.px(c[0]), t.py(c[1]));
                    for (int i = 2; i + 1 < c.length; i += 2) {
                        g.lineTo(t.px(c[i]), t.py(c[i + 1]));
                    }
                    g.stroke();
                    Canvas.dash(g, 0, 0);
                }
                case "segments" -> {
                    g.setStrokeStyle(css);
                    g.setLineWidth(w);
                    g.beginPath();
                    for (int i = 0; i + 3 < c.length; i += 4) {
                        g.moveTo(t.px(c[i]), t.py(c[i + 1]));
                        g.lineTo(t.px(c[i + 2]), t.py(c[i + 3]));
                    }
                    g.stroke();
                }
                case "arrow" -> arrow(g, t.px(c[0]), t.py(c[1]), t.px(c[2]), t.py(c[3]), css, w);
                case "text" -> label(g, t.px(c[0]) + c[2], t.py(c[1]) + c[3], (String) s[5], css);
                case "target" -> {
                    double x = t.px(c[0]), y = t.py(c[1]);
                    g.setLineWidth(3.5);
                    g.setStrokeStyle(light);
                    g.beginPath();
                    g.arc(x, y, 8, 0, 2 * Math.PI);
                    g.stroke();
                    g.setLineWidth(2);
                    g.setStrokeStyle(css);
                    g.stroke();
                }
                default -> { }
            }
        }
    }

    static void arrow(CanvasRenderingContext2D g, double x0, double y0, double x1, double y1, String css, double w) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len < 1e-6) {
            return;
        }
        double ux = (x1 - x0) / len, uy = (y1 - y0) / len;
        double head = Math.min(len * 0.6, 5 + 2.5 * w);
        double bx = x1 - ux * head, by = y1 - uy * head;
        g.setLineCap("round");
        // a light halo under the shaft keeps the arrow visible on any background colour
        for (int pass = 0; pass < 2; pass++) {
            g.setStrokeStyle(pass == 0 ? "rgba(255,255,255,0.9)" : css);
            g.setFillStyle(pass == 0 ? "rgba(255,255,255,0.9)" : css);
            g.setLineWidth(pass == 0 ? w + 3 : w);
            g.beginPath();
            g.moveTo(x0, y0);
            g.lineTo(bx, by);
            g.stroke();
            double spread = head * 0.55 + (pass == 0 ? 1.5 : 0);
            g.beginPath();
            g.moveTo(x1 + (pass == 0 ? ux * 1.5 : 0), y1 + (pass == 0 ? uy * 1.5 : 0));
            g.lineTo(bx - uy * spread, by + ux * spread);
            g.lineTo(bx + uy * spread, by - ux * spread);
            g.closePath();
            g.fill();
        }
    }

    static void label(CanvasRenderingContext2D g, double x, double y, String text, String css) {
        g.setFont(Theme.boldFont(12));
        g.setTextBaseline("middle");
        g.setTextAlign("left");
        double w = g.measureText(text).getWidth();
        g.setFillStyle(Theme.dark() ? "rgba(15,20,32,0.8)" : "rgba(255,255,255,0.85)");
        g.fillRect(x - 3, y - 9, w + 6, 18);
        g.setFillStyle(css);
        g.fillText(text, x, y);
    }
}
