package descent.labs.mupmuon;

import descent.labs.LabSpec;
import descent.labs.Params;
import descent.ui.Controls;
import descent.ui.Dom;
import descent.ui.Js;
import descent.ui.LabContext;
import descent.ui.LabView;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The muP and Muon lab: four sections behind tabs (the race, Newton–Schulz, the width sweep, the coordinate check),
 * one shown and computing at a time; each keeps its state when the user looks elsewhere, and is rebuilt only when one
 * of its own knobs (or the seed) changes, so tuning the race never throws away a finished sweep.
 */
public final class MupMuonView implements LabView {
    public static final LabSpec SPEC = MupMuonSpec.SPEC;
    private LabContext ctx;
    private HTMLElement tabs;
    private Section[] sections;
    private String section = "race";
    private Params last;
    private double lastStep = -1e9;
    private boolean loading = true;

    /** What the lab asks of each section's view. */
    interface Section {
        HTMLElement root();

        /**
         * Rebuilds if {@code force}, or if any of this section's knobs (or the seed) changed since it last built; the
         * first call always builds.
         */
        void reset(Params p, boolean force);

        /** A change of live knobs. */
        void update(Params p);

        void step();

        long steps();

        default String divergence() {
            return null;
        }

        void render();

        void release();
    }

    @Override
    public LabSpec spec() {
        return SPEC;
    }

    @Override
    public void mount(LabContext ctx) {
        this.ctx = ctx;
        HTMLElement figs = ctx.figures();
        Dom.toggleClass(figs, "mupmuon", true);
        tabs = Dom.add(figs, "nav.mm-tabs");
        tabs.setAttribute("role", "tablist");
        for (int i = 0; i < MupMuonSpec.SECTIONS.size(); i++) {
            String id = MupMuonSpec.SECTIONS.get(i);
            HTMLElement b = Dom.button(tabs, "mm-tab", MupMuonSpec.SECTION_TITLES.get(i), null,
                    () -> ctx.post(() -> ctx.setKnob("section", id)));
            b.setAttribute("role", "tab");
            b.setAttribute("data-section", id);
        }
        RaceView race = new RaceView(ctx, figs);
        sections = new Section[] {race, new NsView(ctx, figs, race, this::playing), new SweepView(ctx, figs),
            new CoordView(ctx, figs)};
    }

    private Section current() {
        return sections[Math.max(0, MupMuonSpec.SECTIONS.indexOf(section))];
    }

    @Override
    public void reset(Params p) {
        // the same settings again means the Reset button: start this section over
        boolean force = p.equals(last);
        last = p.copy();
        section = p.choice("section");
        // only the section in view builds now; the others build when first shown (a sweep's data costs time)
        current().reset(p, force);
        loading = false;
        show();
    }

    /** Whether the run loop is playing, or about to: the shell autoplays a lab it has just loaded. */
    boolean playing() {
        return loading || Js.now() - lastStep < 500;
    }

    @Override
    public void update(Params p) {
        last = p.copy();
        section = p.choice("section");
        current().reset(p, false); // shown for the first time, or its knobs changed while it was hidden
        current().update(p);
        show();
    }

    private void show() {
        for (int i = 0; i < sections.length; i++) {
            boolean on = MupMuonSpec.SECTIONS.get(i).equals(section);
            sections[i].root().setHidden(!on);
            HTMLElement b = (HTMLElement) tabs.getChildren().item(i);
            b.setAttribute("aria-selected", on ? "true" : "false");
            Dom.toggleClass(b, "active", on);
        }
        Params p = last;
        Controls.showOnly(ctx.figures(), SPEC.knobs(), k -> MupMuonSpec.applies(k, section, p));
        ctx.requestRender();
    }

    @Override
    public void step() {
        lastStep = Js.now(); // the loop calls every frame while playing (NsView's beats included)
        current().step();
    }

    @Override
    public long steps() {
        return current().steps();
    }

    @Override
    public String divergence() {
        return current().divergence();
    }

    @Override
    public void render() {
        current().render();
    }

    @Override
    public void unmount() {
        for (Section s : sections) s.release();
    }
}
