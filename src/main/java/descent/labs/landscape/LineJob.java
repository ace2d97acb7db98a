package descent.labs.landscape;

import java.util.List;

/**
 * Linear interpolation (Goodfellow, Vinyals and Saxe 2015): the loss along the straight line from earlier weights
 * theta_s to the current weights theta_t, theta(alpha) = theta_s + alpha (theta_t - theta_s), on the training and on
 * the test set, a little beyond both ends. A smooth, convex-looking curve is what they found for real networks: no
 * barrier between start and finish, though the optimizer did not take the straight road.
 */
final class LineJob implements Job {
    static final int POINTS = 61;
    /** alpha from -0.5 to 1.5: the samples at index 15 and 45 are exactly the two endpoints. */
    static final double FROM = -0.5, TO = 1.5;

    private final List<Run> runs;
    private final SliceEvaluator train, test;
    private final int fromPercent;
    private final float[] zero;
    /** loss[run][0 train | 1 test][k]; NaN until computed. */
    private float[][][] loss, shown;
    private float[][] starts, dirs;
    private int startedAt = -1;
    private int cursor;

    LineJob(List<Run> runs, SliceEvaluator train, SliceEvaluator test, int fromPercent) {
        this.runs = runs;
        this.train = train;
        this.test = test;
        this.fromPercent = fromPercent;
        zero = new float[runs.get(0).layout.size];
    }

    static double alpha(int k) {
        return FROM + k * (TO - FROM) / (POINTS - 1);
    }

    @Override
    public void target(int side) {
        // a line is cheap: always computed in full
    }

    private int progress() {
        int p = 0;
        for (Run r : runs) p = p * 31 + r.steps();
        return p;
    }

    @Override
    public boolean needsWork() {
        return runs.get(0).steps() > 0 && (loss == null || cursor < total() || startedAt != progress());
    }

    private int total() {
        return runs.size() * 2 * POINTS;
    }

    @Override
    public boolean settled() {
        return loss != null && cursor >= total();
    }

    @Override
    public int work(int max, Scratch s) {
        if (loss == null || (cursor >= total() && startedAt != progress())) start();
        if (s.a.length < max) {
            s.a = new float[max];
            s.b = new float[max];
            s.out = new float[max];
        }
        // one call covers a run of points on one line (same run, same set) so the plane stays fixed
        int line = cursor / POINTS, r = line / 2, set = line % 2;
        int n = Math.min(max, POINTS - cursor % POINTS);
        for (int i = 0; i < n; i++) {
            s.a[i] = (float) alpha(cursor % POINTS + i);
            s.b[i] = 0;
        }
        SliceEvaluator eval = set == 0 ? train : test;
        eval.plane(starts[r], dirs[r], zero);
        eval.evaluate(s.a, s.b, n, s.out);
        System.arraycopy(s.out, 0, loss[r][set], cursor % POINTS, n);
        cursor += n;
        if (cursor >= total()) shown = loss;
        return n;
    }

    private void start() {
        startedAt = progress();
        cursor = 0;
        loss = new float[runs.size()][2][POINTS];
        starts = new float[runs.size()][];
        dirs = new float[runs.size()][];
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            starts[r] = run.theta0;
            int wanted = run.steps() * fromPercent / 100;
            for (Run.Snapshot sn : run.snapshots) if (sn.step() <= wanted) starts[r] = sn.theta();
            dirs[r] = Vec.sub(run.theta(), starts[r]);
        }
    }

    /** The last complete set of curves, or null: [run][0 train | 1 test][k] at {@link #alpha}(k). */
    float[][][] shown() {
        return shown;
    }
}
