package descent.tensor;

/**
 * A float32 array with a shape, stored in a {@link Backend}, and a node of the autograd tape.
 *
 * <p>Ops build new tensors and record how to send gradients back to their inputs ({@link #backward()} walks the tape).
 * Tensors made inside a {@link Scope} are released to the backend's pool when the scope closes, so a training step
 * leaves nothing behind; parameters are made {@link #persistent()} and keep their storage and gradient.
 *
 * <p>Reading values on the host is explicit: {@link #toHost()} and {@link #item()}.
 */
public final class Tensor {
    /** The backward rule of the op that produced a tensor: reads this tensor's gradient, adds to its inputs'. */
    @FunctionalInterface
    public interface BackwardFn {
        void run();
    }

    public final Backend backend;
    private final int[] shape;
    public final int size;
    private Buffer data;
    private Buffer grad;
    private final boolean ownsData;
    private boolean requiresGrad;
    private boolean persistent;
    private Tensor[] parents;
    private BackwardFn backwardFn;
    private String name;
    int visitMark;

    Tensor(Backend backend, int[] shape, Buffer data, boolean ownsData) {
        this.backend = backend;
        this.shape = shape;
        this.size = Shape.size(shape);
        if (data.length < size) throw new IllegalArgumentException("buffer smaller than shape " + Shape.str(shape));
        this.data = data;
        this.ownsData = ownsData;
        Scope.track(this);
    }

    // ---- construction --------------------------------------------------------------------------------------

    /** An uninitialised tensor whose contents the caller overwrites (ops use this for outputs). */
    public static Tensor empty(Backend backend, int... shape) {
        return new Tensor(backend, shape.clone(), backend.alloc(Shape.size(shape)), true);
    }

    public static Tensor zeros(Backend backend, int... shape) {
        return new Tensor(backend, shape.clone(), backend.allocZeroed(Shape.size(shape)), true);
    }

    public static Tensor full(Backend backend, float value, int... shape) {
        Tensor t = empty(backend, shape);
        backend.fill(t.data, value);
        return t;
    }

    /** Uploads host values; {@code values.length} must equal the shape's size. */
    public static Tensor of(Backend backend, float[] values, int... shape) {
        if (values.length != Shape.size(shape)) {
            throw new IllegalArgumentException(values.length + " values for shape " + Shape.str(shape));
        }
        Tensor t = empty(backend, shape);
        backend.write(t.data, values);
        return t;
    }

    public static Tensor scalar(Backend backend, float value) {
        return of(backend, new float[] {value});
    }

    /** Class labels or row indices, stored as exact float32 values (they must be below 2^24). */
    public static Tensor indices(Backend backend, int[] idx, int... shape) {
        float[] f = new float[idx.length];
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= (1 << 24)) throw new IllegalArgumentException("index out of range: " + idx[i]);
            f[i] = idx[i];
        }
        return of(backend, f, shape.length == 0 ? new int[] {idx.length} : shape);
    }

    /** Output of an op: storage from the pool, and a place on the tape if any input needs a gradient. */
    static Tensor result(int[] shape, Tensor... inputs) {
        Tensor out = empty(inputs[0].backend, shape);
        if (Autograd.enabled()) {
            for (Tensor t : inputs) {
                if (t != null && t.requiresGrad) {
                    out.requiresGrad = true;
                    out.parents = inputs;
                    break;
                }
            }
        }
        return out;
    }

    /** A tensor sharing this one's storage under another shape (reshape); it never releases the storage. */
    Tensor view(int[] newShape) {
        Tensor v = new Tensor(backend, newShape, buffer(), false);
        if (requiresGrad && Autograd.enabled()) {
            v.requiresGrad = true;
            v.parents = new Tensor[] {this};
        }
        return v;
    }

    // ---- autograd ------------------------------------------------------------------------------------------

    /** Marks a leaf as trainable: gradients will be accumulated into it. */
    public Tensor requireGrad() {
        if (parents != null) throw new IllegalStateException("only leaves can require gradients");
        requiresGrad = true;
        return this;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Keeps storage and gradient beyond the enclosing {@link Scope}: parameters, optimizer state, kept stats. */
    public Tensor persistent() {
        persistent = true;
        return this;
    }

    public boolean isPersistent() {
        return persistent;
    }

    /** Backpropagates from this scalar: d this / d leaf is added to every leaf's gradient. */
    public void backward() {
        if (size != 1) throw new IllegalStateException("backward() needs a scalar, got " + Shape.str(shape));
        Autograd.backward(this);
    }

    /** The same values with no history: gradients stop here. Shares storage. */
    public Tensor detach() {
        return new Tensor(backend, shape, buffer(), false);
    }

    void setBackward(BackwardFn fn) {
        if (requiresGrad) backwardFn = fn;
    }

    BackwardFn backwardFn() {
        return backwardFn;
    }

    Tensor[] parents() {
        return parents;
    }

    /** The gradient buffer, allocated as zeros on first use. */
    public Buffer gradBuffer() {
        if (grad == null) grad = backend.allocZeroed(size);
        return grad;
    }

    /** True when a gradient has been accumulated since the last {@link #zeroGrad()}. */
    public boolean hasGrad() {
        return grad != null;
    }

    /** The gradient as a tensor (sharing storage, no history), or null if none was accumulated. */
    public Tensor grad() {
        return grad == null ? null : new Tensor(backend, shape, grad, false);
    }

    public void zeroGrad() {
        if (grad != null) backend.fill(grad, 0f);
    }

    /** Drops the gradient storage (intermediate tensors after backward). */
    void releaseGrad() {
        if (grad != null) {
            backend.release(grad);
            grad = null;
        }
    }

    // ---- storage -------------------------------------------------------------------------------------------

    /** The storage handle, for backend calls. */
    public Buffer buffer() {
        if (data == null) throw new IllegalStateException("tensor " + describe() + " was released (used after its scope)");
        return data;
    }

    /** Returns storage and gradient to the pool; the tensor is unusable afterwards. */
    public void release() {
        if (data != null && ownsData) backend.release(data);
        data = null;
        releaseGrad();
        parents = null;
        backwardFn = null;
    }

    public boolean isReleased() {
        return data == null;
    }

    /** Copies the values to the host. Slow on a GPU: for stats and tests, not inside a step. */
    public float[] toHost() {
        float[] all = backend.read(buffer());
        if (all.length == size) return all;
        float[] f = new float[size];
        System.arraycopy(all, 0, f, 0, size);
        return f;
    }

    /** The single value of a one-element tensor, read to the host. */
    public float item() {
        if (size != 1) throw new IllegalStateException("item() needs one element, got " + Shape.str(shape));
        return toHost()[0];
    }

    /** Overwrites the values from the host. */
    public void copyFrom(float[] values) {
        if (values.length != size) throw new IllegalArgumentException(values.length + " values for " + describe());
        backend.write(buffer(), values);
    }

    // ---- shape ---------------------------------------------------------------------------------------------

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Size of an axis; negative counts from the end. */
    public int dim(int axis) {
        return shape[Shape.axis(shape, axis)];
    }

    int[] shapeRef() {
        return shape;
    }

    public Tensor named(String n) {
        this.name = n;
        return this;
    }

    public String name() {
        return name;
    }

    public String describe() {
        return (name == null ? "tensor" : name) + Shape.str(shape);
    }

    @Override
    public String toString() {
        return describe();
    }

    // ---- ops (forward and backward live in the op classes) ------------------------------------------------

    public Tensor add(Tensor o) { return Elementwise.binary(Binary.ADD, this, o); }
    public Tensor sub(Tensor o) { return Elementwise.binary(Binary.SUB, this, o); }
    public Tensor mul(Tensor o) { return Elementwise.binary(Binary.MUL, this, o); }
    public Tensor div(Tensor o) { return Elementwise.binary(Binary.DIV, this, o); }
    public Tensor maximum(Tensor o) { return Elementwise.binary(Binary.MAX, this, o); }

    public Tensor add(float c) { return Elementwise.unary(Unary.ADD_SCALAR, c, this); }
    public Tensor sub(float c) { return Elementwise.unary(Unary.ADD_SCALAR, -c, this); }
    public Tensor mul(float c) { return Elementwise.unary(Unary.SCALE, c, this); }
    public Tensor div(float c) { return Elementwise.unary(Unary.SCALE, 1f / c, this); }
    public Tensor neg() { return Elementwise.unary(Unary.NEG, 0f, this); }
    public Tensor pow(float p) { return Elementwise.unary(Unary.POW, p, this); }
    public Tensor square() { return Elementwise.unary(Unary.SQUARE, 0f, this); }
    public Tensor abs() { return Elementwise.unary(Unary.ABS, 0f, this); }
    public Tensor exp() { return Elementwise.unary(Unary.EXP, 0f, this); }
    public Tensor log() { return Elementwise.unary(Unary.LOG, 0f, this); }
    public Tensor sqrt() { return Elementwise.unary(Unary.SQRT, 0f, this); }
    public Tensor tanh() { return Elementwise.unary(Unary.TANH, 0f, this); }
    public Tensor sigmoid() { return Elementwise.unary(Unary.SIGMOID, 0f, this); }
    public Tensor relu() { return Elementwise.unary(Unary.RELU, 0f, this); }
    public Tensor leakyRelu(float slope) { return Elementwise.unary(Unary.LEAKY_RELU, slope, this); }
    public Tensor gelu() { return Elementwise.unary(Unary.GELU, 0f, this); }
    public Tensor silu() { return Elementwise.unary(Unary.SILU, 0f, this); }
    public Tensor softplus() { return Elementwise.unary(Unary.SOFTPLUS, 0f, this); }
    public Tensor clampMin(float lo) { return Elementwise.unary(Unary.CLAMP_MIN, lo, this); }
    /** c / x */
    public Tensor reciprocal(float c) { return Elementwise.unary(Unary.RECIPROCAL, c, this); }

    /** Matrix product over the last two axes; leading axes are batch axes (b may be 2-D and shared). */
    public Tensor matmul(Tensor b) { return LinearAlgebra.matmul(this, b); }
    /** Swaps the last two axes. */
    public Tensor transpose() { return Layout.permute(this, Layout.swapLast(rank())); }
    public Tensor permute(int... axes) { return Layout.permute(this, axes); }
    /** Same values, new shape; one entry may be -1. Shares storage. */
    public Tensor reshape(int... newShape) { return Layout.reshape(this, newShape); }
    public Tensor slice(int axis, int start, int end) { return Layout.slice(this, axis, start, end); }
    /** Rows {@code idx} of this (rows, ...) tensor. */
    public Tensor gatherRows(Tensor idx) { return Layout.gatherRows(this, idx); }

    public Tensor sum() { return Reductions.all(Reduce.SUM, this); }
    public Tensor mean() { return Reductions.all(Reduce.MEAN, this); }
    public Tensor sum(int axis, boolean keepDim) { return Reductions.along(Reduce.SUM, this, axis, keepDim); }
    public Tensor mean(int axis, boolean keepDim) { return Reductions.along(Reduce.MEAN, this, axis, keepDim); }
    public Tensor max(int axis, boolean keepDim) { return Reductions.along(Reduce.MAX, this, axis, keepDim); }
    public Tensor softmax(int axis) { return Reductions.softmax(this, axis, false); }
    public Tensor logSoftmax(int axis) { return Reductions.softmax(this, axis, true); }
}
