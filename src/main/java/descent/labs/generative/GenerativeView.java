package descent.labs.generative;

import descent.gpu.Backends;
import descent.labs.Knob;
import descent.labs.LabSpec;
import descent.labs.Params;
import descent.tensor.Backend;
import descent.ui.Controls;
import descent.ui.Dom;
import descent.ui.LabContext;
import descent.ui.LabView;
import java.util.HashMap;
import java.util.Map;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The generative-models lab: five sections behind tabs, each with its own experiment, built the first time it is
 * shown and kept while the student looks at another (switching tabs loses no training). Only the visible section
 * trains. Settings of a section rebuild only that section.
 */
public final class GenerativeView implements LabView {
    public static final LabSpec SPEC = GenerativeSpec.SPEC;

    private LabContext ctx;
    private HTMLElement tabs;
    private final Map<String, HTMLElement> roots = new HashMap<>();
    private final Map<String, Section> sections = new HashMap<>();
    private final Map<String, Params> builtWith = new HashMap<>();
    private String current = "points";
    private Params last;

    @Override
    public LabSpec spec() {
        return SPEC;
    }

    @Override
    public void mount(LabContext ctx) {
        this.ctx = ctx;
        HTMLElement figs = ctx.figures();
        tabs = Dom.add(figs, "nav.gen-tabs");
        tabs.setAttribute("role", "tablist");
        tabs.setAttribute("aria-label", "Generative model");
        for (int i = 0; i < GenerativeSpec.SECTIONS.size(); i++) {
            String id = GenerativeSpec.SECTIONS.get(i);
            HTMLElement b = Dom.button(tabs, "gen-tab", GenerativeSpec.SECTION_TITLES.get(i), null,
                    () -> ctx.post(() -> ctx.setKnob("section", id)));
            b.setAttribute("role", "tab");
            b.setAttribute("data-section", id);
            HTMLElement root = Dom.add(figs, "div.gen-section");
            root.setAttribute("data-section", id);
            root.setHidden(true);
            roots.put(id, root);
        }
    }

    private Backend backend() {
        return Backends.current();
    }

    private Section create(String id) {
        HTMLElement root = roots.get(id);
        return switch (id) {
            case "images" -> new ImagesSection(ctx, root, this::backend);
            case "flow" -> new FlowSection(ctx, root, this::backend);
            case "gan" -> new GanSection(ctx, root, this::backend);
            case "vae" -> new VaeSection(ctx, root, this::backend);
            default -> new PointsSection(ctx, root, this::backend);
        };
    }

    /**
     * How often experiments read their losses back: every step on the CPU, every tenth on a GPU, where a read waits
     * for the device and would otherwise turn each step into a round trip.
     */
    static int statsEvery(Backend be) {
        return be.name().equals("cpu") ? 1 : 10;
    }

    /** Milliseconds between redraws of figures that need the model's outputs (each a device read on a GPU). */
    static double redrawInterval(Backend be) {
        return be.name().equals("cpu") ? 0 : 250;
    }

    @Override
    public void reset(Params p) {
        boolean resetPressed = p.equals(last);
        last = p.copy();
        current = p.choice("section");
        for (Map.Entry<String, Section> e : sections.entrySet()) {
            String id = e.getKey();
            if (id.equals(current) && resetPressed || settingsChanged(id, builtWith.get(id), p)) {
                e.getValue().reset(p);
                builtWith.put(id, p.copy());
            } else {
                e.getValue().update(p);
            }
        }
        show();
    }

    /** Whether a knob of this section that is not live differs between the two settings. */
    private static boolean settingsChanged(String section, Params before, Params now) {
        if (before == null) return true;
        for (Knob k : SPEC.knobs()) {
            if (!k.live && GenerativeSpec.shows(k.name, section) && !before.get(k.name).equals(now.get(k.name))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void update(Params p) {
        last = p.copy();
        current = p.choice("section");
        for (Section s : sections.values()) s.update(p);
        show();
    }

    /** Shows the current section, building it on first view, and only its knobs. */
    private void show() {
        if (!sections.containsKey(current)) {
            Section s = create(current);
            sections.put(current, s);
            s.reset(last);
            builtWith.put(current, last.copy());
        }
        for (Map.Entry<String, HTMLElement> e : roots.entrySet()) e.getValue().setHidden(!e.getKey().equals(current));
        for (int i = 0; i < GenerativeSpec.SECTIONS.size(); i++) {
            HTMLElement b = (HTMLElement) tabs.getChildren().item(i);
            boolean on = GenerativeSpec.SECTIONS.get(i).equals(current);
            b.setAttribute("aria-selected", on ? "true" : "false");
            Dom.toggleClass(b, "active", on);
        }
        Controls.showOnly(ctx.figures(), SPEC.knobs(), k -> GenerativeSpec.shows(k, current));
        ctx.requestRender();
    }

    private Section section() {
        return sections.get(current);
    }

    @Override
    public void step() {
        section().step();
    }

    @Override
    public long steps() {
        Section s = section();
        return s == null ? 0 : s.steps();
    }

    @Override
    public String divergence() {
        Section s = section();
        return s == null ? null : s.divergence();
    }

    @Override
    public void render() {
        Section s = section();
        if (s == null) return;
        s.render();
        // set after drawing, in the same task in which the run loop writes data-step: a test that sees the new
        // section here also sees that section's own step count, not the previous one's
        Dom.body().setAttribute("data-section", current);
        // an auto-playing sampler keeps drawing while training is paused
        if (s.animating()) ctx.requestRender();
    }

    @Override
    public void unmount() {
        for (Section s : sections.values()) s.release();
        sections.clear();
        Dom.body().removeAttribute("data-section");
    }
}
