package descent.labs.generative;

import descent.ui.Dom;
import descent.ui.LabContext;
import java.util.function.IntConsumer;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/** The noise-level slider under a forward-process figure: t from 0 to T, with a label its section writes. */
final class NoiseScrubber {
    final HTMLElement label;

    /** {@code onChange} runs on the run loop's thread with the new t. */
    NoiseScrubber(LabContext ctx, HTMLElement parent, int t, IntConsumer onChange) {
        HTMLElement row = Dom.add(parent, "div.scrub");
        label = Dom.add(row, "span.scrub-label");
        HTMLInputElement slider = (HTMLInputElement) Dom.add(row, "input.scrubber");
        slider.setType("range");
        slider.setAttribute("min", "0");
        slider.setAttribute("max", Integer.toString(DiffusionExperiment.T));
        slider.setAttribute("aria-label", "Noise level t");
        slider.setValue(Integer.toString(t));
        Dom.on(slider, "input", () -> ctx.post(() -> onChange.accept(Integer.parseInt(slider.getValue()))));
    }
}
