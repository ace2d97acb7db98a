package descent.labs.generative;

/**
 * The training loss of a diffusion or flow model, overall and split into buckets of t: predicting the noise at t near
 * 0 (almost clean data) is a different task from predicting it at t near T (almost pure noise), and the per-bucket
 * curves show which ones the network has learned. Each curve is an exponential moving average, so a batch of 256
 * examples spread over the buckets still gives a readable line.
 */
public final class LossLog {
    public final int buckets;
    public final Series total = new Series();
    public final Series[] byBucket;
    private final double[] ema;
    private double emaTotal = Double.NaN;
    private static final double KEEP = 0.9;

    public LossLog(int buckets) {
        this.buckets = buckets;
        byBucket = new Series[buckets];
        ema = new double[buckets];
        for (int k = 0; k < buckets; k++) {
            byBucket[k] = new Series();
            ema[k] = Double.NaN;
        }
    }

    /**
     * Records one step: per-example losses {@code err} (N) at times {@code t} out of {@code tMax}. False when the
     * loss is not finite (the run diverged).
     */
    public boolean add(long step, float[] err, int[] t, int tMax) {
        double[] sum = new double[buckets];
        int[] count = new int[buckets];
        double all = 0;
        for (int i = 0; i < err.length; i++) {
            int k = Math.min(buckets - 1, (t[i] - 1) * buckets / tMax);
            sum[k] += err[i];
            count[k]++;
            all += err[i];
        }
        all /= err.length;
        if (!Double.isFinite(all)) return false;
        emaTotal = Double.isNaN(emaTotal) ? all : KEEP * emaTotal + (1 - KEEP) * all;
        total.add(step, emaTotal);
        for (int k = 0; k < buckets; k++) {
            if (count[k] == 0) continue;
            double m = sum[k] / count[k];
            ema[k] = Double.isNaN(ema[k]) ? m : KEEP * ema[k] + (1 - KEEP) * m;
            byBucket[k].add(step, ema[k]);
        }
        return true;
    }

    /** "t in 1–250" for bucket k of a range 1..tMax. */
    public String label(int k, int tMax) {
        return "t " + (k * tMax / buckets + 1) + "\u2013" + ((k + 1) * tMax / buckets);
    }
}
