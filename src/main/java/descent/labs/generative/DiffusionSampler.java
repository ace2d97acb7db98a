package descent.labs.generative;

import descent.tensor.Backend;
import descent.tensor.Tensor;

/**
 * Reverse diffusion from x_T ~ N(0, I) to x_0 over S of the T noise levels (τ_S = T > ... > τ_1 > τ_0 = 0), one
 * step at a time. Each step asks the network for (ε̂, x̂₀) at x_τ and moves to the next lower level s:
 * <pre>
 *   DDPM (Ho et al. 2020, eq. 6-7), ancestral, on the respaced schedule β' = 1 - ᾱ_t / ᾱ_s:
 *     x_s = sqrt(ᾱ_s) β' / (1 - ᾱ_t) x̂₀ + sqrt(1 - β') (1 - ᾱ_s) / (1 - ᾱ_t) x_t + sqrt(β̃) z,
 *     β̃ = (1 - ᾱ_s) / (1 - ᾱ_t) β'                      (the posterior q(x_s | x_t, x̂₀))
 *   DDIM (Song, Meng and Ermon 2021, eq. 12):
 *     x_s = sqrt(ᾱ_s) x̂₀ + sqrt(1 - ᾱ_s - σ²) ε̂ + σ z,
 *     σ = η sqrt((1 - ᾱ_s) / (1 - ᾱ_t)) sqrt(1 - ᾱ_t / ᾱ_s)
 * </pre>
 * η = 0 makes DDIM deterministic (an ODE solver); η = 1 gives exactly the DDPM step, which a test checks.
 */
public final class DiffusionSampler extends StepSampler {
    public enum Method { DDPM, DDIM }

    private final Network net;
    private final NoiseSchedule schedule;
    private final Prediction prediction;
    private final Method method;
    private final double eta;
    private final float clip;
    private final int[] times;

    /**
     * @param start x_T (N, D), usually standard normal noise
     * @param clip  x̂₀ is clipped to [-clip, clip] (the data's range), which keeps the first steps of a cosine
     *              schedule, where sqrt(ᾱ_T) is nearly 0, from dividing noise by almost nothing
     */
    public DiffusionSampler(Backend be, Network net, NoiseSchedule schedule, Prediction prediction, Method method,
                            double eta, int steps, float[] start, int dim, float clip, long noiseSeed, int maxFrames) {
        super(be, start, dim, Math.max(1, Math.min(schedule.T, steps)), noiseSeed, maxFrames);
        this.net = net;
        this.schedule = schedule;
        this.prediction = prediction;
        this.method = method;
        this.eta = method == Method.DDPM ? 1 : eta;
        this.clip = clip;
        this.times = schedule.sampleTimes(this.steps);
    }

    /** The noise level after step i (T at the start, 0 at the end). */
    public int time(int step) {
        return times[step];
    }

    @Override
    public double progress(int step) {
        return 1 - (double) times[step] / schedule.T;
    }

    @Override
    public String timeLabel(int step) {
        return "t = " + times[step];
    }

    public Method method() {
        return method;
    }

    /**
     * The numbers of step i (from level t = τ_i to s = τ_{i+1}): {t, s, ᾱ_t, ᾱ_s, c_x̂₀, c_2, σ} where the step is
     * x_s = c_x̂₀ x̂₀ + c_2 x_t + σ z for DDPM and x_s = c_x̂₀ x̂₀ + c_2 ε̂ + σ z for DDIM.
     */
    public double[] coefficients(int step) {
        int t = times[step], s = times[step + 1];
        double abT = schedule.alphaBar(t), abS = schedule.alphaBar(s);
        if (method == Method.DDPM) {
            double betaP = 1 - abT / abS;
            return new double[] {t, s, abT, abS, Math.sqrt(abS) * betaP / (1 - abT),
                Math.sqrt(1 - betaP) * (1 - abS) / (1 - abT), Math.sqrt((1 - abS) / (1 - abT) * betaP)};
        }
        double sigma = eta * Math.sqrt((1 - abS) / (1 - abT)) * Math.sqrt(1 - abT / abS);
        return new double[] {t, s, abT, abS, Math.sqrt(abS), Math.sqrt(Math.max(0, 1 - abS - sigma * sigma)), sigma};
    }

    @Override
    protected Tensor[] update(int step) {
        int t = times[step], s = times[step + 1];
        double abT = schedule.alphaBar(t), abS = schedule.alphaBar(s);
        float a = (float) Math.sqrt(abT), b = (float) Math.sqrt(1 - abT);
        Tensor m = net.apply(x, TimeMlp.constant(n, (double) t / schedule.T));
        Tensor x0 = clip(prediction.x0(x, m, a, b), clip);
        // ε̂ consistent with the clipped x̂₀, so both formulas below see one guess
        Tensor eps = x.sub(x0.mul(a)).mul(1 / b);
        Tensor next;
        if (method == Method.DDPM) {
            double betaP = 1 - abT / abS;
            double c0 = Math.sqrt(abS) * betaP / (1 - abT);
            double c1 = Math.sqrt(1 - betaP) * (1 - abS) / (1 - abT);
            double var = (1 - abS) / (1 - abT) * betaP;
            next = x0.mul((float) c0).add(x.mul((float) c1));
            if (var > 0) next = next.add(gaussian().mul((float) Math.sqrt(var)));
        } else {
            double sigma = eta * Math.sqrt((1 - abS) / (1 - abT)) * Math.sqrt(1 - abT / abS);
            next = x0.mul((float) Math.sqrt(abS)).add(eps.mul((float) Math.sqrt(Math.max(0, 1 - abS - sigma * sigma))));
            if (sigma > 0) next = next.add(gaussian().mul((float) sigma));
        }
        return new Tensor[] {next, x0};
    }

    /** The score estimate ∇ log p_t(x) ≈ -ε̂ / sqrt(1 - ᾱ_t) at points (N, D) at noise level t: the learned field. */
    public static float[] score(Network net, Backend be, NoiseSchedule schedule, Prediction prediction, float[] pts,
                                int dim, int t) {
        int n = pts.length / dim;
        int tt = Math.max(1, t);
        float a = (float) schedule.signal(tt), b = (float) schedule.noise(tt);
        try (descent.tensor.Scope s = descent.tensor.Scope.open();
             descent.tensor.Autograd.NoGrad g = descent.tensor.Autograd.noGrad()) {
            Tensor x = Tensor.of(be, pts, n, dim);
            Tensor m = net.apply(x, TimeMlp.constant(n, (double) tt / schedule.T));
            return prediction.eps(x, m, a, b).mul(-1 / b).toHost();
        }
    }
}
