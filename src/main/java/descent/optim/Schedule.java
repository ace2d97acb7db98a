package descent.optim;

import descent.tensor.DetMath;

/** A learning-rate multiplier as a function of the step number (0 for the first step). */
@FunctionalInterface
public interface Schedule {
    float factor(int step);

    static Schedule constant() {
        return step -> 1f;
    }

    /** Multiply by {@code gamma} every {@code every} steps. */
    static Schedule step(int every, float gamma) {
        return step -> (float) Math.pow(gamma, step / every);
    }

    /**
     * Cosine decay from 1 to {@code floor} over {@code total} steps (Loshchilov and Hutter 2017, without restarts),
     * then flat. Uses {@link DetMath#cos} so a run reproduces bit for bit in the browser.
     */
    static Schedule cosine(int total, float floor) {
        return step -> {
            if (step >= total) return floor;
            double c = 0.5 * (1 + DetMath.cos(DetMath.PI * step / total));
            return (float) (floor + (1 - floor) * c);
        };
    }

    /** Linear warm-up from 1/warmup to 1 over the first {@code warmup} steps, then {@code after} (shifted). */
    static Schedule warmup(int warmup, Schedule after) {
        return step -> step < warmup ? (step + 1f) / warmup : after.factor(step - warmup);
    }
}
