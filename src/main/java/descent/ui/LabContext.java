package descent.ui;

import descent.labs.Params;
import org.teavm.jso.dom.html.HTMLElement;

/** What the shell offers a lab view: places to draw, a way to talk to the user, and the command queue. */
public interface LabContext {
    /** Where the lab's figures go (a responsive grid). */
    HTMLElement figures();

    /** A place in the side panel for lab-specific tools (import, drawing palette), above the knobs. */
    HTMLElement tools();

    /** The current settings. */
    Params params();

    /** Changes a knob from inside the lab (e.g. a dragged start point); the hash and the controls follow. */
    void setKnob(String name, Object value);

    /** Shows a message to the user (as text); {@code problem} styles it as a warning. */
    void notice(String message, boolean problem);

    /** Runs an action on the loop thread before the next frame; DOM event handlers use this. */
    void post(Runnable action);

    /** Asks for a render on the next frame even when paused. */
    void requestRender();

    /** Whether the user prefers reduced motion (no autoplay, no animated transitions). */
    boolean reducedMotion();

    /** "webgpu" or "cpu": the path this lab computes on. */
    String backend();

    /** Stops training (e.g. when the lab enters a step-by-step mode); the run bar follows. */
    void pause();

    /** Whether the link locks this knob ({@code <knob>_hide=1}): the lab then hides its own editors for it too. */
    boolean locked(String knob);
}
