package descent.app;

import descent.ui.Dom;
import descent.ui.Fmt;
import descent.ui.Js;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/** Play/pause, single step, reset, speed, and the badges: backend, steps per second, step count. */
final class RunBar {
    private final Shell shell;
    private final HTMLElement play;
    private final HTMLElement stepCount;
    private final HTMLElement rate;
    private final HTMLElement badge;
    HTMLElement openFull;
    /** Steps per frame: 0 means as many as fit the frame budget; negative -k means one step every k frames. */
    int speed;

    RunBar(Shell shell, HTMLElement bar, boolean trains) {
        this.shell = shell;
        bar.setAttribute("role", "toolbar");
        bar.setAttribute("aria-label", "Run controls");
        play = Dom.button(bar, "play", "\u25b6 Play", "Play or pause training (space)",
                () -> shell.post(() -> {
                    if (shell.running) {
                        shell.pause();
                    } else {
                        shell.play();
                    }
                }));
        play.setAttribute("data-action", "play");
        HTMLElement step = Dom.button(bar, "", "Step", "One training step (.)", () -> shell.post(shell::stepOnce));
        step.setAttribute("data-action", "step");
        HTMLElement reset = Dom.button(bar, "", "\u21ba Reset", "Start again from step 0 with the same seed",
                () -> shell.post(shell::resetLab));
        reset.setAttribute("data-action", "reset");
        HTMLSelectElement speedSelect = (HTMLSelectElement) Dom.add(bar, "select.speed");
        speedSelect.setAttribute("aria-label", "Speed");
        speedSelect.setAttribute("title", "Training speed");
        String[][] speeds = {{"0", "Fast"}, {"10", "10 / frame"}, {"1", "1 / frame"}, {"-30", "Slow motion"}};
        for (String[] s : speeds) {
            HTMLElement o = Dom.add(speedSelect, "option", s[1]);
            o.setAttribute("value", s[0]);
        }
        Dom.on(speedSelect, "change", () -> speed = Integer.parseInt(speedSelect.getValue()));
        if (!trains) {
            play.setHidden(true);
            step.setHidden(true);
            reset.setHidden(true);
            speedSelect.setHidden(true);
        }
        HTMLElement stats = Dom.add(bar, "div.stats");
        stepCount = Dom.add(stats, "span.stat.step-count", "step 0");
        rate = Dom.add(stats, "span.stat.rate", "");
        badge = Dom.add(stats, "span.badge", shell.backend.equals("webgpu") ? "WebGPU" : "CPU");
        badge.setAttribute("title", "Where the numbers are computed");
        if (!trains) {
            stepCount.setHidden(true);
        }
    }

    void stateChanged(String state) {
        boolean running = state.equals("running");
        Dom.text(play, running ? "\u275a\u275a Pause" : "\u25b6 Play");
        Dom.toggleClass(play, "active", running);
        play.setAttribute("aria-pressed", running ? "true" : "false");
    }

    void stats(long steps, double stepsPerSecond) {
        Dom.text(stepCount, "step " + steps);
        Dom.text(rate, stepsPerSecond > 0 ? Fmt.compact(stepsPerSecond) + " steps/s" : "");
    }

    void backend(String name, String why) {
        Dom.text(badge, name.equals("webgpu") ? "WebGPU" : "CPU");
        badge.setAttribute("title", why);
    }

    void hashChanged(String hash) {
        if (openFull != null) {
            openFull.setAttribute("href", Js.baseUrl() + "index.html#" + hash);
        }
    }
}
