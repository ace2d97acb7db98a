package descent.labs.generative;

import descent.ui.Dom;
import descent.ui.Figure;
import descent.ui.LabContext;
import java.util.function.LongFunction;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * The controls every sampler figure shares, and the small state machine behind them: "Step" runs exactly one sampler
 * step, "Play" runs the sampler a few steps per frame and restarts it from the same noise a moment after it reaches
 * the data (so the samples visibly improve as the model trains), "New noise" draws a fresh x_T, and the scrubber
 * revisits any step already taken. The figure carries {@code data-sampler-step} and {@code data-sampler-total} for
 * tests.
 */
final class SamplerControls {
    /** Frames the finished samples stay on screen before an auto-playing sampler starts over. */
    private static final int HOLD_FRAMES = 90;

    private final Figure fig;
    private final LongFunction<StepSampler> start;
    private final HTMLElement playButton;
    private final HTMLInputElement scrubber;
    private final HTMLElement label;
    private StepSampler sampler;
    private long seed;
    private boolean playing;
    private boolean follow = true;
    private int shownStep;
    private int hold;
    private boolean changed = true;

    /** {@code start} builds a sampler from a noise seed with the current model and settings. */
    SamplerControls(LabContext ctx, Figure fig, LongFunction<StepSampler> start, long seed, boolean autoplay) {
        this.fig = fig;
        this.start = start;
        this.seed = seed;
        this.playing = autoplay;
        // DOM events only post: the sampler runs on the loop thread, which may await the GPU
        fig.tool("New noise", "Draw fresh noise x_T and start sampling again", () -> ctx.post(() -> {
            this.seed++;
            restart();
            ctx.requestRender();
        }));
        Dom.button(fig.tools(), "sampler-step", "Step \u25b8", "Run exactly one sampler step",
                () -> ctx.post(() -> {
                    // stepping is for reading one step closely: training stops, so the model holds still
                    ctx.pause();
                    stepOnce();
                    ctx.requestRender();
                })).setAttribute("data-tool", "sampler-step");
        playButton = Dom.button(fig.tools(), "toggle", "Play", "Run the sampler continuously",
                () -> ctx.post(() -> {
                    togglePlay();
                    ctx.requestRender();
                }));
        playButton.setAttribute("data-tool", "sampler-play");
        HTMLElement row = Dom.add(fig.root(), "div.scrub");
        label = Dom.add(row, "span.scrub-label");
        scrubber = (HTMLInputElement) Dom.add(row, "input.scrubber");
        scrubber.setType("range");
        scrubber.setAttribute("min", "0");
        scrubber.setAttribute("aria-label", "Sampler step to show");
        Dom.on(scrubber, "input", () -> ctx.post(() -> {
            if (sampler == null) return;
            playing = false;
            showPlaying();
            shownStep = Math.min(Integer.parseInt(scrubber.getValue()), sampler.done());
            follow = shownStep == sampler.done();
            changed = true;
            ctx.requestRender();
        }));
        showPlaying();
    }

    /** A new run from the current seed (new model or settings); the first call starts the first run. */
    void restart() {
        if (sampler != null) sampler.release();
        sampler = start.apply(seed);
        shownStep = 0;
        follow = true;
        hold = 0;
        changed = true;
    }

    void stepOnce() {
        if (sampler == null) return;
        playing = false;
        showPlaying();
        if (sampler.finished()) restart();
        sampler.step();
        shownStep = sampler.done();
        follow = true;
        changed = true;
    }

    private void togglePlay() {
        if (sampler == null) return;
        playing = !playing;
        if (playing && sampler.finished()) restart();
        if (playing) follow = true;
        showPlaying();
    }

    private void showPlaying() {
        playButton.setAttribute("aria-pressed", playing ? "true" : "false");
        Dom.text(playButton, playing ? "Pause" : "Play");
    }

    /**
     * Advances an auto-playing sampler by about 1/90 of its run per frame (at least one step), so a run of any length
     * takes about one and a half seconds; after a finished run, holds, then restarts from the same noise.
     */
    void frame() {
        if (!playing || sampler == null) return;
        if (sampler.finished()) {
            if (++hold >= HOLD_FRAMES) restart();
            return;
        }
        int k = Math.max(1, (sampler.steps + 89) / 90);
        for (int i = 0; i < k && sampler.step(); i++) { }
        if (follow) shownStep = sampler.done();
        changed = true;
    }

    boolean playing() {
        return playing;
    }

    void pause() {
        playing = false;
        showPlaying();
    }

    StepSampler sampler() {
        return sampler;
    }

    /** The kept frame to show now. */
    int frame(StepSampler s) {
        return s.frameAt(shownStep);
    }

    int shownStep() {
        return shownStep;
    }

    /** True once after anything the figure shows has changed (a step, a scrub, a restart). */
    boolean takeChange() {
        boolean c = changed;
        changed = false;
        return c;
    }

    /** Refreshes the scrubber and label; {@code extra} is appended to the step readout. */
    void refresh(String extra) {
        scrubber.setAttribute("max", Integer.toString(sampler.steps));
        scrubber.setValue(Integer.toString(shownStep));
        Dom.text(label, "step " + shownStep + " / " + sampler.steps + " \u00b7 " + sampler.timeLabel(shownStep)
                + (extra.isEmpty() ? "" : " \u00b7 " + extra));
        fig.root().setAttribute("data-sampler-step", Integer.toString(sampler.done()));
        fig.root().setAttribute("data-sampler-total", Integer.toString(sampler.steps));
    }

    void release() {
        if (sampler != null) sampler.release();
        sampler = null;
    }
}
