package descent.labs.optimizers;

import descent.labs.LabSpec;
import descent.labs.Params;
import descent.tensor.Backend;
import descent.tensor.CpuBackend;
import descent.ui.Controls;
import descent.ui.Dom;
import descent.ui.LabContext;
import descent.ui.LabView;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The optimizers lab: four sections behind tabs (races, momentum theory, implicit bias, norms), one shown at a time;
 * the knob panel shows only the current section's knobs. Every point, weight and solution lives in an engine tensor
 * on the CPU backend: these problems have 2 to 60 parameters, far below what a GPU dispatch pays for.
 */
public final class OptimizersView implements LabView {
    public static final LabSpec SPEC = OptimizersSpec.SPEC;
    private final Backend backend = new CpuBackend();
    private LabContext ctx;
    private HTMLElement tabs;
    private RaceView races;
    private MomentumView momentum;
    private ImplicitView implicit;
    private NormsView norms;
    private String section = "races";
    private Params last;

    @Override
    public LabSpec spec() {
        return OptimizersSpec.SPEC;
    }

    @Override
    public void mount(LabContext ctx) {
        this.ctx = ctx;
        HTMLElement figs = ctx.figures();
        tabs = Dom.add(figs, "nav.optim-tabs");
        tabs.setAttribute("role", "tablist");
        for (int i = 0; i < OptimizersSpec.SECTIONS.size(); i++) {
            String id = OptimizersSpec.SECTIONS.get(i);
            HTMLElement b = Dom.button(tabs, "optim-tab", OptimizersSpec.SECTION_TITLES.get(i), null,
                    () -> ctx.post(() -> ctx.setKnob("section", id)));
            b.setAttribute("role", "tab");
            b.setAttribute("data-section", id);
        }
        races = new RaceView(ctx, backend, figs);
        momentum = new MomentumView(ctx, backend, figs);
        implicit = new ImplicitView(ctx, backend, figs);
        norms = new NormsView(ctx, backend, figs);
    }

    @Override
    public void reset(Params p) {
        Params before = last;
        last = p.copy();
        section = p.choice("section");
        races.reset(p);
        momentum.reset(p);
        implicit.reset(p);
        norms.reset(p);
        show();
        suggestStart(before, p);
    }

    @Override
    public void update(Params p) {
        // only the section is live: switching tabs keeps every section's state
        last = p.copy();
        section = p.choice("section");
        show();
    }

    /**
     * A surface picked from the menu starts where that surface makes a good race; a link that sets the start as
     * well keeps its own.
     */
    private void suggestStart(Params before, Params now) {
        if (before == null || before.choice("surface").equals(now.choice("surface"))) return;
        if (before.num("x0") != now.num("x0") || before.num("y0") != now.num("y0")) return;
        Surface s;
        try {
            s = Surfaces.byId(now.choice("surface"), now.num("kappa"), now.num("angle"), now.text("fn"));
        } catch (Expr.SyntaxError e) {
            return;
        }
        double[] start = s.start();
        ctx.post(() -> {
            ctx.setKnob("x0", start[0]);
            ctx.setKnob("y0", start[1]);
        });
    }

    private void show() {
        races.root.setHidden(!section.equals("races"));
        momentum.root.setHidden(!section.equals("momentum"));
        implicit.root.setHidden(!section.equals("implicit"));
        norms.root.setHidden(!section.equals("norms"));
        for (int i = 0; i < OptimizersSpec.SECTIONS.size(); i++) {
            HTMLElement b = (HTMLElement) tabs.getChildren().item(i);
            boolean on = OptimizersSpec.SECTIONS.get(i).equals(section);
            b.setAttribute("aria-selected", on ? "true" : "false");
            Dom.toggleClass(b, "active", on);
        }
        Controls.showOnly(ctx.figures(), OptimizersSpec.SPEC.knobs(), k -> {
            String s = OptimizersSpec.sectionOf(k);
            return s.equals("all") || s.equals(section);
        });
        foldIdleRacers(ctx.figures());
        ctx.requestRender();
    }

    /** Racers that are switched off start folded, so the panel opens on what is racing. */
    @JSBody(params = "figures", script = "const body = figures.closest('.lab-body'); if (!body) return;"
            + "body.querySelectorAll('.knobs .knob-group').forEach(g => {"
            + "const box = g.querySelector('input[type=checkbox]');"
            + "if (box && !box.checked && !g.dataset.folded) { g.open = false; g.dataset.folded = '1'; } });")
    private static native void foldIdleRacers(HTMLElement figures);

    @Override
    public void step() {
        switch (section) {
            case "races" -> races.step();
            case "momentum" -> momentum.step();
            case "implicit" -> implicit.step();
            default -> { }
        }
    }

    @Override
    public boolean finished() {
        return switch (section) {
            case "races" -> races.finished();
            case "momentum" -> momentum.finished();
            case "implicit" -> implicit.finished();
            default -> false;
        };
    }

    @Override
    public long steps() {
        return switch (section) {
            case "races" -> races.steps();
            case "momentum" -> momentum.steps();
            case "implicit" -> implicit.steps();
            default -> 0;
        };
    }

    @Override
    public String divergence() {
        return section.equals("races") ? races.divergence() : null;
    }

    @Override
    public void render() {
        switch (section) {
            case "races" -> races.render();
            case "momentum" -> momentum.render();
            case "implicit" -> implicit.render();
            default -> norms.render();
        }
    }

    @Override
    public void unmount() {
        races.release();
        momentum.release();
        implicit.release();
    }
}
