package descent.labs.generative;

/** What every generative experiment offers the run loop: a training step, a count, and a word when it diverged. */
interface Training {
    void step();

    long steps();

    /** Why training stopped making sense (a NaN loss), or null while it is healthy. */
    String divergence();
}
