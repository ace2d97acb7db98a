package descent.ui;

import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * Labelled points in the plane, coloured by class, with an optional editing mode: tap to add a point of the chosen
 * class, drag to move one, long-press or right-click to delete one. The scatter owns its points while editing; read
 * them back with {@link #xs()}, {@link #ys()}, {@link #labels()}.
 *
 * <pre>{@code
 * Scatter sc = new Scatter(fig, -1, 1, -1, 1);
 * sc.points(xy, labels, n);               // xy interleaved (x0, y0, x1, y1, ...)
 * sc.editable(true, () -> chosenClass, () -> onChanged());
 * sc.redraw();
 * }</pre>
 */
public final class Scatter extends Plot {
    private float[] xy = new float[0];
    private int[] labels = new int[0];
    private int n;
    private java.util.function.IntSupplier chosen = () -> 0;
    private Runnable changed = () -> { };

    public Scatter(Figure fig, double x0, double x1, double y0, double y1) {
        super(fig, x0, x1, y0, y1, 0);
        editor(new Editor() {
            @Override
            public int hit(double x, double y, double radius) {
                int best = -1;
                double bestD = radius * radius;
                for (int i = 0; i < n; i++) {
                    double dx = xy[2 * i] - x, dy = xy[2 * i + 1] - y, d = dx * dx + dy * dy;
                    if (d <= bestD) {
                        bestD = d;
                        best = i;
                    }
                }
                return best;
            }

            @Override
            public void add(double x, double y) {
                if (2 * n + 2 > xy.length) {
                    xy = java.util.Arrays.copyOf(xy, Math.max(16, xy.length * 2));
                    labels = java.util.Arrays.copyOf(labels, xy.length / 2);
                }
                xy[2 * n] = (float) x;
                xy[2 * n + 1] = (float) y;
                labels[n++] = chosen.getAsInt();
                redraw();
            }

            @Override
            public void move(int i, double x, double y) {
                xy[2 * i] = (float) x;
                xy[2 * i + 1] = (float) y;
                redraw();
            }

            @Override
            public void remove(int i) {
                System.arraycopy(xy, 2 * i + 2, xy, 2 * i, 2 * (n - i - 1));
                System.arraycopy(labels, i + 1, labels, i, n - i - 1);
                n--;
                redraw();
            }

            @Override
            public void done() {
                changed.run();
            }
        });
    }

    /** Replaces the points (copied): {@code xy} interleaved, one class label per point. */
    public void points(float[] xy, int[] labels, int n) {
        this.xy = java.util.Arrays.copyOf(xy, Math.max(2 * n, 16));
        this.labels = java.util.Arrays.copyOf(labels, Math.max(n, 8));
        this.n = n;
    }

    /** Turns editing on or off; new points get class {@code chosen}; {@code changed} runs after each edit. */
    public void editable(boolean on, java.util.function.IntSupplier chosen, Runnable changed) {
        this.chosen = chosen;
        this.changed = changed;
        editing(on);
    }

    public int size() {
        return n;
    }

    public float[] xs() {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = xy[2 * i];
        }
        return out;
    }

    public float[] ys() {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = xy[2 * i + 1];
        }
        return out;
    }

    public int[] labels() {
        return java.util.Arrays.copyOf(labels, n);
    }

    @Override
    protected void drawBackground(CanvasRenderingContext2D g) {
        g.setFillStyle(Theme.bg());
        g.fillRect(left, top, side, side);
        g.setStrokeStyle(Theme.border());
        g.setLineWidth(1);
        double[] t = Ticks.nice(x0, x1, 5);
        g.beginPath();
        for (double v : t) {
            g.moveTo(px(v), top);
            g.lineTo(px(v), top + side);
        }
        t = Ticks.nice(y0, y1, 5);
        for (double v : t) {
            g.moveTo(left, py(v));
            g.lineTo(left + side, py(v));
        }
        g.stroke();
        double r = side < 300 ? 3.5 : 4.5;
        for (int i = 0; i < n; i++) {
            double x = px(xy[2 * i]), y = py(xy[2 * i + 1]);
            g.beginPath();
            g.arc(x, y, r, 0, 2 * Math.PI);
            g.setFillStyle(ColorMap.classCss(labels[i]));
            g.fill();
            g.setStrokeStyle("rgba(255,255,255,0.9)");
            g.stroke();
        }
    }

    @Override
    protected String readoutText(double x, double y) {
        return "(" + Fmt.sig(x, 2) + ", " + Fmt.sig(y, 2) + ")";
    }
}
