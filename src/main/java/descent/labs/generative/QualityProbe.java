package descent.labs.generative;

import java.util.function.Supplier;

/**
 * Sample quality measured in slices while a model trains: every {@code every} training steps a deterministic sampler
 * starts on fresh particles and advances one step per training step, so no frame pays for a whole sampling run. When
 * it reaches the data end its samples are compared with held-out data by the sliced Wasserstein distance.
 */
final class QualityProbe {
    static final int POINTS = 512;

    final Series history = new Series();
    private final int every;
    private final float[] reference;
    private final Supplier<StepSampler> start;
    private StepSampler running;

    QualityProbe(int every, float[] reference, Supplier<StepSampler> start) {
        this.every = every;
        this.reference = reference;
        this.start = start;
    }

    /** Called after training step {@code step}. */
    void advance(long step) {
        if (every <= 0) return;
        if (running == null && step % every == 0) running = start.get();
        if (running == null) return;
        running.step();
        if (running.finished()) {
            float[] samples = running.current();
            running.release();
            running = null;
            history.add(step, SlicedWasserstein.finite(samples) ? SlicedWasserstein.distance(samples, reference)
                    : Double.NaN);
        }
    }

    void release() {
        if (running != null) running.release();
        running = null;
    }
}
