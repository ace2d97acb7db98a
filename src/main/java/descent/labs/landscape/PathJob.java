package descent.labs.landscape;

import java.util.ArrayList;
import java.util.List;

/**
 * The trajectory view: the plane of the top two principal components of the weight snapshots (of every run, with
 * the first run's current weights as origin), the loss on that plane, and each run's path projected onto it.
 */
final class PathJob implements Job {
    private final List<Run> runs;
    private final SliceEvaluator eval;
    private final int res;
    private int target;
    private int startedAt = -1;
    private SliceGrid computing, shown;
    private Pca pca, shownPca;
    private double[][][] paths, shownPaths;

    PathJob(List<Run> runs, SliceEvaluator eval, int res) {
        this.runs = runs;
        this.eval = eval;
        this.res = res;
        this.target = res;
    }

    @Override
    public void target(int side) {
        target = side;
        if (computing != null) computing.target(side);
    }

    /** A single number that changes whenever any run takes a step. */
    private int progress() {
        int p = 0;
        for (Run r : runs) p = p * 31 + r.steps();
        return p;
    }

    @Override
    public boolean needsWork() {
        if (runs.get(0).snapshots.size() < 3) return false; // two components need three points
        return computing == null || !computing.done() || startedAt != progress();
    }

    @Override
    public boolean settled() {
        return computing != null && computing.done();
    }

    @Override
    public int work(int max, Scratch s) {
        if (computing == null || (computing.done() && startedAt != progress())) start();
        int n = s.evaluate(computing, eval, max);
        if (shown == null || computing.pictureSide() >= Math.min(shown.pictureSide(), target)) {
            shown = computing;
            shownPca = pca;
            shownPaths = paths;
        }
        return n;
    }

    private void start() {
        startedAt = progress();
        float[] origin = runs.get(0).theta();
        List<float[]> all = new ArrayList<>();
        List<List<float[]>> perRun = new ArrayList<>();
        for (Run r : runs) {
            List<float[]> path = new ArrayList<>();
            for (Run.Snapshot sn : r.snapshots) path.add(sn.theta());
            if (r.snapshots.get(r.snapshots.size() - 1).step() != r.steps()) path.add(r.theta());
            perRun.add(path);
            all.addAll(path);
        }
        pca = Pca.of(all, origin, 2);
        paths = new double[runs.size()][][];
        double lo0 = 0, hi0 = 0, lo1 = 0, hi1 = 0;
        int row = 0;
        for (int r = 0; r < runs.size(); r++) {
            int len = perRun.get(r).size();
            paths[r] = new double[len][];
            for (int i = 0; i < len; i++) {
                double[] c = pca.coords[row++];
                paths[r][i] = c;
                lo0 = Math.min(lo0, c[0]);
                hi0 = Math.max(hi0, c[0]);
                lo1 = Math.min(lo1, c[1]);
                hi1 = Math.max(hi1, c[1]);
            }
        }
        // a margin around the path, and never a degenerate axis: the second component can be tiny
        double span = Math.max(hi0 - lo0, 1e-3), pad0 = 0.25 * span;
        double pad1 = Math.max(0.25 * (hi1 - lo1), 0.15 * span);
        computing = new SliceGrid(res, lo0 - pad0, hi0 + pad0, lo1 - pad1, hi1 + pad1, origin, pca.directions[0],
                pca.directions[1]);
        computing.target(target);
    }

    SliceGrid shown() {
        return shown != null && shown.pictureSide() > 0 ? shown : null;
    }

    /** The principal components of the shown picture. */
    Pca pca() {
        return shownPca;
    }

    /** paths()[run][snapshot] = (pc1, pc2) coordinates, matching {@link #shown()}. */
    double[][][] paths() {
        return shownPaths;
    }
}
