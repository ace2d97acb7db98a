package descent.labs.playground;

import descent.ui.Dom;
import descent.ui.Fmt;
import descent.ui.LabContext;
import descent.ui.NetworkDiagram;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The backprop step-through under the network diagram: one button moves forward → loss → backward → update on a
 * real minibatch, the diagram shows that phase's numbers, and a sentence says what is happening.
 */
final class BackpropPanel {
    private static final String[] NAMES = {"Forward", "Loss", "Backward", "Update"};
    private static final String[] SAY = {
        "Forward: the example's features enter on the left; each neuron sums weight \u00d7 input plus its bias and "
            + "applies the activation. Edges show the signal w\u00b7a they carry.",
        "Loss: the output is compared with the label. The number under the output is this example's loss.",
        "Backward: the chain rule sends \u03b4 = \u2202L/\u2202z from the output back, layer by layer. An edge's "
            + "gradient is the input it carried times the \u03b4 it fed: \u2202L/\u2202w = a\u00b7\u03b4.",
        "Update: the optimizer moved every weight by the gradient averaged over the whole minibatch. Edges show "
            + "how much each weight changed."};

    private final LabContext ctx;
    private final NetworkFigure owner;
    private final HTMLElement panel;
    private final HTMLElement phases;
    private final HTMLElement say;
    private final HTMLElement facts;
    private final HTMLElement toggle;
    private PlaygroundExperiment ex;
    private BackpropTrace trace;
    private boolean active;

    BackpropPanel(LabContext ctx, descent.ui.Figure fig, NetworkFigure owner) {
        this.ctx = ctx;
        this.owner = owner;
        toggle = fig.toggle("Step through backprop", "Follow one training step phase by phase", false,
                on -> ctx.post(() -> setActive(on)));
        panel = Dom.add(fig.root(), "section.backprop");
        panel.setHidden(true);
        panel.setAttribute("aria-label", "Backprop step by step");
        HTMLElement row = Dom.add(panel, "div.phase-row");
        phases = Dom.add(row, "ol.phases");
        for (String n : NAMES) {
            Dom.add(phases, "li", n);
        }
        Dom.button(row, "primary", "Next phase \u25b6", "Advance backprop by one phase", () -> ctx.post(this::next))
                .setAttribute("data-action", "next-phase");
        say = Dom.add(panel, "p.phase-say", "Press \u201cNext phase\u201d to start with the next minibatch.");
        say.setAttribute("aria-live", "polite");
        facts = Dom.add(panel, "p.phase-facts");
    }

    void attach(PlaygroundExperiment ex) {
        this.ex = ex;
        trace = ex.trace();
        show();
    }

    private void setActive(boolean on) {
        active = on;
        toggle.setAttribute("aria-pressed", on ? "true" : "false");
        panel.setHidden(!on);
        if (on) {
            ctx.pause();
        }
        show();
        ctx.requestRender();
    }

    boolean active() {
        return active;
    }

    BackpropTrace trace() {
        return trace;
    }

    /** Advances one phase (the run bar's Step does the same while this panel is open). */
    void next() {
        if (ex.divergence() != null || !ex.canTrain()) {
            return;
        }
        trace.advance();
        show();
        ctx.requestRender();
    }

    private void show() {
        int p = trace != null && trace.started() ? trace.phase().ordinal() : -1;
        for (int i = 0; i < NAMES.length; i++) {
            HTMLElement li = (HTMLElement) phases.getChildNodes().item(i);
            Dom.toggleClass(li, "current", i == p);
            Dom.toggleClass(li, "done", i < p);
            if (i == p) {
                li.setAttribute("aria-current", "step");
            } else {
                li.removeAttribute("aria-current");
            }
        }
        if (p < 0) {
            Dom.text(say, "Press \u201cNext phase\u201d to take the next minibatch and follow its first example.");
            Dom.text(facts, "");
            return;
        }
        Dom.text(say, SAY[p]);
        String target = ex.regression() ? "target " + Fmt.sig(trace.target(), 3) : "class " + trace.label();
        float[] pos = trace.position();
        Dom.text(facts, "Example at (" + Fmt.fixed(pos[0], 2) + ", " + Fmt.fixed(pos[1], 2) + "), " + target
                + (p >= 1 ? "; its loss " + Fmt.sig(trace.exampleLoss(), 3) : "") + "; minibatch of "
                + ex.batchSize() + (p == 3 ? "; step " + ex.steps() + " done." : "."));
    }

    /** Numbers beside the neurons for the current phase. */
    void label(NetworkDiagram d, Features[] on) {
        int[] s = ex.sizes();
        int layers = s.length - 1;
        BackpropTrace.Phase ph = trace.phase();
        boolean showNumbers = d.layout() == null || d.layout().node() >= 18;
        for (int l = 0; l <= layers; l++) {
            for (int i = 0; i < s[l]; i++) {
                int node = l == 0 ? on[i].ordinal() : i;
                String t;
                if (ph == BackpropTrace.Phase.BACKWARD && l > 0) {
                    t = "\u03b4 " + Fmt.sig(trace.delta(l, i), 2);
                } else if (ph == BackpropTrace.Phase.LOSS && l == layers) {
                    t = "L " + Fmt.sig(trace.exampleLoss(), 2);
                } else if (ph == BackpropTrace.Phase.UPDATE) {
                    t = null;
                } else {
                    t = Fmt.sig(trace.activation(l, i), 2);
                }
                if (showNumbers || l == layers) {
                    d.nodeText(l, node, t);
                }
            }
        }
        d.highlightLayer(ph == BackpropTrace.Phase.FORWARD ? 0 : ph == BackpropTrace.Phase.UPDATE ? -1 : layers);
    }

    String edgeText(int l, int from, int j) {
        return switch (trace.phase()) {
            case FORWARD, LOSS -> "w = " + Fmt.sig(trace.weightBefore(l, from, j), 3) + ", a = "
                    + Fmt.sig(trace.activation(l, from), 3) + "\nsignal w\u00b7a = " + Fmt.sig(trace.edgeSignal(l,
                    from, j), 3);
            case BACKWARD -> "a = " + Fmt.sig(trace.activation(l, from), 3) + ", \u03b4 = " + Fmt.sig(trace.delta(
                    l + 1, j), 3) + "\n\u2202L/\u2202w = a\u00b7\u03b4 = " + Fmt.sig(trace.edgeGradient(l, from, j),
                    3);
            default -> "w: " + Fmt.sig(trace.weightBefore(l, from, j), 4) + " \u2192 " + Fmt.sig(trace.weightAfter(l,
                    from, j), 4) + "\n\u0394w = " + Fmt.sig(trace.weightAfter(l, from, j) - trace.weightBefore(l,
                    from, j), 3);
        };
    }
}
