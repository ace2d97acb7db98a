package descent.ui;

import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/** Chart images for reports and slides: the canvas on an opaque panel background, with the figure's title on top. */
public final class Export {
    private Export() {
    }

    public static void png(String fileName, String title, HTMLCanvasElement source) {
        Js.downloadCanvas(fileName, compose(title, source));
    }

    /** A new canvas: title strip plus the source at its backing-store resolution. */
    public static HTMLCanvasElement compose(String title, HTMLCanvasElement source) {
        double r = Js.pixelRatio();
        int pad = (int) Math.round(12 * r);
        int head = (int) Math.round(28 * r);
        HTMLCanvasElement out = Canvas.create(source.getWidth() + 2 * pad, source.getHeight() + head + pad);
        CanvasRenderingContext2D g = Canvas.context(out);
        g.setFillStyle(Theme.panel());
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setFillStyle(Theme.fg());
        g.setFont(Theme.boldFont(15 * r));
        g.setTextBaseline("middle");
        g.fillText(title, pad, head / 2.0 + pad / 3.0);
        g.drawImage(source, pad, head);
        return out;
    }
}
