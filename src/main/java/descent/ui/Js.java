package descent.ui;

import org.teavm.interop.Async;
import org.teavm.interop.AsyncCallback;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The browser APIs TeaVM's bindings lack (observers, media queries, clipboard, messaging), each as one small
 * {@code @JSBody}. The build compiles these scripts ahead of time, so the site needs no eval.
 */
public final class Js {
    private Js() {
    }

    @JSFunctor
    public interface Callback extends JSObject {
        void call();
    }

    @JSFunctor
    public interface BoolCallback extends JSObject {
        void call(boolean value);
    }

    @JSFunctor
    public interface StringCallback extends JSObject {
        void call(String value);
    }

    /** Suspends the calling TeaVM thread until the next animation frame; returns its timestamp in ms. */
    @Async
    public static native double nextFrame();

    private static void nextFrame(AsyncCallback<Double> callback) {
        Window.requestAnimationFrame(t -> callback.complete(t));
    }

    /** Suspends the calling TeaVM thread for about {@code ms} milliseconds. */
    @Async
    public static native Integer sleep(int ms);

    private static void sleep(int ms, AsyncCallback<Integer> callback) {
        Window.setTimeout(() -> callback.complete(ms), ms);
    }

    @JSBody(script = "return performance.now();")
    public static native double now();

    @JSBody(script = "return Math.min(window.devicePixelRatio || 1, 2);")
    public static native double pixelRatio();

    @JSBody(params = {"el", "cb"}, script = "const o = new ResizeObserver(() => cb()); o.observe(el); return o;")
    public static native JSObject onResize(HTMLElement el, Callback cb);

    @JSBody(params = {"el", "cb"}, script = "const o = new IntersectionObserver((es) => "
            + "cb(es[es.length - 1].isIntersecting)); o.observe(el); return o;")
    public static native JSObject onVisible(HTMLElement el, BoolCallback cb);

    @JSBody(params = "cb", script = "document.addEventListener('visibilitychange', () => cb(!document.hidden));")
    public static native void onPageVisible(BoolCallback cb);

    @JSBody(params = "query", script = "return window.matchMedia(query).matches;")
    public static native boolean media(String query);

    @JSBody(params = "hash", script = "history.replaceState(null, '', '#' + hash);")
    public static native void replaceHash(String hash);

    @JSBody(script = "return location.hash;")
    public static native String hash();

    @JSBody(params = "cb", script = "window.addEventListener('hashchange', () => cb(location.hash));")
    public static native void onHashChange(StringCallback cb);

    /** The page's own address up to the file name, e.g. {@code https://host/descent/}. */
    @JSBody(script = "return location.href.replace(/[#?].*$/, '').replace(/[^/]*$/, '');")
    public static native String baseUrl();

    @JSBody(params = "text", script = "if (navigator.clipboard && window.isSecureContext) { "
            + "navigator.clipboard.writeText(text).catch(() => {}); return true; } return false;")
    public static native boolean copyText(String text);

    @JSBody(script = "return window.parent !== window;")
    public static native boolean inFrame();

    /** Tells the embedding page our height; only {@code descent:*} messages ever leave or enter an embed. */
    @JSBody(params = "height", script = "if (window.parent !== window) "
            + "window.parent.postMessage({type: 'descent:resize', height: height}, '*');")
    public static native void postHeight(int height);

    /** Listens for {@code descent:*} messages from the embedding page; anything else is ignored. */
    @JSBody(params = "cb", script = "window.addEventListener('message', (e) => { const d = e.data; "
            + "if (d && typeof d === 'object' && typeof d.type === 'string' && d.type.startsWith('descent:') "
            + "&& d.type.length < 64) cb(d.type); });")
    public static native void onMessage(StringCallback cb);

    @JSBody(params = {"name", "mime", "text"}, script = "const a = document.createElement('a'); "
            + "a.href = URL.createObjectURL(new Blob([text], {type: mime})); a.download = name; "
            + "document.body.appendChild(a); a.click(); a.remove(); setTimeout(() => URL.revokeObjectURL(a.href), 1000);")
    public static native void download(String name, String mime, String text);

    @JSBody(params = {"name", "canvas"}, script = "const a = document.createElement('a'); "
            + "a.href = canvas.toDataURL('image/png'); a.download = name; document.body.appendChild(a); a.click(); "
            + "a.remove();")
    public static native void downloadCanvas(String name, JSObject canvas);

    @JSBody(params = {"el", "type", "cb"}, script = "el.addEventListener(type, cb);")
    public static native void on(JSObject el, String type, Callback cb);

    /** Keyboard shortcuts outside text fields: space plays or pauses, "." steps once. */
    @JSBody(params = "cb", script = "document.addEventListener('keydown', (e) => { const t = e.target; "
            + "if (e.ctrlKey || e.metaKey || e.altKey || (t && t.closest && t.closest('input, textarea, select, "
            + "button, summary, a'))) return; if (e.key === ' ' || e.key === '.') { e.preventDefault(); "
            + "cb(e.key); } });")
    public static native void onShortcut(StringCallback cb);

    @JSBody(script = "return navigator.userAgent;")
    public static native String userAgent();

    @JSBody(params = "message", script = "console.error(message);")
    public static native void consoleError(String message);
}
