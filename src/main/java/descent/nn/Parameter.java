package descent.nn;

import descent.tensor.Tensor;

/**
 * A trainable tensor with what optimizers need to know about it: its role, its fan-in and fan-out, and the per-layer
 * learning-rate multiplier a parametrisation (e.g. muP) assigns. The tensor is persistent and accumulates gradients.
 */
public final class Parameter {
    public final String name;
    public final Role role;
    public final Tensor value;
    public final int fanIn, fanOut;
    /** Multiplies the optimizer's learning rate for this tensor (1 in standard parametrisation). */
    public final float lrScale;

    public Parameter(String name, Role role, Tensor value, int fanIn, int fanOut, float lrScale) {
        this.name = name;
        this.role = role;
        this.value = value.persistent().requireGrad().named(name);
        this.fanIn = fanIn;
        this.fanOut = fanOut;
        this.lrScale = lrScale;
    }

    /** A weight matrix (as opposed to a bias or gain vector). */
    public boolean isMatrix() {
        return value.rank() >= 2 && (role == Role.INPUT || role == Role.HIDDEN || role == Role.OUTPUT);
    }

    public int size() {
        return value.size;
    }

    @Override
    public String toString() {
        return name + " " + role.name().toLowerCase() + " " + value.describe();
    }
}
