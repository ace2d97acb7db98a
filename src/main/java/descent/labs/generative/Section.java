package descent.labs.generative;

import descent.labs.Params;

/** One tab of the lab: its figures, its experiment, and how knob changes reach them. */
interface Section {
    /** Builds a new experiment from these settings (new model, step 0). */
    void reset(Params p);

    /** Applies live knobs (learning rates, sampler settings) without losing training. */
    void update(Params p);

    /** The experiment this tab trains now. */
    Training training();

    default void step() {
        training().step();
    }

    default long steps() {
        return training().steps();
    }

    default String divergence() {
        return training().divergence();
    }

    /** Redraws; called once per frame while training or when a render was requested. */
    void render();

    /** Whether the section wants frames while training is paused (an auto-playing sampler). */
    default boolean animating() {
        return false;
    }

    void release();
}
