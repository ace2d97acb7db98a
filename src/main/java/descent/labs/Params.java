package descent.labs;

import java.util.LinkedHashMap;
import java.util.Map;

/** The current value of every knob of one lab; always valid (the parser clamps or defaults what comes in). */
public final class Params {
    private final LabSpec spec;
    private final Map<String, Object> values = new LinkedHashMap<>();

    public Params(LabSpec spec) {
        this.spec = spec;
        for (Knob k : spec.knobs()) {
            values.put(k.name, k.defaultValue);
        }
    }

    public Params copy() {
        Params p = new Params(spec);
        p.values.putAll(values);
        return p;
    }

    public LabSpec spec() {
        return spec;
    }

    public double num(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public int integer(String name) {
        return ((Number) get(name)).intValue();
    }

    public String choice(String name) {
        return (String) get(name);
    }

    public String text(String name) {
        return (String) get(name);
    }

    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    public Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("lab " + spec.id() + " has no knob " + name);
        }
        return v;
    }

    /** Sets a value that is already valid for the knob (controls and the parser guarantee it). */
    public void set(String name, Object value) {
        Knob k = spec.knob(name);
        if (k == null) {
            throw new IllegalArgumentException("lab " + spec.id() + " has no knob " + name);
        }
        values.put(name, switch (k.type) {
            case NUMBER -> ((Number) value).doubleValue();
            case INT -> ((Number) value).intValue();
            case BOOL -> (Boolean) value;
            case CHOICE, TEXT -> (String) value;
        });
    }

    public boolean isDefault(String name) {
        return spec.knob(name).defaultValue.equals(values.get(name));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.spec.id().equals(spec.id()) && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return spec.id() + values;
    }
}
