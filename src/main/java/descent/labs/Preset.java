package descent.labs;

/**
 * A guided experiment: one tap loads a configured state, with one sentence on what to watch for.
 *
 * @param settings knob values as a hash fragment, e.g. {@code "dataset=xor&features=x1,x2&hidden=0"}
 */
public record Preset(String title, String watch, String settings) {
}
