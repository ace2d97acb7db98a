package descent.labs.landscape;

import descent.ui.ColorMap;
import descent.ui.Csv;
import descent.ui.Dom;
import descent.ui.Figure;
import descent.ui.Fmt;
import descent.ui.Heatmap;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A 2-D cut through the landscape as a heat map with contour lines: a random-direction slice around one run's
 * weights, or the PCA plane of the path with the path drawn on it. The colour scale may be shared with a sibling
 * figure so two runs compare at a glance; with the log option colours follow log10(loss), which keeps the shape of
 * the valley visible when the walls are a thousand times higher than the floor.
 */
final class SliceFigure {
    final Figure fig;
    final Heatmap map;
    private final String xName, yName;
    private SliceGrid grid;
    private float[] picture;
    private int side;
    private boolean log;
    private SliceGrid lastGrid;
    private int lastSide;
    private double lastLo, lastHi;

    SliceFigure(HTMLElement parent, String id, String title, String xName, String yName) {
        fig = new Figure(parent, id, title);
        this.xName = xName;
        this.yName = yName;
        map = new Heatmap(fig, -1, 1, -1, 1);
        map.readout((x, y, v) -> xName + " " + Fmt.sig(x, 2) + ", " + yName + " " + Fmt.sig(y, 2)
                + (Double.isNaN(v) ? "" : ":  loss " + Fmt.sig(log ? Math.pow(10, v) : v, 4)));
        fig.exports(map::canvas, this::csv);
        fig.table(this::rows);
    }

    void caption(String text) {
        fig.caption(text);
    }

    /** The grid on screen, or null. */
    SliceGrid grid() {
        return grid;
    }

    /**
     * Shows a grid (a no-op when nothing changed since the last call) with colours from lo to hi (losses); the
     * caller adds marks and calls {@link #redraw}. Returns whether anything new is on screen.
     */
    boolean show(SliceGrid g, double lo, double hi, boolean logScale) {
        if (g == null || g == lastGrid && g.pictureSide() == lastSide && lo == lastLo && hi == lastHi
                && logScale == log) {
            return false;
        }
        lastGrid = g;
        lastSide = g.pictureSide();
        lastLo = lo;
        lastHi = hi;
        grid = g;
        log = logScale;
        side = g.pictureSide();
        picture = g.picture();
        float[] shown = new float[picture.length];
        for (int i = 0; i < shown.length; i++) shown[i] = log ? (float) Math.log10(Math.max(picture[i], 1e-12)) : picture[i];
        double a = log ? Math.log10(Math.max(lo, 1e-12)) : lo, b = log ? Math.log10(Math.max(hi, 1e-12)) : hi;
        map.extent(g.x0, g.x1, g.y0, g.y1);
        map.logBar(log);
        map.values(shown, side, side, ColorMap.SEQUENTIAL, a, b, log ? "loss (log scale)" : "loss");
        map.marks().clear();
        contours(shown, a, b);
        Dom.attr(fig.root(), "data-res", Integer.toString(side));
        Dom.attr(fig.root(), "data-center", Float.toString(g.centerValue()));
        Dom.attr(fig.root(), "data-coarse", coarse(g));
        return true;
    }

    /** Eight contour levels across the colour range, in the colour bar's own units. */
    private void contours(float[] shown, double a, double b) {
        double[] levels = Contours.levels(a, b, 8, false, 0);
        for (double level : levels) {
            float[] s = Contours.segments(shown, side, level);
            // grid coordinates (column, row from the top) to data coordinates
            for (int i = 0; i < s.length; i += 2) {
                s[i] = (float) (grid.x0 + s[i] * (grid.x1 - grid.x0) / (side - 1));
                s[i + 1] = (float) (grid.y1 - s[i + 1] * (grid.y1 - grid.y0) / (side - 1));
            }
            map.marks().segments(s, "rgba(255,255,255,0.45)", 1);
        }
    }

    void redraw() {
        map.redraw();
    }

    /** The 9 x 9 subgrid every picture contains, for tests: a URL must reproduce it, the GPU must match it. */
    private static String coarse(SliceGrid g) {
        StringBuilder sb = new StringBuilder();
        int step = (g.res - 1) / 8;
        for (int j = 0; j < g.res; j += step) {
            for (int i = 0; i < g.res; i += step) {
                if (sb.length() > 0) sb.append(',');
                sb.append(Float.toString(g.value(i, j)));
            }
        }
        return sb.toString();
    }

    private String csv() {
        Csv csv = new Csv();
        csv.row(xName, yName, "loss");
        if (grid != null) {
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    csv.row(grid.x0 + c * (grid.x1 - grid.x0) / (side - 1),
                            grid.y1 - r * (grid.y1 - grid.y0) / (side - 1), picture[r * side + c]);
                }
            }
        }
        return csv.toString();
    }

    private List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {yName + " \\ " + xName, "", "", "", "", "", "", "", "", ""});
        if (grid == null) return rows;
        String[] head = rows.get(0);
        int step = Math.max(1, (side - 1) / 8);
        for (int c = 0, k = 1; c < side && k < head.length; c += step, k++) {
            head[k] = Fmt.sig(grid.x0 + c * (grid.x1 - grid.x0) / (side - 1), 2);
        }
        for (int r = 0; r < side; r += step) {
            String[] row = new String[head.length];
            row[0] = Fmt.sig(grid.y1 - r * (grid.y1 - grid.y0) / (side - 1), 2);
            for (int c = 0, k = 1; c < side && k < head.length; c += step, k++) row[k] = Fmt.sig(picture[r * side + c], 4);
            rows.add(row);
        }
        return rows;
    }
}
