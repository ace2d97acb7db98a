package descent.app;

import descent.labs.LabSpec;
import descent.ui.LabView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The labs this build offers, in syllabus order. Only finished labs are registered, so only they are shown. */
final class Registry {
    private final Map<String, Supplier<LabView>> factories = new LinkedHashMap<>();
    private final Map<String, LabSpec> specs = new LinkedHashMap<>();
    private final java.util.Set<String> hidden = new java.util.HashSet<>();

    Registry add(LabSpec spec, Supplier<LabView> factory) {
        specs.put(spec.id(), spec);
        factories.put(spec.id(), factory);
        return this;
    }

    /** A lab reachable by its URL but not shown in the gallery (test pages). */
    Registry addHidden(LabSpec spec, Supplier<LabView> factory) {
        hidden.add(spec.id());
        return add(spec, factory);
    }

    /** The labs the gallery shows. */
    List<LabSpec> gallery() {
        List<LabSpec> out = new ArrayList<>();
        for (LabSpec s : specs.values()) {
            if (!hidden.contains(s.id())) {
                out.add(s);
            }
        }
        return out;
    }

    List<LabSpec> specs() {
        return new ArrayList<>(specs.values());
    }

    LabView create(String id) {
        return factories.get(id).get();
    }
}
