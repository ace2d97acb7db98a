package descent.nn;

import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Tensor;

/**
 * A lookup table of vectors: token ids (any shape) to (..., D). An input layer for muP (its "fan-in" is a one-hot
 * of fixed size), initialised N(0, 1) scaled by {@code std}.
 */
public final class Embedding extends Module {
    public final int vocab, d;
    public final Parameter weight; // (V, D)

    public Embedding(Backend be, Rng rng, String name, int vocab, int d, double std) {
        super(be, name);
        this.vocab = vocab;
        this.d = d;
        weight = param("weight", Role.INPUT, Tensor.of(be, rng.normals(vocab * d, std), vocab, d), vocab, d, 1f);
    }

    /** ids: float-encoded token indices, e.g. (B, T), giving (B, T, D). */
    @Override
    public Tensor forward(Tensor ids) {
        return weight.value.gatherRows(ids);
    }
}
