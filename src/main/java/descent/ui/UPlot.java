package descent.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The few calls into uPlot (loaded as the global {@code uPlot}) that {@link LineChart} needs, plus its column store:
 * one Float64Array per series, filled in place. Options arrive as JSON text; only the hooks are functions.
 */
final class UPlot {
    private UPlot() {
    }

    @JSFunctor
    interface IntCallback extends JSObject {
        void call(int value);
    }

    @JSBody(params = {"json", "el", "cursor", "select"}, script = ""
            + "const o = JSON.parse(json);"
            + "o.hooks = {setCursor: [(u) => cursor(u.cursor.idx == null ? -1 : u.cursor.idx)],"
            + "  setSelect: [(u) => { if (u.select.width > 4) select(1); }]};"
            + "o.axes[1].values = (u, vals) => vals.map((v) => v == null ? '' : (Math.abs(v) >= 1e4 || "
            + "  (Math.abs(v) < 1e-3 && v !== 0)) ? v.toExponential(0) : String(+v.toPrecision(3)));"
            + "const u = new uPlot(o, [[]], el);"
            + "u.over.addEventListener('dblclick', () => select(0));"
            + "return u;")
    static native JSObject create(String json, HTMLElement el, IntCallback cursor, IntCallback select);

    @JSBody(params = "u", script = "u.destroy();")
    static native void destroy(JSObject u);

    @JSBody(params = {"u", "w", "h"}, script = "u.setSize({width: w, height: h});")
    static native void size(JSObject u, int w, int h);

    /** Hands uPlot views of the first n rows (no copy); gaps (NaN, or values <= 0 on a log axis) become null. */
    @JSBody(params = {"u", "cols", "n", "gaps", "keepX"}, script = ""
            + "const d = cols.map((c, i) => { const v = c.subarray(0, n);"
            + "  if (i === 0 || !gaps) return v;"
            + "  return Array.from(v, (x) => (x === x && (gaps < 2 || x > 0)) ? x : null); });"
            + "u.setData(d, !keepX);")
    static native void data(JSObject u, JSObject cols, int n, int gaps, boolean keepX);

    @JSBody(params = {"u", "min", "max"}, script = "u.setScale('x', {min: min, max: max});")
    static native void xRange(JSObject u, double min, double max);

    @JSBody(params = {"u", "i", "show"}, script = "u.setSeries(i, {show: show});")
    static native void show(JSObject u, int i, boolean show);

    @JSBody(params = {"u"}, script = "return u.ctx.canvas;")
    static native JSObject canvas(JSObject u);

    @JSBody(params = {"u"}, script = "return u.over;")
    static native HTMLElement over(JSObject u);

    @JSBody(params = {"u", "px"}, script = "return u.posToVal(px, 'x');")
    static native double xAt(JSObject u, double px);

    @JSBody(params = {"u"}, script = "return u.scales.x.min;")
    static native double xMin(JSObject u);

    @JSBody(params = {"u"}, script = "return u.scales.x.max;")
    static native double xMax(JSObject u);

    @JSBody(params = {"series", "cap"}, script = "var a = []; for (var i = 0; i < series; i++) "
            + "a.push(new Float64Array(cap)); return a;")
    static native JSObject columns(int series, int cap);

    @JSBody(params = {"cols", "s", "i", "v"}, script = "cols[s][i] = v;")
    static native void put(JSObject cols, int s, int i, double v);

    @JSBody(params = {"cols", "s", "i"}, script = "return cols[s][i];")
    static native double get(JSObject cols, int s, int i);

    /** Keeps every other row, in place: the store never grows, old history just gets coarser. */
    @JSBody(params = {"cols", "n"}, script = "for (var s = 0; s < cols.length; s++) { var c = cols[s]; for (var i = 0; 2 * i < n; i++) c[i] = c[2 * i]; }")
    static native void halve(JSObject cols, int n);

    @JSBody(script = "return typeof uPlot === 'function';")
    static native boolean available();
}
