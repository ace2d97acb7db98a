package descent.nn;

/**
 * What a parameter does in the network, which is what muP and Muon decide by: input weights map data to the hidden
 * width (their fan-in does not grow with width), hidden weights map width to width, output weights map width to
 * logits; biases and norm gains are vectors.
 */
public enum Role {
    INPUT, HIDDEN, OUTPUT, BIAS, NORM
}
