package descent.labs.mupmuon;

import descent.ui.ColorMap;
import descent.ui.Figure;
import descent.ui.Surface;
import descent.ui.Theme;
import descent.ui.Ticks;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * Singular values step by step: one strip per iterate, input first, a tick at every singular value. Ticks are
 * coloured by the value's rank in the input (dark for the largest), so the eye can follow one value down the steps.
 * A dashed line marks σ = 1, a shaded band the interval the last step's values fill.
 */
final class StripPlot {
    private static final double ROW = 30, LEFT = 58, RIGHT = 12, AXIS = 26;
    private final Surface surface;
    private double[][] rows = new double[0][];
    private int current = -1;
    private double xMax = 1.25;

    StripPlot(Figure fig) {
        surface = new Surface(fig.body(), w -> rowsHeight());
        surface.onResize(this::redraw);
    }

    private double rowsHeight() {
        return Math.max(2, rows.length) * ROW + AXIS + 8;
    }

    /** rows[k] = singular values after step k (k = 0 is the normalised input); {@code current} is highlighted. */
    void set(double[][] rows, int current) {
        boolean resize = rows.length != this.rows.length;
        this.rows = rows;
        this.current = current;
        double max = 1.25;
        for (double[] r : rows) for (double s : r) if (Double.isFinite(s)) max = Math.max(max, s);
        xMax = Math.min(max * 1.04, 3);
        if (resize) surface.shape(w -> rowsHeight());
    }

    Surface surface() {
        return surface;
    }

    private double px(double s) {
        return LEFT + Math.min(s, xMax) / xMax * (surface.width() - LEFT - RIGHT);
    }

    void redraw() {
        CanvasRenderingContext2D g = surface.begin();
        double w = surface.width();
        g.setFillStyle(Theme.panel());
        g.fillRect(0, 0, w, surface.height());
        double bottom = rows.length * ROW + 4;
        if (rows.length > 0) {
            double lo = Double.POSITIVE_INFINITY, hi = 0;
            for (double s : rows[rows.length - 1]) {
                lo = Math.min(lo, s);
                hi = Math.max(hi, s);
            }
            g.setFillStyle(ColorMap.rgba(0xd9612f, 0.13));
            g.fillRect(px(lo), 2, Math.max(1, px(hi) - px(lo)), bottom - 2);
        }
        for (int k = 0; k < rows.length; k++) {
            double y = k * ROW + 4;
            if (k == current) {
                g.setFillStyle(Theme.dark() ? "rgba(255,255,255,0.08)" : "rgba(23,32,47,0.06)");
                g.fillRect(0, y, w, ROW);
            }
            g.setFillStyle(k == current ? Theme.fg() : Theme.muted());
            g.setFont(k == current ? Theme.boldFont(12) : Theme.font(12));
            g.setTextAlign("right");
            g.setTextBaseline("middle");
            g.fillText(k == 0 ? "input" : "step " + k, LEFT - 8, y + ROW / 2);
            g.setStrokeStyle(Theme.border());
            g.setLineWidth(1);
            g.beginPath();
            g.moveTo(LEFT, y + ROW / 2 + 0.5);
            g.lineTo(w - RIGHT, y + ROW / 2 + 0.5);
            g.stroke();
            double[] r = rows[k];
            g.setLineWidth(1.5);
            for (int i = r.length - 1; i >= 0; i--) {
                if (!Double.isFinite(r[i])) continue;
                g.setStrokeStyle(ColorMap.SEQUENTIAL.css(0.08 + 0.8 * i / Math.max(1, r.length - 1)));
                double x = Math.round(px(r[i])) + 0.5;
                g.beginPath();
                g.moveTo(x, y + 6);
                g.lineTo(x, y + ROW - 6);
                g.stroke();
            }
        }
        // σ = 1, where an orthogonal matrix has all of them
        g.setStrokeStyle(Theme.fg());
        g.setLineWidth(1);
        descent.ui.Canvas.dash(g, 4, 4);
        g.beginPath();
        g.moveTo(px(1) + 0.5, 2);
        g.lineTo(px(1) + 0.5, bottom);
        g.stroke();
        descent.ui.Canvas.dash(g, 0, 0);
        g.setFillStyle(Theme.muted());
        g.setFont(Theme.font(11));
        g.setTextAlign("center");
        g.setTextBaseline("top");
        double[] ticks = Ticks.nice(0, xMax, surface.width() < 420 ? 4 : 6);
        for (double t : ticks) {
            if (t > xMax) continue;
            g.fillText(Ticks.label(t, ticks), px(t), bottom + 6);
        }
        // under the row labels, clear of the 0 tick centred on the axis start
        g.setTextAlign("right");
        g.fillText("\u03c3", LEFT - 20, bottom + 6);
    }
}
