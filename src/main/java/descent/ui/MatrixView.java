package descent.ui;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A matrix with labelled rows and columns (attention weights, a confusion matrix, a weight matrix): one coloured
 * cell per entry, the numbers printed when cells are big enough, the exact value on hover or tap, a colour bar.
 *
 * <pre>{@code
 * MatrixView m = new MatrixView(fig);
 * m.set(values, rows, cols, rowLabels, colLabels, ColorMap.SEQUENTIAL, 0, 1);  // row-major (rows, cols)
 * m.redraw();
 * }</pre>
 */
public final class MatrixView {
    private final Figure fig;
    private final Surface surface;
    private final HTMLElement readout;
    private float[] v = new float[0];
    private int rows, cols;
    private List<String> rowLabels = List.of(), colLabels = List.of();
    private ColorMap map = ColorMap.SEQUENTIAL;
    private double lo, hi = 1;
    private String rowTitle = "", colTitle = "";
    private double left, top, cell;
    private int hoverR = -1, hoverC = -1;

    public MatrixView(Figure fig) {
        this.fig = fig;
        surface = new Surface(fig.body(), this::heightFor);
        readout = Dom.add(fig.body(), "div.readout");
        readout.setHidden(true);
        surface.onResize(this::redraw);
        Pointer.attach(surface.canvas(), new Pointer.Handler() {
            @Override
            public void hover(double x, double y) {
                pick(x, y);
            }

            @Override
            public void tap(double x, double y, boolean touch) {
                pick(x, y);
            }

            @Override
            public void leave() {
                hoverR = -1;
                readout.setHidden(true);
                redraw();
            }
        });
        fig.table(this::tableRows);
    }

    /** Entries row-major (rows, cols); labels may be empty (indices are used). */
    public void set(float[] values, int rows, int cols, List<String> rowLabels, List<String> colLabels, ColorMap map,
            double lo, double hi) {
        this.v = values;
        boolean reshape = rows != this.rows || cols != this.cols;
        this.rows = rows;
        this.cols = cols;
        this.rowLabels = rowLabels;
        this.colLabels = colLabels;
        this.map = map;
        this.lo = lo;
        this.hi = hi;
        if (reshape) {
            surface.shape(this::heightFor);
        }
        fig.refreshTable();
    }

    /** Axis titles, e.g. "true class" and "predicted class". */
    public void titles(String rowTitle, String colTitle) {
        this.rowTitle = rowTitle;
        this.colTitle = colTitle;
    }

    public Surface surface() {
        return surface;
    }

    private double heightFor(double w) {
        double c = cellFor(w);
        return 34 + (colTitle.isEmpty() ? 0 : 16) + Math.max(1, rows) * c + 40;
    }

    private double cellFor(double w) {
        double labelW = 16 + 7 * maxLen(rowLabels, rows) + (rowTitle.isEmpty() ? 0 : 16);
        return Math.max(6, Math.min(48, (w - labelW - 8) / Math.max(1, cols)));
    }

    private static int maxLen(List<String> labels, int n) {
        int m = Integer.toString(n).length();
        for (String s : labels) {
            m = Math.max(m, Math.min(s.length(), 10));
        }
        return m;
    }

    private String rowLabel(int r) {
        return r < rowLabels.size() ? rowLabels.get(r) : Integer.toString(r);
    }

    private String colLabel(int c) {
        return c < colLabels.size() ? colLabels.get(c) : Integer.toString(c);
    }

    public void redraw() {
        CanvasRenderingContext2D g = surface.begin();
        cell = cellFor(surface.width());
        left = 16 + 7 * maxLen(rowLabels, rows) + (rowTitle.isEmpty() ? 0 : 16);
        top = 34 + (colTitle.isEmpty() ? 0 : 16);
        double span = hi - lo == 0 ? 1 : hi - lo;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double t = (v[r * cols + c] - lo) / span;
                g.setFillStyle(map.css(t));
                g.fillRect(left + c * cell, top + r * cell, cell + 0.5, cell + 0.5);
                if (cell >= 30) {
                    g.setFillStyle(ColorMap.lightness(map.rgb(t)) > 0.62 ? "#17202f" : "#ffffff");
                    g.setFont(Theme.font(Math.min(12, cell * 0.3)));
                    g.setTextAlign("center");
                    g.setTextBaseline("middle");
                    g.fillText(Fmt.sig(v[r * cols + c], 2), left + (c + 0.5) * cell, top + (r + 0.5) * cell);
                }
            }
        }
        g.setFillStyle(Theme.fg());
        g.setFont(Theme.font(11));
        g.setTextAlign("right");
        g.setTextBaseline("middle");
        for (int r = 0; r < rows; r++) {
            if (cell >= 11 || r % Math.ceil(11 / cell) == 0) {
                g.fillText(shorten(rowLabel(r)), left - 5, top + (r + 0.5) * cell);
            }
        }
        for (int c = 0; c < cols; c++) {
            if (cell >= 11 || c % Math.ceil(11 / cell) == 0) {
                g.save();
                g.translate(left + (c + 0.5) * cell, top - 5);
                if (cell < 7 * colLabel(c).length() + 4) {
                    g.rotate(-Math.PI / 4);
                    g.setTextAlign("left");
                } else {
                    g.setTextAlign("center");
                }
                g.setTextBaseline("bottom");
                g.fillText(shorten(colLabel(c)), 0, 0);
                g.restore();
            }
        }
        g.setFillStyle(Theme.muted());
        g.setFont(Theme.boldFont(11));
        if (!colTitle.isEmpty()) {
            g.setTextAlign("center");
            g.setTextBaseline("top");
            g.fillText(colTitle, left + cols * cell / 2, 2);
        }
        if (!rowTitle.isEmpty()) {
            g.save();
            g.translate(10, top + rows * cell / 2);
            g.rotate(-Math.PI / 2);
            g.setTextAlign("center");
            g.setTextBaseline("middle");
            g.fillText(rowTitle, 0, 0);
            g.restore();
        }
        if (hoverR >= 0) {
            g.setStrokeStyle(Theme.fg());
            g.setLineWidth(2);
            g.strokeRect(left + hoverC * cell, top + hoverR * cell, cell, cell);
        }
        colorbar(g, top + rows * cell + 10, Math.min(cols * cell, surface.width() - left - 8));
    }

    private void colorbar(CanvasRenderingContext2D g, double y, double w) {
        for (int i = 0; i < 48; i++) {
            g.setFillStyle(map.css(i / 47.0));
            g.fillRect(left + w * i / 48, y, w / 48 + 0.6, 8);
        }
        double[] t = Ticks.nice(lo, hi, w < 200 ? 3 : 5);
        g.setFillStyle(Theme.muted());
        g.setFont(Theme.font(10.5));
        g.setTextAlign("center");
        g.setTextBaseline("top");
        for (double x : t) {
            g.fillText(Ticks.label(x, t), left + (x - lo) / (hi - lo) * w, y + 11);
        }
    }

    private static String shorten(String s) {
        return s.length() > 10 ? s.substring(0, 9) + "\u2026" : s;
    }

    private void pick(double x, double y) {
        int c = (int) Math.floor((x - left) / cell), r = (int) Math.floor((y - top) / cell);
        if (r < 0 || c < 0 || r >= rows || c >= cols) {
            hoverR = -1;
            readout.setHidden(true);
            redraw();
            return;
        }
        hoverR = r;
        hoverC = c;
        Dom.text(readout, rowLabel(r) + " \u2192 " + colLabel(c) + ": " + Fmt.sig(v[r * cols + c], 4));
        readout.setHidden(false);
        double rx = Math.min(left + (c + 1) * cell + 6, surface.width() - readout.getOffsetWidth());
        readout.getStyle().setProperty("left", Math.max(0, rx) + "px");
        readout.getStyle().setProperty("top", Math.max(0, top + r * cell - 28) + "px");
        redraw();
    }

    private List<String[]> tableRows() {
        List<String[]> out = new ArrayList<>();
        String[] head = new String[cols + 1];
        head[0] = rowTitle.isEmpty() ? "" : rowTitle;
        for (int c = 0; c < cols; c++) {
            head[c + 1] = colLabel(c);
        }
        out.add(head);
        for (int r = 0; r < rows; r++) {
            String[] row = new String[cols + 1];
            row[0] = rowLabel(r);
            for (int c = 0; c < cols; c++) {
                row[c + 1] = Fmt.sig(v[r * cols + c], 4);
            }
            out.add(row);
        }
        return out;
    }

    /** The matrix as CSV, for the figure's export. */
    public String csv() {
        Csv csv = new Csv();
        Object[] head = new Object[cols + 1];
        head[0] = "row";
        for (int c = 0; c < cols; c++) {
            head[c + 1] = colLabel(c);
        }
        csv.row(head);
        for (int r = 0; r < rows; r++) {
            Object[] row = new Object[cols + 1];
            row[0] = rowLabel(r);
            for (int c = 0; c < cols; c++) {
                row[c + 1] = (double) v[r * cols + c];
            }
            csv.row(row);
        }
        return csv.toString();
    }
}
