package descent.labs;

import java.util.List;

/**
 * What the shell needs to know about a lab before it runs: its identity for the gallery and its knobs.
 *
 * @param id       the {@code lab=} value in the URL
 * @param lecture  where it sits in the course, e.g. "Week 1 · SGD and MLPs"
 * @param pitch    one line for the gallery card
 */
public record LabSpec(String id, String title, String lecture, String pitch, List<Knob> knobs, List<Preset> presets) {
    public Knob knob(String name) {
        for (Knob k : knobs) {
            if (k.name.equals(name)) {
                return k;
            }
        }
        return null;
    }
}
