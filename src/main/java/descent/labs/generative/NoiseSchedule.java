package descent.labs.generative;

import descent.tensor.DetMath;

/**
 * The forward (noising) process of a diffusion model, q(x_t | x_0) = N(sqrt(ᾱ_t) x_0, (1 - ᾱ_t) I) for t = 1..T,
 * with ᾱ_t = prod_{s <= t} (1 - β_s). Index 0 is the clean data (ᾱ_0 = 1).
 *
 * <p>Linear: β rises linearly from 1e-4 to 0.02 (Ho, Jain and Abbeel 2020), scaled by 1000 / T so that any T describes
 * the same process. Cosine: ᾱ_t = f(t) / f(0) with f(t) = cos²(((t / T) + s) / (1 + s) · π / 2), s = 0.008 and β
 * capped at 0.999 (Nichol and Dhariwal 2021): it destroys information more evenly over t than the linear schedule.
 */
public final class NoiseSchedule {
    public enum Kind { LINEAR, COSINE }

    public final Kind kind;
    /** Number of training noise levels. */
    public final int T;
    private final double[] alphaBar; // (T + 1)

    public NoiseSchedule(Kind kind, int T) {
        if (T < 1) throw new IllegalArgumentException("T must be at least 1");
        this.kind = kind;
        this.T = T;
        alphaBar = new double[T + 1];
        alphaBar[0] = 1;
        if (kind == Kind.LINEAR) {
            double scale = 1000.0 / T, b1 = 1e-4 * scale, bT = 0.02 * scale;
            for (int t = 1; t <= T; t++) {
                double beta = T == 1 ? bT : b1 + (bT - b1) * (t - 1) / (T - 1);
                alphaBar[t] = alphaBar[t - 1] * (1 - Math.min(beta, 0.999));
            }
        } else {
            double f0 = cosine(0, T);
            for (int t = 1; t <= T; t++) {
                double beta = Math.min(1 - (cosine(t, T) / f0) / (cosine(t - 1, T) / f0), 0.999);
                alphaBar[t] = alphaBar[t - 1] * (1 - beta);
            }
        }
    }

    private static double cosine(int t, int T) {
        double s = 0.008, c = DetMath.cos(((double) t / T + s) / (1 + s) * DetMath.PI / 2);
        return c * c;
    }

    public double alphaBar(int t) {
        return alphaBar[t];
    }

    /** β_t = 1 - ᾱ_t / ᾱ_{t-1}. */
    public double beta(int t) {
        return 1 - alphaBar[t] / alphaBar[t - 1];
    }

    /** Signal-to-noise ratio ᾱ_t / (1 - ᾱ_t): infinite at t = 0, near 0 at t = T. */
    public double snr(int t) {
        return alphaBar[t] / (1 - alphaBar[t]);
    }

    /** The scale of the signal, sqrt(ᾱ_t), and of the noise, sqrt(1 - ᾱ_t), in x_t. */
    public double signal(int t) {
        return Math.sqrt(alphaBar[t]);
    }

    public double noise(int t) {
        return Math.sqrt(1 - alphaBar[t]);
    }

    /**
     * The S noise levels a sampler visits, evenly spaced over 1..T and ending at 0, largest first: with S = T every
     * level, with fewer steps a subsequence (DDIM's τ, Song, Meng and Ermon 2021). Length S + 1.
     */
    public int[] sampleTimes(int steps) {
        int s = Math.max(1, Math.min(T, steps));
        int[] times = new int[s + 1];
        for (int i = 0; i < s; i++) {
            // τ_i = round((i + 1) T / S) for i = 0..S-1, listed from the last
            times[s - 1 - i] = (int) Math.round((double) (i + 1) * T / s);
        }
        times[s] = 0;
        return times;
    }

    /** x_t = sqrt(ᾱ_t) x_0 + sqrt(1 - ᾱ_t) ε for every element (host arrays, used for the forward-process view). */
    public void noised(float[] x0, float[] eps, int t, float[] out) {
        float a = (float) signal(t), b = (float) noise(t);
        for (int i = 0; i < x0.length; i++) out[i] = a * x0[i] + b * eps[i];
    }
}
