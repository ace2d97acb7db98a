package descent.labs.generative;

import descent.tensor.Tensor;

/**
 * What the diffusion network is trained to output for x_t = a x_0 + b ε (a = sqrt(ᾱ_t), b = sqrt(1 - ᾱ_t)). All three
 * carry the same information, since any two of x_t, ε and x_0 give the third; they weight the noise levels
 * differently in the loss, which changes what the network gets good at.
 */
public enum Prediction {
    /** The noise ε (Ho et al. 2020): the usual choice. */
    EPS,
    /** The clean data x_0 directly. */
    X0,
    /** The velocity v = a ε - b x_0 (Salimans and Ho 2022): well-behaved at both ends of the schedule. */
    V;

    /** The training target for rows with per-row a and b (N, 1). */
    public Tensor target(Tensor x0, Tensor eps, Tensor a, Tensor b) {
        switch (this) {
            case EPS: return eps;
            case X0: return x0;
            default: return a.mul(eps).sub(b.mul(x0));
        }
    }

    /** The network's guess of the clean data from its output m at x_t. */
    public Tensor x0(Tensor xt, Tensor m, float a, float b) {
        switch (this) {
            case EPS: return xt.sub(m.mul(b)).mul(1 / a);
            case X0: return m;
            default: return xt.mul(a).sub(m.mul(b));
        }
    }

    /** The network's guess of the noise from its output m at x_t. */
    public Tensor eps(Tensor xt, Tensor m, float a, float b) {
        switch (this) {
            case EPS: return m;
            case X0: return xt.sub(m.mul(a)).mul(1 / b);
            default: return xt.mul(b).add(m.mul(a));
        }
    }
}
