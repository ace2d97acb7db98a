package descent.labs.generative;

import descent.ui.Dom;
import descent.ui.Figure;
import descent.ui.LabContext;
import descent.ui.Marks;
import descent.ui.Plot;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * "Draw your own data" on a 2-D plot: in drawing mode a tap adds a point, a drag moves one, a long press removes one.
 * "Train on drawing" checks the drawing is big enough to describe a density ({@link Data2D#MIN_DRAWN} points) and
 * otherwise refuses with a message; accepted points go into the URL ({@code points=}) and the data switches to them.
 */
final class DrawTool {
    private final LabContext ctx;
    private final Plot plot;
    private final HTMLElement drawButton, useButton, clearButton;
    private float[] pts = new float[0];
    private boolean drawing;

    DrawTool(LabContext ctx, Figure fig, Plot plot) {
        this.ctx = ctx;
        this.plot = plot;
        drawButton = fig.toggle("Draw", "Tap to add points, drag to move, long-press to delete", false,
                on -> ctx.post(() -> drawing(on)));
        useButton = fig.tool("Train on drawing", "Use the drawn points as the training data", () -> ctx.post(this::use));
        clearButton = fig.tool("Clear", "Remove every drawn point", () -> ctx.post(() -> {
            pts = new float[0];
            ctx.requestRender();
        }));
        plot.editor(new Plot.Editor() {
            public int hit(double x, double y, double radius) {
                int best = -1;
                double bd = radius * radius;
                for (int i = 0; i < pts.length / 2; i++) {
                    double dx = pts[2 * i] - x, dy = pts[2 * i + 1] - y;
                    if (dx * dx + dy * dy <= bd) {
                        bd = dx * dx + dy * dy;
                        best = i;
                    }
                }
                return best;
            }

            public void add(double x, double y) {
                if (pts.length / 2 >= Data2D.MAX_DRAWN) {
                    ctx.notice("A drawing holds at most " + Data2D.MAX_DRAWN + " points.", true);
                    return;
                }
                pts = java.util.Arrays.copyOf(pts, pts.length + 2);
                pts[pts.length - 2] = (float) x;
                pts[pts.length - 1] = (float) y;
                ctx.requestRender();
            }

            public void move(int i, double x, double y) {
                pts[2 * i] = (float) x;
                pts[2 * i + 1] = (float) y;
                ctx.requestRender();
            }

            public void remove(int i) {
                float[] p = new float[pts.length - 2];
                System.arraycopy(pts, 0, p, 0, 2 * i);
                System.arraycopy(pts, 2 * i + 2, p, 2 * i, p.length - 2 * i);
                pts = p;
                ctx.requestRender();
            }
        });
        showButtons();
        // a link that locks the data locks the drawing too
        drawButton.setHidden(ctx.locked("points") || ctx.locked("data"));
    }

    /** Loads the drawing from the URL's {@code points=}. */
    void load(String text) {
        pts = Data2D.parse(text);
    }

    private void drawing(boolean on) {
        drawing = on;
        plot.editing(on);
        showButtons();
        ctx.requestRender();
    }

    private void showButtons() {
        useButton.setHidden(!drawing);
        clearButton.setHidden(!drawing);
        drawButton.setAttribute("aria-pressed", drawing ? "true" : "false");
    }

    private void use() {
        int m = pts.length / 2;
        if (m < Data2D.MIN_DRAWN) {
            ctx.notice(Data2D.refusal(m), true);
            return;
        }
        drawing(false);
        ctx.setKnob("points", Data2D.format(pts));
        ctx.setKnob("data", "drawn");
    }

    boolean drawing() {
        return drawing;
    }

    /** Draws the points being edited, big enough to grab. */
    void mark(Marks m) {
        for (int i = 0; i < pts.length / 2; i++) m.point(pts[2 * i], pts[2 * i + 1], 5, Paint.PARTICLE_RGB, true);
        m.text(-Data2D.EXTENT, Data2D.EXTENT, 6, 12, (pts.length / 2) + " points \u00b7 need " + Data2D.MIN_DRAWN,
                descent.ui.Theme.fg());
    }

    /**
     * The data kind and drawing to build an experiment with: a drawing that is too small (from a hand-edited link)
     * falls back to the Gaussian mixture with a notice, rather than failing.
     */
    static Data2D.Kind kind(LabContext ctx, String data, String points) {
        Data2D.Kind k = switch (data) {
            case "swiss" -> Data2D.Kind.SWISS_ROLL;
            case "moons" -> Data2D.Kind.MOONS;
            case "checker" -> Data2D.Kind.CHECKERBOARD;
            case "drawn" -> Data2D.Kind.DRAWN;
            default -> Data2D.Kind.GAUSSIANS;
        };
        if (k == Data2D.Kind.DRAWN && Data2D.parse(points).length / 2 < Data2D.MIN_DRAWN) {
            ctx.notice(Data2D.refusal(Data2D.parse(points).length / 2) + " Using the Gaussian mixture.", true);
            return Data2D.Kind.GAUSSIANS;
        }
        return k;
    }
}
