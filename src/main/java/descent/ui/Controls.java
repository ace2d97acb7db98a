package descent.ui;

import descent.labs.HashState;
import descent.labs.Knob;
import descent.labs.Params;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * The knob panel, rendered from a lab's declaration: grouped, labelled, ≥ 44 px tall, every value checked before it
 * is applied. Changes go to one listener; the shell turns them into a new hash and a reset or live update.
 */
public final class Controls {
    private final Map<String, Runnable> refreshers = new HashMap<>();
    private final BiConsumer<String, Object> onChange;
    private Params params;

    public Controls(HTMLElement parent, Params params, Set<String> hidden, BiConsumer<String, Object> onChange) {
        this.params = params;
        this.onChange = onChange;
        Map<String, List<Knob>> groups = new LinkedHashMap<>();
        for (Knob k : params.spec().knobs()) {
            if (!hidden.contains(k.name) && !k.internal) {
                groups.computeIfAbsent(k.group.isEmpty() ? "settings" : k.group, g -> new ArrayList<>()).add(k);
            }
        }
        for (Map.Entry<String, List<Knob>> g : groups.entrySet()) {
            HTMLElement details = Dom.add(parent, "details.knob-group");
            details.setAttribute("open", "");
            Dom.add(details, "summary", capitalise(g.getKey()));
            for (Knob k : g.getValue()) {
                render(Dom.add(details, "div.knob"), k);
            }
        }
    }

    /**
     * Hides the knobs that do not apply now (another section's, or a setting the current choice ignores) in the panel
     * of the lab whose figures are {@code figures}, and every group left empty. Their values stay in the URL.
     */
    public static void showOnly(HTMLElement figures, List<Knob> knobs, Predicate<String> shows) {
        StringBuilder shown = new StringBuilder();
        for (Knob k : knobs) {
            if (shows.test(k.name)) {
                shown.append(k.name).append(',');
            }
        }
        showOnly(figures, shown.toString());
    }

    @JSBody(params = {"figures", "shown"}, script = "const body = figures.closest('.lab-body'); if (!body) return;"
            + "const ok = new Set(shown.split(','));"
            + "body.querySelectorAll('.knobs [data-knob]').forEach(k => { k.hidden = !ok.has(k.dataset.knob); });"
            + "body.querySelectorAll('.knobs .knob-group').forEach(g => {"
            + "g.hidden = !g.querySelector('[data-knob]:not([hidden])'); });")
    private static native void showOnly(HTMLElement figures, String shown);

    /** Shows new values (after a reset, a preset or a lab-side change) without firing the listener. */
    public void show(Params params) {
        this.params = params;
        for (Runnable r : refreshers.values()) {
            r.run();
        }
    }

    private void render(HTMLElement row, Knob k) {
        String id = "knob-" + k.name;
        row.setAttribute("data-knob", k.name);
        HTMLElement label = Dom.add(row, "label", k.label);
        label.setAttribute("for", id);
        if (!k.help.isEmpty()) {
            row.setAttribute("title", k.help);
        }
        switch (k.type) {
            case NUMBER, INT -> number(row, k, id);
            case CHOICE -> choice(row, k, id);
            case BOOL -> bool(row, label, k, id);
            case TEXT -> text(row, k, id);
            default -> throw new IllegalStateException();
        }
    }

    private void number(HTMLElement row, Knob k, String id) {
        HTMLElement pair = Dom.add(row, "div.knob-pair");
        HTMLInputElement slider = (HTMLInputElement) Dom.add(pair, "input");
        slider.setType("range");
        slider.setAttribute("min", "0");
        slider.setAttribute("max", "1000");
        slider.setAttribute("aria-label", k.label);
        HTMLInputElement box = (HTMLInputElement) Dom.add(pair, "input.knob-value");
        box.setId(id);
        box.setType("text");
        box.setAttribute("inputmode", "decimal");
        box.setAttribute("autocomplete", "off");
        box.setAttribute("spellcheck", "false");
        HTMLElement error = Dom.add(row, "div.knob-error");
        Runnable refresh = () -> {
            double v = params.num(k.name);
            slider.setValue(Integer.toString((int) Math.round(toSlider(k, v) * 1000)));
            box.setValue(display(k, v));
            Dom.text(error, "");
        };
        refreshers.put(k.name, refresh);
        refresh.run();
        Dom.on(slider, "input", () -> {
            double v = fromSlider(k, Integer.parseInt(slider.getValue()) / 1000.0);
            box.setValue(display(k, v));
            Dom.text(error, "");
            onChange.accept(k.name, k.type == Knob.Type.INT ? (Object) (int) v : (Object) v);
        });
        Dom.on(box, "change", () -> {
            double v = HashState.parseNumber(box.getValue().trim());
            if (Double.isNaN(v)) {
                Dom.text(error, "\u201c" + shorten(box.getValue()) + "\u201d is not a number.");
                return;
            }
            if (v < k.min || v > k.max || (k.type == Knob.Type.INT && v != Math.rint(v))) {
                Dom.text(error, "Use " + (k.type == Knob.Type.INT ? "a whole number" : "a number") + " from "
                        + HashState.format(k.min) + " to " + HashState.format(k.max) + ".");
                return;
            }
            Dom.text(error, "");
            slider.setValue(Integer.toString((int) Math.round(toSlider(k, v) * 1000)));
            onChange.accept(k.name, k.type == Knob.Type.INT ? (Object) (int) v : (Object) v);
        });
    }

    private void choice(HTMLElement row, Knob k, String id) {
        HTMLSelectElement select = (HTMLSelectElement) Dom.add(row, "select");
        select.setId(id);
        for (int i = 0; i < k.options.size(); i++) {
            HTMLElement o = Dom.add(select, "option", k.optionLabels.get(i));
            o.setAttribute("value", k.options.get(i));
        }
        Runnable refresh = () -> select.setValue(params.choice(k.name));
        refreshers.put(k.name, refresh);
        refresh.run();
        Dom.on(select, "change", () -> onChange.accept(k.name, select.getValue()));
    }

    private void bool(HTMLElement row, HTMLElement label, Knob k, String id) {
        row.getClassList().add("knob-bool");
        HTMLInputElement box = (HTMLInputElement) Dom.el("input");
        box.setType("checkbox");
        box.setId(id);
        row.insertBefore(box, label);
        Runnable refresh = () -> box.setChecked(params.bool(k.name));
        refreshers.put(k.name, refresh);
        refresh.run();
        Dom.on(box, "change", () -> onChange.accept(k.name, box.isChecked()));
    }

    private void text(HTMLElement row, Knob k, String id) {
        HTMLInputElement box = (HTMLInputElement) Dom.add(row, "input.knob-text");
        box.setId(id);
        box.setType("text");
        box.setAttribute("maxlength", Integer.toString(k.maxLength()));
        box.setAttribute("spellcheck", "false");
        box.setAttribute("autocomplete", "off");
        HTMLElement hint = Dom.add(row, "div.knob-hint", "Press Enter to apply · at most " + k.maxLength()
                + " characters");
        Runnable refresh = () -> box.setValue(params.text(k.name));
        refreshers.put(k.name, refresh);
        refresh.run();
        Dom.on(box, "change", () -> {
            String v = box.getValue();
            if (v.length() > k.maxLength()) {
                Dom.text(hint, "Too long: " + v.length() + " characters; the limit is " + k.maxLength() + ".");
                return;
            }
            onChange.accept(k.name, v);
        });
    }

    static double toSlider(Knob k, double v) {
        if (k.log && k.min > 0) {
            return (Math.log(v) - Math.log(k.min)) / (Math.log(k.max) - Math.log(k.min));
        }
        return k.max == k.min ? 0 : (v - k.min) / (k.max - k.min);
    }

    /** Slider position to value; log knobs snap to 1-2-5 style round numbers so URLs stay readable. */
    static double fromSlider(Knob k, double t) {
        double v;
        if (k.log && k.min > 0) {
            v = Math.exp(Math.log(k.min) + t * (Math.log(k.max) - Math.log(k.min)));
            v = Fmt.roundSig(v, 3);
        } else if (k.type == Knob.Type.INT) {
            v = Math.rint(k.min + t * (k.max - k.min));
        } else {
            v = k.min + t * (k.max - k.min);
            double span = k.max - k.min;
            double step = Math.pow(10, Math.floor(Math.log10(span)) - 2);
            v = Math.round(v / step) * step;
            v = Fmt.roundSig(v, 4);
        }
        return Math.max(k.min, Math.min(k.max, v));
    }

    static String display(Knob k, double v) {
        // four significant digits fit the box (2^-10 reads 9.766e-4, not 9.765625e-4 cut off); the URL keeps all
        return k.type == Knob.Type.INT ? Integer.toString((int) v) : HashState.format(Fmt.roundSig(v, 4));
    }

    static String shorten(String s) {
        return s.length() > 24 ? s.substring(0, 24) + "\u2026" : s;
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
