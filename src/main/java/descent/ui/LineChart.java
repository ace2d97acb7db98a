package descent.ui;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Curves over steps on uPlot: many series, linear or log y, a legend that shows the latest values (or the values
 * under the cursor), drag-to-zoom with a mouse, pinch and pan with fingers, "Reset zoom", and streaming appends into
 * a fixed store: when it fills, every other row is dropped and later rows are kept at half the rate, so a long run
 * costs constant memory and no reallocation.
 *
 * <pre>{@code
 * LineChart loss = new LineChart(fig, "step", List.of(
 *         new LineChart.Series("train", ColorMap.classRgb(0), false),
 *         new LineChart.Series("test", ColorMap.classRgb(1), true)));
 * loss.logY(true);
 * loss.append(step, trainLoss, testLoss);   // NaN leaves a gap
 * loss.redraw();                           // at most once per frame; cheap when nothing changed
 * }</pre>
 */
public final class LineChart {
    /**
     * A curve: its legend label, colour (0xRRGGBB), whether it is dashed, and whether it joins its points across rows
     * where it has no value ({@code spanGaps}: a series sampled less often than the others, such as a test loss
     * evaluated every 25 steps beside a training loss recorded every step).
     */
    public record Series(String label, int rgb, boolean dashed, boolean spanGaps) {
        public Series(String label, int rgb, boolean dashed) {
            this(label, rgb, dashed, false);
        }
    }

    static final int CAPACITY = 2048;
    private final Figure fig;
    private final String xLabel;
    private final List<Series> series;
    private final HTMLElement host;
    private final HTMLElement legend;
    private final List<HTMLElement> legendValues = new ArrayList<>();
    private final boolean[] hidden;
    private final double[] latest;
    private final JSObject cols;
    private JSObject plot;
    private int n;
    private long calls;
    private int stride = 1;
    private boolean logY, wholeX;
    /** Tick spacings for {@link #wholeX}: 1, 2, 5, 10, 20, 50 ... up to 5e6. */
    private static final String WHOLE_STEPS = "[1,2,5,10,20,50,100,200,500,1000,2000,5000,10000,20000,50000,"
            + "100000,200000,500000,1000000,2000000,5000000]";
    private boolean gaps;
    private boolean dirty = true;
    private boolean zoomed;
    private int cursor = -1;
    private int width, height;
    private final HTMLElement resetZoom;
    private final TouchZoom touch = new TouchZoom();

    public LineChart(Figure fig, String xLabel, List<Series> series) {
        this.fig = fig;
        this.xLabel = xLabel;
        this.series = series;
        this.hidden = new boolean[series.size()];
        this.latest = new double[series.size()];
        java.util.Arrays.fill(latest, Double.NaN);
        cols = UPlot.columns(series.size() + 1, CAPACITY);
        legend = Dom.add(fig.body(), "ul.chart-legend");
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            HTMLElement li = Dom.add(legend, "li");
            HTMLElement b = Dom.add(li, "button.legend-item");
            b.setAttribute("type", "button");
            b.setAttribute("aria-pressed", "true");
            b.setAttribute("title", "Show or hide " + s.label());
            HTMLElement sw = Dom.add(b, "span.swatch" + (s.dashed() ? ".dashed" : ""));
            sw.getStyle().setProperty("border-color", ColorMap.hex(s.rgb()));
            Dom.add(b, "span.legend-label", s.label());
            legendValues.add(Dom.add(b, "span.legend-value", "\u2013"));
            int index = i;
            Dom.on(b, "click", () -> {
                hidden[index] = !hidden[index];
                b.setAttribute("aria-pressed", hidden[index] ? "false" : "true");
                if (plot != null) {
                    UPlot.show(plot, index + 1, !hidden[index]);
                }
            });
        }
        host = Dom.add(fig.body(), "div.chart-host");
        resetZoom = fig.tool("Reset zoom", "Show the whole run again (or double-click the chart)", this::resetZoom);
        resetZoom.setHidden(true);
        fig.table(this::tableRows);
        Js.onResize(fig.body(), this::resize);
        build();
    }

    /** Ticks on x only at whole numbers (steps, log₂ of a width): uPlot would otherwise split 4 to 8 in quarters. */
    public LineChart wholeX(boolean on) {
        if (on != wholeX) {
            wholeX = on;
            build();
        }
        return this;
    }

    /** Log-scaled y axis (losses over orders of magnitude); rebuilds the chart. */
    public LineChart logY(boolean on) {
        if (on != logY) {
            logY = on;
            build();
        }
        return this;
    }

    public boolean isLogY() {
        return logY;
    }

    /** Adds a row; {@code ys} has one value per series (NaN for none). */
    public void append(double x, double... ys) {
        for (int s = 0; s < ys.length && s < latest.length; s++) {
            if (!Double.isNaN(ys[s])) {
                latest[s] = ys[s];
            }
        }
        if (calls++ % stride != 0) {
            dirty = true;
            return;
        }
        if (n == CAPACITY) {
            UPlot.halve(cols, n);
            n = (n + 1) / 2;
            stride *= 2;
        }
        UPlot.put(cols, 0, n, x);
        for (int s = 0; s < series.size(); s++) {
            double v = s < ys.length ? ys[s] : Double.NaN;
            if (Double.isNaN(v) || Double.isInfinite(v) || logY && v <= 0) {
                gaps = true;
            }
            UPlot.put(cols, s + 1, n, Double.isInfinite(v) ? Double.NaN : v);
        }
        n++;
        dirty = true;
    }

    /** Forgets all rows (a reset). */
    public void clear() {
        n = 0;
        calls = 0;
        stride = 1;
        gaps = false;
        zoomed = false;
        resetZoom.setHidden(true);
        java.util.Arrays.fill(latest, Double.NaN);
        dirty = true;
    }

    public int rows() {
        return n;
    }

    /** Pushes new rows to uPlot and refreshes the legend; call once per frame. */
    public void redraw() {
        if (plot == null) {
            return;
        }
        if (dirty) {
            UPlot.data(plot, cols, n, gaps ? (logY ? 2 : 1) : 0, zoomed);
            dirty = false;
            fig.refreshTable();
        }
        for (int s = 0; s < series.size(); s++) {
            double v = cursor >= 0 && cursor < n ? UPlot.get(cols, s + 1, cursor) : latest[s];
            String text = Double.isNaN(v) ? "\u2013" : Fmt.sig(v, 3);
            HTMLElement el = legendValues.get(s);
            if (!text.equals(el.getTextContent())) {
                Dom.text(el, text);
            }
        }
    }

    public HTMLCanvasElement canvas() {
        return plot == null ? Canvas.create(1, 1) : (HTMLCanvasElement) UPlot.canvas(plot);
    }

    public String csv() {
        Csv csv = new Csv();
        Object[] head = new Object[series.size() + 1];
        head[0] = xLabel;
        for (int s = 0; s < series.size(); s++) {
            head[s + 1] = series.get(s).label();
        }
        csv.row(head);
        for (int i = 0; i < n; i++) {
            Object[] row = new Object[series.size() + 1];
            for (int s = 0; s <= series.size(); s++) {
                row[s] = UPlot.get(cols, s, i);
            }
            csv.row(row);
        }
        return csv.toString();
    }

    private List<String[]> tableRows() {
        List<String[]> rows = new ArrayList<>();
        String[] head = new String[series.size() + 1];
        head[0] = xLabel;
        for (int s = 0; s < series.size(); s++) {
            head[s + 1] = series.get(s).label();
        }
        rows.add(head);
        // the newest rows first: that is what a reader of a live chart wants
        for (int i = n - 1; i >= 0; i--) {
            String[] row = new String[series.size() + 1];
            row[0] = Fmt.sig(UPlot.get(cols, 0, i), 6);
            for (int s = 0; s < series.size(); s++) {
                row[s + 1] = Fmt.sig(UPlot.get(cols, s + 1, i), 4);
            }
            rows.add(row);
        }
        return rows;
    }

    private void resetZoom() {
        zoomed = false;
        resetZoom.setHidden(true);
        dirty = true;
        redraw();
    }

    private void resize() {
        int w = Math.max(120, host.getClientWidth());
        int h = (int) Math.round(Math.max(170, Math.min(280, w * 0.55)));
        if (w != width || h != height) {
            width = w;
            height = h;
            if (plot != null) {
                UPlot.size(plot, w, h);
            }
        }
    }

    private void build() {
        if (!UPlot.available()) {
            Dom.clear(host);
            Dom.add(host, "p.hint", "The chart library did not load; the data table below has the numbers.");
            return;
        }
        if (plot != null) {
            UPlot.destroy(plot);
        }
        width = Math.max(120, host.getClientWidth());
        height = (int) Math.round(Math.max(170, Math.min(280, width * 0.55)));
        plot = UPlot.create(options(), host, idx -> cursor = idx, on -> {
            zoomed = on == 1;
            resetZoom.setHidden(!zoomed);
        });
        HTMLElement over = UPlot.over(plot);
        touch.attach(over);
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i]) {
                UPlot.show(plot, i + 1, false);
            }
        }
        dirty = true;
        redraw();
    }

    private String options() {
        String axis = "{\"stroke\":" + q(Theme.muted()) + ",\"grid\":{\"stroke\":" + q(Theme.border())
                + ",\"width\":1},\"ticks\":{\"stroke\":" + q(Theme.border()) + ",\"width\":1},\"font\":"
                + q(Theme.font(11)) + "}";
        StringBuilder sb = new StringBuilder("{\"width\":").append(width).append(",\"height\":").append(height)
                .append(",\"legend\":{\"show\":false},\"cursor\":{\"drag\":{\"x\":true,\"y\":false},"
                        + "\"points\":{\"size\":7}},")
                .append("\"scales\":{\"x\":{\"time\":false},\"y\":{\"distr\":").append(logY ? 3 : 1).append("}},")
                .append("\"axes\":[").append(wholeX ? "{\"incrs\":" + WHOLE_STEPS + "," + axis.substring(1) : axis)
                .append(",{\"size\":50,").append(axis.substring(1)).append("],")
                .append("\"series\":[{\"label\":").append(q(xLabel)).append("}");
        for (Series s : series) {
            sb.append(",{\"label\":").append(q(s.label())).append(",\"stroke\":").append(q(ColorMap.hex(s.rgb())))
                    .append(",\"width\":2,\"points\":{\"show\":false}");
            if (s.spanGaps()) {
                sb.append(",\"spanGaps\":true");
            }
            if (s.dashed()) {
                sb.append(",\"dash\":[6,4]");
            }
            sb.append("}");
        }
        return sb.append("]}").toString();
    }

    /** A JSON string literal. */
    static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** Two fingers pinch the x range, one finger pans it once zoomed; vertical swipes still scroll the page. */
    private final class TouchZoom {
        private final double[] ids = {-1, -1}, startPx = new double[2], nowPx = new double[2];
        private double a, b, panMin, panMax;

        void attach(HTMLElement over) {
            over.getStyle().setProperty("touch-action", "pan-y");
            over.addEventListener("pointerdown", (org.teavm.jso.dom.events.EventListener<Pointer.PointerEvent>) e -> {
                if ("mouse".equals(e.getPointerType())) {
                    return;
                }
                double x = Pointer.x(over, e);
                int slot = ids[0] < 0 ? 0 : ids[1] < 0 ? 1 : -1;
                if (slot < 0) {
                    return;
                }
                ids[slot] = e.getPointerId();
                startPx[slot] = nowPx[slot] = x;
                panMin = UPlot.xMin(plot);
                panMax = UPlot.xMax(plot);
                if (ids[0] >= 0 && ids[1] >= 0) {
                    a = UPlot.xAt(plot, startPx[0]);
                    b = UPlot.xAt(plot, startPx[1]);
                }
            });
            over.addEventListener("pointermove", (org.teavm.jso.dom.events.EventListener<Pointer.PointerEvent>) e -> {
                int slot = e.getPointerId() == ids[0] ? 0 : e.getPointerId() == ids[1] ? 1 : -1;
                if (slot < 0) {
                    return;
                }
                nowPx[slot] = Pointer.x(over, e);
                double w = Math.max(1, over.getClientWidth());
                if (ids[0] >= 0 && ids[1] >= 0 && Math.abs(nowPx[1] - nowPx[0]) > 20) {
                    double span = (b - a) * w / (nowPx[1] - nowPx[0]);
                    double min = a - nowPx[0] / w * span;
                    setZoom(min, min + span);
                } else if (zoomed && (ids[0] < 0 || ids[1] < 0)) {
                    double shift = (nowPx[slot] - startPx[slot]) / w * (panMax - panMin);
                    setZoom(panMin - shift, panMax - shift);
                }
            });
            org.teavm.jso.dom.events.EventListener<Pointer.PointerEvent> end = e -> {
                if (e.getPointerId() == ids[0]) {
                    ids[0] = -1;
                }
                if (e.getPointerId() == ids[1]) {
                    ids[1] = -1;
                }
            };
            over.addEventListener("pointerup", end);
            over.addEventListener("pointercancel", end);
        }

        private void setZoom(double min, double max) {
            if (!(max > min)) {
                return;
            }
            zoomed = true;
            resetZoom.setHidden(false);
            UPlot.xRange(plot, min, max);
        }
    }
}
