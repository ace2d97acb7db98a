package descent.ui;

import descent.labs.LabSpec;
import descent.labs.Params;

/**
 * A lab as the shell sees it. The view owns the browser side (figures, drawing) and drives a pure-Java
 * {@code *Experiment}. All methods run on the shell's loop thread, so a view may await GPU results.
 */
public interface LabView {
    LabSpec spec();

    /** Builds the lab's figures and extra controls; called once when the lab page opens. */
    void mount(LabContext ctx);

    /** (Re)builds the experiment from scratch for these settings: new model, new data, step 0. */
    void reset(Params params);

    /** Applies a change of {@code live} knobs to the running experiment; by default it rebuilds. */
    default void update(Params params) {
        reset(params);
    }

    /** Whether this lab trains (shows play/pause/step); the diagnostics page does not. */
    default boolean trains() {
        return true;
    }

    /** One unit of training. */
    void step();

    /** Steps taken since the last reset (the shell shows it and puts it in {@code data-step}). */
    long steps();

    /** True when training has run its course (a race of fixed length): the shell then pauses instead of spinning. */
    default boolean finished() {
        return false;
    }

    /** Null while healthy; otherwise why training stopped, e.g. "diverged at step 212 — try a smaller learning rate". */
    default String divergence() {
        return null;
    }

    /** Redraws the figures from the current state; called at most once per animation frame. */
    void render();

    /** Releases what the lab holds (GPU buffers, observers) when the user leaves it. */
    default void unmount() {
    }
}
