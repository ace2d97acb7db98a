package descent.labs.landscape;

/** A landscape computation done a batch of evaluations at a time between frames. */
interface Job {
    /** The finest grid side worth computing now (coarse while training runs, full when it stops). */
    void target(int side);

    /** Whether there is anything to compute: an unfinished grid, or one centred on weights that have moved. */
    boolean needsWork();

    /** Whether the current picture reached its target: the moment to give the next job a turn. */
    boolean settled();

    /** Computes up to {@code max} loss evaluations; returns how many. */
    int work(int max, Scratch s);

    /** Reusable arrays for one batch of grid points. */
    final class Scratch {
        float[] a = new float[0], b = new float[0], out = new float[0];
        int[] idx = new int[0];

        /** Hands up to {@code max} pending points of {@code grid} to {@code eval} and stores the losses. */
        int evaluate(SliceGrid grid, SliceEvaluator eval, int max) {
            if (a.length < max) {
                a = new float[max];
                b = new float[max];
                out = new float[max];
                idx = new int[max];
            }
            int n = grid.next(max, a, b, idx);
            if (n == 0) return 0;
            eval.plane(grid.center, grid.d1, grid.d2);
            eval.evaluate(a, b, n, out);
            grid.accept(idx, out, n);
            return n;
        }
    }
}
