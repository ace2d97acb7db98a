package descent.ui;

import org.teavm.jso.JSBody;

/**
 * Colours and fonts for canvases, read from the stylesheet's CSS variables so canvas drawing follows light and dark
 * mode like the HTML around it. Call {@link #refresh()} when the colour scheme may have changed.
 */
public final class Theme {
    private static String fg, muted, panel, border, bg, accent;
    private static boolean dark;

    private Theme() {
    }

    public static void refresh() {
        fg = var("--fg", "#17202f");
        muted = var("--muted", "#5b6578");
        panel = var("--panel", "#ffffff");
        border = var("--border", "#dde2ec");
        bg = var("--bg", "#f6f7fb");
        accent = var("--accent", "#d9612f");
        dark = Js.media("(prefers-color-scheme: dark)");
    }

    private static void ensure() {
        if (fg == null) {
            refresh();
        }
    }

    public static String fg() {
        ensure();
        return fg;
    }

    public static String muted() {
        ensure();
        return muted;
    }

    public static String panel() {
        ensure();
        return panel;
    }

    public static String border() {
        ensure();
        return border;
    }

    public static String bg() {
        ensure();
        return bg;
    }

    public static String accent() {
        ensure();
        return accent;
    }

    public static boolean dark() {
        ensure();
        return dark;
    }

    /** The canvas font at a CSS pixel size, matching the page's system font. */
    public static String font(double px) {
        return Fmt.fixed(px, 1) + "px system-ui, -apple-system, \"Segoe UI\", Roboto, Arial, sans-serif";
    }

    public static String boldFont(double px) {
        return "600 " + font(px);
    }

    private static String var(String name, String fallback) {
        String v = cssVar(name).trim();
        return v.isEmpty() ? fallback : v;
    }

    @JSBody(params = "name", script = "return getComputedStyle(document.documentElement).getPropertyValue(name) || '';")
    private static native String cssVar(String name);
}
