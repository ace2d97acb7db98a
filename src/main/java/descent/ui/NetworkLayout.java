package descent.ui;

/**
 * Where the neurons of an MLP diagram go: one column per layer spread across the width, nodes stacked and centred in
 * each column, one node size for all so the eye compares like with like. Pure Java, so the geometry is tested.
 *
 * <pre>{@code
 * NetworkLayout l = NetworkLayout.of(new int[] {7, 4, 2, 1}, 420, 560, 40);  // 40 px gutter for input names
 * double x = l.x(1, 3), y = l.y(1, 3), s = l.node();  // centre and size of neuron 3 of layer 1
 * }</pre>
 */
public final class NetworkLayout {
    /** Space above the columns for layer titles, and below for breathing room. */
    public static final double HEAD = 30, FOOT = 10;
    private final int[] sizes;
    private final double width, gutter, node, pitch, height;

    private NetworkLayout(int[] sizes, double width, double gutter, double node, double pitch, double height) {
        this.sizes = sizes.clone();
        this.width = width;
        this.gutter = gutter;
        this.node = node;
        this.pitch = pitch;
        this.height = height;
    }

    /**
     * Lays out layers of the given sizes in {@code width} CSS px, at most {@code maxHeight} tall, leaving
     * {@code gutter} px on the left for the input column's names.
     */
    public static NetworkLayout of(int[] sizes, double width, double maxHeight, double gutter) {
        int most = 1;
        for (int s : sizes) {
            most = Math.max(most, s);
        }
        double colW = (width - gutter) / Math.max(1, sizes.length);
        // nodes take at most ~55% of a column so edges between columns stay readable
        double node = Math.max(4, Math.min(46, colW * 0.55));
        double gap = Math.max(2, node * 0.28);
        double avail = maxHeight - HEAD - FOOT;
        if (most * (node + gap) > avail) {
            double p = avail / most;
            node = Math.max(3, p * 0.78);
            gap = p - node;
        }
        double pitch = node + gap;
        double height = HEAD + FOOT + most * pitch;
        return new NetworkLayout(sizes, width, gutter, node, pitch, height);
    }

    public int layers() {
        return sizes.length;
    }

    public int size(int layer) {
        return sizes[layer];
    }

    /** Side of a node square, CSS px. */
    public double node() {
        return node;
    }

    public double height() {
        return height;
    }

    public double width() {
        return width;
    }

    /** Centre x of a layer's column. */
    public double x(int layer) {
        return gutter + columnWidth() * (layer + 0.5);
    }

    public double columnWidth() {
        return (width - gutter) / sizes.length;
    }

    public double x(int layer, int i) {
        return x(layer);
    }

    /** Centre y of node i of a layer: the column is centred vertically. */
    public double y(int layer, int i) {
        double colH = sizes[layer] * pitch;
        double top = HEAD + (height - HEAD - FOOT - colH) / 2;
        return top + (i + 0.5) * pitch;
    }

    /** The node under (px, py) as {layer, index}, or null. */
    public int[] nodeAt(double px, double py) {
        double slack = Math.max(4, (pitch - node) / 2);
        for (int l = 0; l < sizes.length; l++) {
            if (Math.abs(px - x(l)) > node / 2 + slack) {
                continue;
            }
            for (int i = 0; i < sizes[l]; i++) {
                if (Math.abs(py - y(l, i)) <= node / 2 + slack) {
                    return new int[] {l, i};
                }
            }
        }
        return null;
    }
}
