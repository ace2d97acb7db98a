package descent.labs.attention;

import descent.gpu.Backends;
import descent.labs.LabSpec;
import descent.labs.Params;
import descent.ui.Controls;
import descent.ui.Dom;
import descent.ui.Fmt;
import descent.ui.Js;
import descent.ui.LabContext;
import descent.ui.LabView;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The attention lab in the page: it drives an {@link AttentionExperiment} and keeps the figures in step with it.
 * Training runs in micro-batches from {@link #step}; {@link #render} redraws cheap things every frame and re-reads
 * the model (attention maps, sampler preview, circuits) a few times a second, so drawing never starves training.
 */
public final class AttentionView implements LabView {
    public static final LabSpec SPEC = AttentionSpec.SPEC;
    /** Milliseconds between re-reads of the maps and the sampler while training, and of the slow figures. */
    static final double PROBE_MS = 250, SLOW_MS = 1000;

    private LabContext ctx;
    private AttentionExperiment exp;
    private Params params;
    private String pasted;
    private HTMLElement stats;
    private MapsFigure maps;
    private SamplerFigure sampler;
    private CurvesFigures curves;
    private InsideFigures inside;
    private TextTool textTool;
    private Generation generation;
    private int[] example;
    private boolean finishing, mapsDirty, samplerDirty, slowDirty;
    private double lastProbe, lastSlow, rateStart;
    private long rateTokens;
    private double tokensPerSecond;
    private int parameters;

    @Override
    public LabSpec spec() {
        return SPEC;
    }

    @Override
    public void mount(LabContext ctx) {
        this.ctx = ctx;
        HTMLElement figs = ctx.figures();
        stats = Dom.add(figs, "p.attn-stats.wide");
        stats.setAttribute("aria-live", "off");
        maps = new MapsFigure(figs, new MapsFigure.Host() {
            @Override
            public void exampleTyped(String text) {
                ctx.post(() -> typedExample(text));
            }

            @Override
            public void selectionChanged() {
                ctx.post(() -> {
                    mapsDirty = true;
                    slowDirty = true;
                    ctx.requestRender();
                });
            }
        });
        curves = new CurvesFigures(figs); // beside the detailed head, then the sampler across the page
        sampler = new SamplerFigure(figs, new SamplerFigure.Host() {
            @Override
            public void promptTyped(String text) {
                ctx.post(() -> typedPrompt(text));
            }

            @Override
            public void stepToken() {
                ctx.post(() -> advance(1));
            }

            @Override
            public void finish() {
                ctx.post(() -> {
                    finishing = true;
                    ctx.requestRender();
                });
            }

            @Override
            public void restart() {
                ctx.post(() -> restartGeneration());
            }
        });
        inside = new InsideFigures(figs);
        textTool = new TextTool(ctx.tools(), text -> ctx.post(() -> usePastedText(text)));
    }

    @Override
    public void reset(Params p) {
        if (exp != null) exp.dispose();
        params = p;
        exp = new AttentionExperiment(p, pasted, Backends.current());
        parameters = exp.model.parameterCount();
        for (String note : exp.notes) ctx.notice(note, false);
        maps.reset(exp.task);
        curves.reset();
        inside.reset(exp.model);
        List<String> relevant = relevantKnobs(p.choice("task"));
        // the example and the prompt are typed in their figures; the panel keeps them only for the URL
        Controls.showOnly(ctx.figures(), SPEC.knobs(), k -> !k.equals("example") && !k.equals("prompt")
                && (!TASK_KNOBS.contains(k) || relevant.contains(k)));
        rateStart = Js.now();
        rateTokens = 0;
        tokensPerSecond = 0;
        applyExample(p.text("example"), true);
        applyPrompt(p.text("prompt"), true);
        slowDirty = true;
    }

    @Override
    public void update(Params p) {
        Params before = params;
        params = p;
        exp.update(p);
        if (!before.text("example").equals(p.text("example"))) applyExample(p.text("example"), true);
        boolean promptChanged = !before.text("prompt").equals(p.text("prompt"));
        if (promptChanged || !before.text("example").equals(p.text("example")) && p.text("prompt").isEmpty()) {
            applyPrompt(p.text("prompt"), true);
        }
        samplerDirty = true;
    }

    // ---- examples, prompts and pasted text --------------------------------------------------------------------

    private void typedExample(String text) {
        TokenTask.Parsed parsed = text.isEmpty() ? null : exp.task.example(text);
        if (parsed != null && parsed.problem() != null) {
            maps.problem(parsed.problem());
            return;
        }
        maps.problem(null);
        ctx.setKnob("example", text);
    }

    /** Reads the example knob; an invalid one (from a link) falls back to a test example with a notice. */
    private void applyExample(String typed, boolean notify) {
        TokenTask task = exp.task;
        TokenTask.Parsed parsed = typed.isEmpty() ? null : task.example(typed);
        if (parsed != null && parsed.problem() != null) {
            if (notify) ctx.notice("The example \u201c" + typed + "\u201d does not fit this task: " + parsed.problem(),
                    true);
            parsed = null;
        }
        if (parsed == null) {
            parsed = task.example(task.defaultExample());
            maps.showTyped(task.defaultExample());
        } else {
            maps.showTyped(typed);
        }
        // the last token of a full example is only ever a target: the model reads at most its context
        int[] tokens = parsed.tokens();
        example = tokens.length > exp.model.context ? java.util.Arrays.copyOf(tokens, exp.model.context) : tokens;
        maps.problem(null);
        mapsDirty = true;
    }

    private void typedPrompt(String text) {
        String t = exp.task instanceof TextTask ? text : text.trim(); // spaces are tokens of a text
        TokenTask.Parsed parsed = t.trim().isEmpty() ? null : exp.task.prompt(t);
        if (parsed != null && parsed.problem() != null) {
            sampler.problem(parsed.problem());
            return;
        }
        sampler.problem(null);
        if (parsed == null) t = "";
        if (t.equals(params.text("prompt"))) restartGeneration();
        else ctx.setKnob("prompt", t);
    }

    private void applyPrompt(String typed, boolean notify) {
        TokenTask task = exp.task;
        TokenTask.Parsed parsed = typed.isEmpty() ? null : task.prompt(typed);
        if (parsed != null && parsed.problem() != null) {
            if (notify) ctx.notice("The prompt \u201c" + typed + "\u201d does not fit this task: " + parsed.problem(), true);
            parsed = null;
        }
        String shown = typed;
        if (parsed == null) {
            String source = params.text("example").isEmpty() ? task.defaultExample() : params.text("example");
            parsed = task.prompt(source);
            if (parsed.problem() != null) parsed = task.prompt(task.defaultExample());
            shown = task.typed(parsed.tokens(), 0, parsed.tokens().length);
            if (task instanceof ListTask && shown.endsWith("|")) shown = shown.substring(0, shown.length() - 1);
        }
        sampler.showTyped(shown);
        sampler.problem(null);
        int[] prompt = parsed.tokens();
        generation = new Generation(prompt, task.answerLength(prompt.length), params.integer("seed"));
        finishing = false;
        samplerDirty = true;
    }

    private void restartGeneration() {
        applyPrompt(params.text("prompt"), false);
        ctx.requestRender();
    }

    private void advance(int tokens) {
        for (int i = 0; i < tokens && !generation.done(); i++) generation.advance(exp.model, decoding());
        samplerDirty = true;
        ctx.requestRender();
    }

    private Sampler.Decoding decoding() {
        return new Sampler.Decoding(params.choice("decode").equals("greedy"), params.num("temperature"),
                params.integer("topk"), params.num("topp"));
    }

    private void usePastedText(String raw) {
        PastedText.Result r = PastedText.check(raw);
        textTool.message(r.message(), !r.ok());
        if (!r.ok()) {
            ctx.notice(r.message(), true);
            return;
        }
        pasted = r.text();
        boolean already = params.choice("task").equals("text") && params.choice("corpus").equals("pasted");
        ctx.setKnob("example", "");
        ctx.setKnob("prompt", "");
        if (already) {
            reset(params); // same settings, new text: the shell sees no change, so rebuild here
        } else {
            ctx.setKnob("corpus", "pasted");
            ctx.setKnob("task", "text");
        }
    }

    // ---- training and drawing ---------------------------------------------------------------------------------

    @Override
    public void step() {
        exp.step();
    }

    @Override
    public long steps() {
        return exp.updates();
    }

    @Override
    public String divergence() {
        return exp.divergence();
    }

    @Override
    public void render() {
        if (exp == null) return;
        double now = Js.now();
        measureRate(now);
        curves.pull(exp);
        curves.redraw();
        stats();
        if (finishing) {
            advance(4); // a few tokens per frame, so "Finish" animates and never blocks the page
            finishing = !generation.done();
            if (finishing) ctx.requestRender(); // keep frames coming while paused
        }
        boolean fresh = now - lastProbe > PROBE_MS;
        if (mapsDirty || samplerDirty || fresh) {
            lastProbe = now;
            maps.show(Probe.run(exp.model, example));
            generation.refresh(exp.model, decoding());
            sampler.show(exp.task, generation, decoding());
            mapsDirty = false;
            samplerDirty = false;
        }
        if (slowDirty || now - lastSlow > SLOW_MS) {
            lastSlow = now;
            inside.show(exp.model, exp.task, maps.head);
            slowDirty = false;
        }
    }

    private void measureRate(double now) {
        long tokens = exp.tokensTrained();
        if (now - rateStart >= 1000) {
            tokensPerSecond = (tokens - rateTokens) * 1000.0 / (now - rateStart);
            rateStart = now;
            rateTokens = tokens;
        }
    }

    private void stats() {
        float acc = exp.test.last(1), loss = exp.train.last(0);
        String text = "Update " + exp.updates() + " \u00b7 " + Fmt.compact(Math.round(tokensPerSecond))
                + " tokens/s \u00b7 test accuracy " + (Float.isNaN(acc) ? "\u2013" : Fmt.fixed(100 * acc, 1) + "%")
                + " \u00b7 train loss " + (Float.isNaN(loss) ? "\u2013" : Fmt.sig(loss, 3)) + " \u00b7 "
                + exp.task.name + ", " + parameters + " parameters, micro-batch " + exp.micro
                + " of " + exp.batch;
        if (!text.equals(stats.getTextContent())) Dom.text(stats, text);
        stats.setAttribute("data-test-accuracy", Float.isNaN(acc) ? "" : Float.toString(acc));
        stats.setAttribute("data-tokens-per-second", Long.toString(Math.round(tokensPerSecond)));
        stats.setAttribute("data-updates", Long.toString(exp.updates()));
    }

    @Override
    public void unmount() {
        if (exp != null) exp.dispose();
        exp = null;
    }

    /** The knobs only some tasks use. */
    static final List<String> TASK_KNOBS = List.of("length", "symbols", "modulus", "train_frac", "corpus");

    /** The task knobs that matter for a task; the others are hidden so a phone's panel stays short. */
    static List<String> relevantKnobs(String task) {
        switch (task) {
            case "modadd": return List.of("modulus", "train_frac");
            case "recall": return List.of("length");
            case "text": return List.of("corpus");
            default: return List.of("length", "symbols");
        }
    }

}
