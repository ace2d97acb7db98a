package descent.tensor;

/**
 * Elementwise functions y = f(x; alpha). One enum, one kernel family: the GPU backend selects the same function by
 * {@link #ordinal()} in {@code unary.wgsl}. {@code alpha} is the scalar the op needs (slope, exponent, constant).
 */
public enum Unary {
    NEG, EXP, LOG, SQRT, TANH, SIGMOID, RELU,
    /** max(x, alpha x) */
    LEAKY_RELU,
    /** GPT-2's tanh approximation: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) */
    GELU,
    /** x sigmoid(x), also called swish */
    SILU,
    /** log(1 + e^x), computed without overflow */
    SOFTPLUS,
    /** alpha x */
    SCALE,
    /** x + alpha */
    ADD_SCALAR,
    /** x^alpha (x > 0 unless alpha is an integer) */
    POW,
    SQUARE, ABS,
    /** max(x, alpha); gradient passes where x > alpha */
    CLAMP_MIN,
    /** alpha / x */
    RECIPROCAL
}
