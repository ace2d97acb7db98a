package descent.labs.landscape;

/**
 * Keeps a random-direction slice around one run's current weights up to date: computes it coarse to fine, and when
 * the run has moved on since the slice began, starts a fresh one at the new weights. The last picture stays on screen
 * until the new one is at least as fine.
 */
final class SliceJob implements Job {
    final Run run;
    private final SliceEvaluator eval;
    private final int res;
    private final double range;
    private final Directions.Norm norm;
    private final float[] raw1, raw2;
    private SliceGrid computing, shown;
    private int computingStep = -1;
    private int target;

    SliceJob(Run run, SliceEvaluator eval, int res, double range, Directions.Norm norm, long dirSeed) {
        this.run = run;
        this.eval = eval;
        this.res = res;
        this.range = range;
        this.norm = norm;
        raw1 = Directions.gaussian(Directions.seedOf(dirSeed, 0), run.layout.size);
        raw2 = Directions.gaussian(Directions.seedOf(dirSeed, 1), run.layout.size);
        target = res;
    }

    @Override
    public void target(int side) {
        target = side;
        if (computing != null) computing.target(side);
    }

    @Override
    public boolean needsWork() {
        return computing == null || !computing.done() || computingStep != run.steps();
    }

    @Override
    public boolean settled() {
        return computing != null && computing.done();
    }

    @Override
    public int work(int max, Scratch s) {
        if (computing == null || (computing.done() && computingStep != run.steps())) {
            float[] theta = run.theta();
            computing = new SliceGrid(res, -range, range, -range, range, theta,
                    Directions.normalise(run.layout, raw1, theta, norm),
                    Directions.normalise(run.layout, raw2, theta, norm));
            computing.target(target);
            computingStep = run.steps();
        }
        int n = s.evaluate(computing, eval, max);
        if (shown == null || computing.pictureSide() >= Math.min(shown.pictureSide(), target)) shown = computing;
        return n;
    }

    /** The slice to draw (null before the first coarse pass ends). */
    SliceGrid shown() {
        return shown != null && shown.pictureSide() > 0 ? shown : null;
    }

    /** The slice being computed (for a progress readout). */
    SliceGrid computing() {
        return computing;
    }

    /** The training step the shown slice is centred on. */
    int shownStep() {
        return shown == computing ? computingStep : -1;
    }
}
