package descent.labs.generative;

/**
 * Which training steps read their losses back. On a GPU each read waits for the device, so only every n-th step
 * reads; but the first steps always do, so the loss charts have a curve as soon as training starts.
 */
final class StatsCadence {
    /** Steps at the start of a run that read their losses whatever the cadence. */
    static final int ALWAYS_FIRST = 10;

    private StatsCadence() {
    }

    /** Whether the step numbered {@code step} (1 for the first) reads its losses, reading every {@code every}-th. */
    static boolean reads(long step, int every) {
        return step <= ALWAYS_FIRST || step % Math.max(1, every) == 0;
    }
}
