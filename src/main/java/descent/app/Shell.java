package descent.app;

import descent.gpu.Backends;
import descent.labs.HashState;
import descent.labs.Knob;
import descent.labs.LabSpec;
import descent.labs.Params;
import descent.labs.Preset;
import descent.ui.Controls;
import descent.ui.Dom;
import descent.ui.Js;
import descent.ui.LabContext;
import descent.ui.LabView;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The page around a lab: gallery, lab header, run bar, knob panel, notices, error banner, share box. It owns the
 * current lab and its settings; every change of settings goes through {@link #apply} so the hash, the controls and
 * the experiment never disagree. DOM handlers only {@link #post} commands; the {@link RunLoop} thread runs them.
 */
public final class Shell implements LabContext {
    final Registry registry;
    final boolean embed;
    final ArrayDeque<Runnable> commands = new ArrayDeque<>();
    final HTMLElement app;

    LabView view;
    Params params;
    Set<String> hidden = Set.of();
    boolean running;
    String state = "loading";
    String backend = "cpu";
    boolean visible = true;

    private HTMLElement figures;
    private HTMLElement tools;
    private Notices notices;
    private Controls controls;
    private RunBar runBar;
    private String lastHash = "";

    public Shell(Registry registry, boolean embed) {
        this.registry = registry;
        this.embed = embed;
        this.app = Dom.doc().getElementById("app");
        Backends.listen((name, why) -> {
            backend = name;
            Dom.body().setAttribute("data-backend", name);
            if (runBar != null) {
                runBar.backend(name, why == null ? "" : why);
            }
            if (why != null) {
                notice(why, true);
            }
        });
    }

    // ---- routing ------------------------------------------------------------------------------------------------

    /** Shows what a hash asks for: the gallery, a lab, or new settings for the open lab. */
    void route(String hash) {
        if (hash.equals("#" + lastHash) && view != null) {
            return;
        }
        HashState.Parsed p = HashState.parse(hash, registry.specs());
        if (p.spec() == null) {
            closeLab();
            if (embed) {
                showEmbedMissing(p.notices());
            } else {
                Gallery.show(app, registry, p.notices());
                setState("ready");
                Dom.body().setAttribute("data-lab", "");
            }
            return;
        }
        if (view != null && view.spec().id().equals(p.spec().id())) {
            hidden = p.hidden();
            apply(p.params(), true);
            showNotices(p.notices());
            return;
        }
        openLab(p.spec(), p.params(), p.hidden());
        showNotices(p.notices());
    }

    void openLab(LabSpec spec, Params initial, Set<String> hiddenKnobs) {
        closeLab();
        Dom.clear(app);
        params = initial;
        hidden = hiddenKnobs;
        view = registry.create(spec.id());
        Dom.body().setAttribute("data-lab", spec.id());
        Dom.doc().setTitle(spec.title() + " \u00b7 Descent");

        HTMLElement page = Dom.add(app, "article.lab");
        HTMLElement head = Dom.add(page, "header.lab-head");
        if (!embed) {
            HTMLElement crumbs = Dom.add(head, "nav.crumbs");
            HTMLElement back = Dom.add(crumbs, "a", "\u2190 All labs");
            back.setAttribute("href", "#");
            Dom.add(crumbs, "span.lecture", spec.lecture());
        }
        Dom.add(head, embed ? "h2" : "h1", spec.title());
        if (!embed) {
            Dom.add(head, "p.pitch", spec.pitch());
        }
        notices = new Notices(page, this::post);
        runBar = new RunBar(this, Dom.add(page, "div.runbar"), view.trains());

        HTMLElement body = Dom.add(page, "div.lab-body");
        figures = Dom.add(body, "div.figures");
        HTMLElement side = Dom.add(body, "aside.side");
        if (!spec.presets().isEmpty()) {
            presets(Dom.add(side, "section.presets"), spec.presets());
        }
        tools = Dom.add(side, "div.tools");
        controls = new Controls(Dom.add(side, "form.knobs"), params, hidden, this::knobChanged);
        controls.show(params);
        if (embed) {
            HTMLElement open = Dom.add(page, "a.open-full", "Open the full lab \u2197");
            open.setAttribute("target", "_blank");
            open.setAttribute("rel", "noopener");
            open.setAttribute("href", Js.baseUrl() + "index.html#" + HashState.format(params, hidden));
            runBar.openFull = open;
        } else {
            new ShareBox(this, Dom.add(page, "section.share"));
        }
        Js.onVisible(page, v -> visible = v);
        try {
            view.mount(this);
            view.reset(params);
            backend = Backends.name();
            Dom.body().setAttribute("data-backend", backend);
            runBar.backend(backend, Backends.reason() == null ? "" : Backends.reason());
            writeHash();
            setState("ready");
            if (view.trains() && !reducedMotion()) {
                play();
            }
        } catch (RuntimeException e) {
            fail(e);
        }
        view.render();
    }

    void closeLab() {
        if (view != null) {
            try {
                view.unmount();
            } catch (RuntimeException e) {
                Js.consoleError("unmount failed: " + e);
            }
        }
        view = null;
        running = false;
        lastHash = "";
    }

    // ---- settings -----------------------------------------------------------------------------------------------

    private void knobChanged(String name, Object value) {
        post(() -> {
            Params next = params.copy();
            next.set(name, value);
            apply(next, false);
        });
    }

    /** The one path for new settings: rebuild or update the experiment, then the hash and the controls. */
    void apply(Params next, boolean fromUrl) {
        Params before = params;
        params = next;
        boolean rebuild = false;
        for (Knob k : next.spec().knobs()) {
            if (!k.live && !before.get(k.name).equals(next.get(k.name))) {
                rebuild = true;
            }
        }
        clearBanner();
        try {
            if (rebuild) {
                view.reset(next);
            } else {
                view.update(next);
            }
            if (state.equals("diverged") || state.equals("error")) {
                setState(running ? "running" : "paused");
            }
        } catch (RuntimeException e) {
            fail(e);
        }
        writeHash();
        if (fromUrl || controls != null) {
            controls.show(next);
        }
        requestRender();
    }

    void loadPreset(Preset preset) {
        String hash = "lab=" + params.spec().id() + "&" + preset.settings();
        HashState.Parsed p = HashState.parse(hash, registry.specs());
        Params next = new Params(params.spec());
        for (Knob k : params.spec().knobs()) {
            if (k.name.equals("seed")) {
                next.set("seed", params.get("seed"));
            }
        }
        for (Knob k : params.spec().knobs()) {
            if (!p.params().isDefault(k.name)) {
                next.set(k.name, p.params().get(k.name));
            }
        }
        view.reset(next);
        params = next;
        controls.show(next);
        writeHash();
        clearBanner();
        notice(preset.title() + ": " + preset.watch(), false);
        if (!reducedMotion()) {
            play();
        } else {
            setState("paused");
        }
        requestRender();
    }

    void writeHash() {
        lastHash = HashState.format(params, hidden);
        Js.replaceHash(lastHash);
        if (runBar != null) {
            runBar.hashChanged(lastHash);
        }
    }

    // ---- run state ----------------------------------------------------------------------------------------------

    void play() {
        if (view == null || !view.trains() || state.equals("error")) {
            return;
        }
        if (state.equals("diverged")) {
            return;
        }
        running = true;
        setState("running");
    }

    @Override
    public void pause() {
        running = false;
        if (state.equals("running")) {
            setState("paused");
        }
    }

    void stepOnce() {
        pause();
        if (view != null && !state.equals("diverged") && !state.equals("error")) {
            try {
                view.step();
                checkDivergence();
            } catch (RuntimeException e) {
                fail(e);
            }
            if (state.equals("ready")) {
                setState("paused");
            }
            requestRender();
        }
    }

    void resetLab() {
        if (view == null) {
            return;
        }
        clearBanner();
        try {
            view.reset(params);
            setState(running ? "running" : "paused");
        } catch (RuntimeException e) {
            fail(e);
        }
        requestRender();
    }

    void checkDivergence() {
        String why = view.divergence();
        if (why != null) {
            running = false;
            setState("diverged");
            showBanner(why, "Reset", this::resetLab);
        }
    }

    void fail(Throwable e) {
        running = false;
        setState("error");
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Js.consoleError("Descent lab error: " + e);
        if (message.contains("GPU") || message.contains("shader")) {
            // a GPU fault: offer the CPU path, which rebuilds the lab from its settings
            showBanner("Something went wrong: " + message, "Restart on CPU", () -> {
                Backends.forceCpu(true);
                resetLab();
            });
            return;
        }
        showBanner("Something went wrong: " + message, "Reset", this::resetLab);
    }

    void setState(String s) {
        state = s;
        Dom.body().setAttribute("data-state", s);
        if (runBar != null) {
            runBar.stateChanged(s);
        }
    }

    // ---- messages -----------------------------------------------------------------------------------------------

    void showBanner(String message, String actionLabel, Runnable action) {
        if (notices != null) {
            notices.banner(message, actionLabel, action);
        }
    }

    void clearBanner() {
        if (notices != null) {
            notices.clearBanner();
        }
    }

    void showNotices(List<String> list) {
        if (notices != null) {
            notices.noticeAll(list);
        }
    }

    private void presets(HTMLElement box, List<Preset> presets) {
        Dom.add(box, "h2", "Guided experiments");
        HTMLElement list = Dom.add(box, "div.preset-list");
        for (Preset p : presets) {
            HTMLElement b = Dom.button(list, "preset", p.title(), p.watch(), () -> post(() -> loadPreset(p)));
            b.setAttribute("data-preset", p.title());
        }
    }

    private void showEmbedMissing(List<String> list) {
        Dom.clear(app);
        HTMLElement box = Dom.add(app, "div.banner.banner-error");
        Dom.add(box, "span", "This embed does not name a lab Descent knows. ");
        HTMLElement a = Dom.add(box, "a", "Browse all labs \u2197");
        a.setAttribute("href", Js.baseUrl() + "index.html");
        a.setAttribute("target", "_blank");
        notices = new Notices(app, this::post);
        showNotices(list);
        setState("ready");
    }

    // ---- LabContext ---------------------------------------------------------------------------------------------

    @Override
    public HTMLElement figures() {
        return figures;
    }

    @Override
    public HTMLElement tools() {
        return tools;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public void setKnob(String name, Object value) {
        Params next = params.copy();
        next.set(name, value);
        apply(next, false);
    }

    @Override
    public void notice(String message, boolean problem) {
        if (notices != null) {
            notices.notice(message, problem);
        }
    }

    @Override
    public void post(Runnable action) {
        commands.add(action);
    }

    @Override
    public void requestRender() {
        RunLoop.renderRequested = true;
    }

    @Override
    public boolean reducedMotion() {
        return Js.media("(prefers-reduced-motion: reduce)");
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public boolean locked(String knob) {
        return hidden.contains(knob);
    }

    RunBar runBar() {
        return runBar;
    }
}
