package descent.nn;

/**
 * How a layer's initial scale and learning-rate multiplier depend on its role and width.
 *
 * <p>{@link #standard} is what most code does (He/Kaiming or Glorot/Xavier init, one learning rate). {@link #muP} is
 * the maximal-update parametrisation of Tensor Programs V (Yang et al. 2021, Table 3), normalised so that at the base
 * width it coincides with standard: widen the network and the best learning rate stays put.
 */
public interface Parametrization {
    /** Standard deviation of the normal initial weights; {@code gain} is the activation's (sqrt 2 for ReLU). */
    double initStd(Role role, int fanIn, int fanOut, double gain);

    /** Multiplier on the optimizer's learning rate. */
    float lrScale(Role role, int fanIn, int fanOut);

    enum Init { KAIMING, XAVIER }

    /** Kaiming: std = gain / sqrt(fanIn) (He et al. 2015). Xavier: std = gain sqrt(2 / (fanIn + fanOut)) (Glorot 2010). */
    static Parametrization standard(Init init) {
        return new Parametrization() {
            @Override
            public double initStd(Role role, int fanIn, int fanOut, double gain) {
                return init == Init.KAIMING ? gain / Math.sqrt(fanIn) : gain * Math.sqrt(2.0 / (fanIn + fanOut));
            }

            @Override
            public float lrScale(Role role, int fanIn, int fanOut) {
                return 1f;
            }

            @Override
            public String toString() {
                return init == Init.KAIMING ? "standard (Kaiming)" : "standard (Xavier)";
            }
        };
    }

    static Parametrization standard() {
        return standard(Init.KAIMING);
    }

    /**
     * muP for Adam-type optimizers (Tensor Programs V, Table 3, middle column), with width ratio r = fanIn / baseWidth:
     * <ul>
     *   <li>input weights: init variance 1/fanIn, learning rate unchanged;</li>
     *   <li>hidden weights: init variance 1/fanIn, learning rate / r;</li>
     *   <li>output weights: init variance 1/fanIn^2 (std gain sqrt(baseWidth) / fanIn), learning rate / r;</li>
     *   <li>biases and norm gains: learning rate unchanged.</li>
     * </ul>
     * With {@code sgd} the learning-rate column for SGD is used instead: input x fanOut / baseWidth, hidden 1,
     * output / r.
     */
    static Parametrization muP(int baseWidth, boolean sgd) {
        return new Parametrization() {
            @Override
            public double initStd(Role role, int fanIn, int fanOut, double gain) {
                if (role == Role.OUTPUT) return gain * Math.sqrt(baseWidth) / fanIn;
                return gain / Math.sqrt(fanIn);
            }

            @Override
            public float lrScale(Role role, int fanIn, int fanOut) {
                switch (role) {
                    case INPUT: return sgd ? (float) fanOut / baseWidth : 1f;
                    case HIDDEN: return sgd ? 1f : (float) baseWidth / fanIn;
                    case OUTPUT: return (float) baseWidth / fanIn;
                    default: return 1f;
                }
            }

            @Override
            public String toString() {
                return "muP (base width " + baseWidth + (sgd ? ", SGD)" : ", Adam)");
            }
        };
    }
}
