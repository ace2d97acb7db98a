package descent.labs;

import java.util.List;

/**
 * One control of a lab, declared once: the shell renders it, keeps it in the URL hash and validates what comes in.
 *
 * <p>{@code live} knobs (learning rate, view toggles) apply to the running experiment; the others rebuild it.
 */
public final class Knob {
    public enum Type { NUMBER, INT, CHOICE, BOOL, TEXT }

    public final String name;
    public final String label;
    public final Type type;
    public final Object defaultValue;
    public final double min;
    public final double max;
    public final boolean log;
    public final List<String> options;
    public final List<String> optionLabels;
    public final String group;
    public final String help;
    public final boolean live;
    /** State the lab edits through its own UI (drawn points): kept in the URL, not shown in the knob panel. */
    public final boolean internal;

    private Knob(String name, String label, Type type, Object defaultValue, double min, double max, boolean log,
            List<String> options, List<String> optionLabels, String group, String help, boolean live) {
        this(name, label, type, defaultValue, min, max, log, options, optionLabels, group, help, live, false);
    }

    private Knob(String name, String label, Type type, Object defaultValue, double min, double max, boolean log,
            List<String> options, List<String> optionLabels, String group, String help, boolean live,
            boolean internal) {
        if (!name.matches("[a-z][a-z0-9_]*") || name.endsWith("_hide") || name.equals("lab")) {
            throw new IllegalArgumentException("bad knob name: " + name);
        }
        this.name = name;
        this.label = label;
        this.type = type;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.log = log;
        this.options = options;
        this.optionLabels = optionLabels;
        this.group = group;
        this.help = help;
        this.live = live;
        this.internal = internal;
    }

    /** A real number in [min, max]; {@code log} makes the slider move in log space (learning rates). */
    public static Knob number(String name, String label, double def, double min, double max, boolean log) {
        return new Knob(name, label, Type.NUMBER, def, min, max, log, List.of(), List.of(), "", "", false);
    }

    public static Knob integer(String name, String label, int def, int min, int max) {
        return new Knob(name, label, Type.INT, def, min, max, false, List.of(), List.of(), "", "", false);
    }

    /** One of a fixed set of values; {@code options[i]} goes in the URL, {@code labels[i]} on screen. */
    public static Knob choice(String name, String label, String def, List<String> options, List<String> labels) {
        if (!options.contains(def) || labels.size() != options.size()) {
            throw new IllegalArgumentException("bad choice knob: " + name);
        }
        return new Knob(name, label, Type.CHOICE, def, 0, options.size() - 1, false, options, labels, "", "",
                false);
    }

    public static Knob choice(String name, String label, String def, List<String> options) {
        return choice(name, label, def, options, options);
    }

    public static Knob bool(String name, String label, boolean def) {
        return new Knob(name, label, Type.BOOL, def, 0, 1, false, List.of(), List.of(), "", "", false);
    }

    /** Free text of at most {@code maxLength} characters (a typed function, a prompt). */
    public static Knob text(String name, String label, String def, int maxLength) {
        return new Knob(name, label, Type.TEXT, def, 0, maxLength, false, List.of(), List.of(), "", "", false);
    }

    /** The standard seed knob: every lab has one, so a link reproduces a run. */
    public static Knob seed() {
        return integer("seed", "Seed", 1, 0, 999_999).in("training").withHelp("Same seed, same run, on any device.");
    }

    public Knob in(String group) {
        return new Knob(name, label, type, defaultValue, min, max, log, options, optionLabels, group, help, live,
                internal);
    }

    public Knob withHelp(String help) {
        return new Knob(name, label, type, defaultValue, min, max, log, options, optionLabels, group, help, live,
                internal);
    }

    /** Marks the knob as applying to the running experiment without a rebuild. */
    public Knob live() {
        return new Knob(name, label, type, defaultValue, min, max, log, options, optionLabels, group, help, true,
                internal);
    }

    /** Marks the knob as lab-edited state: in the URL, validated like any knob, but not rendered in the panel. */
    public Knob internal() {
        return new Knob(name, label, type, defaultValue, min, max, log, options, optionLabels, group, help, live,
                true);
    }

    public int maxLength() {
        return (int) max;
    }

    public String labelOf(String option) {
        int i = options.indexOf(option);
        return i < 0 ? option : optionLabels.get(i);
    }
}
