package descent.labs.attention;

import descent.tensor.Rng;
import java.util.Arrays;

/**
 * Generating token by token: the tokens so far, and for the next position a preview of what the model would do: its
 * raw distribution, the distribution after decoding settings, and where the position being predicted attends. The
 * student steps one token at a time; the model may keep training in between, so the preview is refreshed on
 * request and {@link #advance} always decides from a fresh one.
 */
public final class Generation {
    /** What the model does at the next position. */
    public record Preview(float[] raw, float[] decoded, Probe probe) {
        /** Where the last position attends in head (l, h): a row over the context. */
        public float[] attention(int l, int h) {
            int t = probe.t;
            return Arrays.copyOfRange(probe.attention[l][h], (t - 1) * t, t * t);
        }
    }

    public final int promptLength;
    public final int limit;
    private int[] tokens;
    private int length;
    private final Rng rng;
    private Preview preview;

    /** {@code limit}: how many tokens to generate before the session is done. */
    public Generation(int[] prompt, int limit, long seed) {
        this.promptLength = prompt.length;
        this.limit = limit;
        this.tokens = Arrays.copyOf(prompt, prompt.length + limit);
        this.length = prompt.length;
        this.rng = new Rng(Rng.mix64(seed ^ 0x5A3D1E));
    }

    /** Recomputes the preview with the current weights and decoding settings. */
    public Preview refresh(Transformer model, Sampler.Decoding decoding) {
        Probe p = Probe.run(model, Arrays.copyOf(tokens, length));
        float[] raw = p.distribution(p.t - 1);
        preview = new Preview(raw, Sampler.distribution(raw, decoding), p);
        return preview;
    }

    public Preview preview() {
        return preview;
    }

    /** Picks the next token from a fresh preview and appends it; returns it, or -1 when the session is done. */
    public int advance(Transformer model, Sampler.Decoding decoding) {
        if (done()) return -1;
        Preview p = refresh(model, decoding);
        int next = decoding.greedy() || decoding.temperature() <= 0 ? Sampler.argmax(p.decoded())
                : Sampler.draw(p.decoded(), rng);
        tokens[length++] = next;
        return next; // the preview is now stale: the caller refreshes it when it draws

    }

    public boolean done() {
        return length - promptLength >= limit;
    }

    public int generated() {
        return length - promptLength;
    }

    /** All tokens: the prompt, then what was generated. */
    public int[] tokens() {
        return Arrays.copyOf(tokens, length);
    }
}
