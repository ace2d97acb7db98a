package descent.tensor;

/**
 * Where tensors live and ops run. One method per op family, forward and backward, so that a WGSL kernel can implement
 * each; the autograd above never sees storage. Conventions every implementation keeps:
 * <ul>
 *   <li>all arrays are float32, row-major; shapes are passed as the sizes the kernel needs, never as tensors;</li>
 *   <li>backward methods <em>accumulate</em> into gradient buffers ({@code g += ...}); gradients start zeroed;</li>
 *   <li>forward methods overwrite their output completely unless a flag says {@code accumulate};</li>
 *   <li>class and row indices travel as float32 values (exact below 2^24), so one buffer type serves all ops;</li>
 *   <li>{@link #read} is the only way values reach the host and may be slow (an async map on a GPU): use it for stats,
 *       never inside a training step.</li>
 * </ul>
 */
public interface Backend {
    String name();

    // ---- memory ---------------------------------------------------------------------------------------------

    /** A buffer of {@code length} floats from the pool; its contents are unspecified. */
    Buffer alloc(int length);

    /** A buffer of {@code length} zeros. */
    Buffer allocZeroed(int length);

    /** Returns a buffer to the pool; it must not be used afterwards. */
    void release(Buffer b);

    /** Copies {@code src[0..dst.length)} into device storage. */
    void write(Buffer dst, float[] src);

    /** Copies device storage to a new host array. Explicit and rare: on a GPU this waits for the device. */
    float[] read(Buffer b);

    /** Buffers handed out and not yet released. */
    int liveBuffers();

    /** Bytes in buffers handed out and not yet released. */
    long liveBytes();

    /** Bytes held by the pool for reuse (not live). */
    long pooledBytes();

    // ---- fill, copy, elementwise -------------------------------------------------------------------------

    void fill(Buffer out, float value);

    /** out[i] = x[i] for i < n, or out[i] += x[i] when accumulating. */
    void copy(Buffer x, Buffer out, int n, boolean accumulate);

    /**
     * to[i] = from[i] + w[i / block] (to[i] - from[i]) for i < n: one interpolation weight per block of consecutive
     * elements (per member of an ensemble parameter). {@code to} must not alias {@code from} or {@code w}.
     */
    void lerpBlocks(Buffer from, Buffer w, int block, Buffer to, int n);

    /** out = f(x; alpha) over n elements; out may be x. */
    void unary(Unary op, float alpha, Buffer x, Buffer out, int n);

    /** gx += gy * f'(x) where y = f(x) is passed too, as some derivatives are cheaper from y. */
    void unaryBackward(Unary op, float alpha, Buffer x, Buffer y, Buffer gy, Buffer gx, int n);

    /**
     * out = a op b with broadcasting: {@code outShape} is the result shape, {@code aStrides}/{@code bStrides} are the
     * operands' strides aligned to it (0 along broadcast axes). out may alias a when shapes are equal.
     */
    void binary(Binary op, Buffer a, int[] aStrides, Buffer b, int[] bStrides, Buffer out, int[] outShape);

    /** ga += dL/da, gb += dL/db (summed over broadcast axes); either may be null when not needed. */
    void binaryBackward(Binary op, Buffer a, int[] aStrides, Buffer b, int[] bStrides, Buffer gy, int[] outShape,
                        Buffer ga, Buffer gb);

    // ---- linear algebra ------------------------------------------------------------------------------------

    /**
     * Batched C = op(A) op(B) over {@code batch} matrices, C is (m, n), op(A) is (m, k), op(B) is (k, n); with
     * {@code transA} A is stored (k, m), with {@code transB} B is stored (n, k). {@code strideA}/{@code strideB} are
     * the element offsets between batches (0 broadcasts one matrix over the batch); C is dense.
     */
    void matmul(Buffer a, Buffer b, Buffer c, int batch, int m, int k, int n, boolean transA, boolean transB,
                int strideA, int strideB, boolean accumulate);

    // ---- layout --------------------------------------------------------------------------------------------

    /** out = x with axes reordered: out axis i is x axis {@code axes[i]}; x has {@code shape}. */
    void permute(Buffer x, int[] shape, int[] axes, Buffer out, boolean accumulate);

    /**
     * Block copy along one axis, for slice and concat: viewing src as (outer, srcLen, inner) and dst as
     * (outer, dstLen, inner), copies src[:, srcOff:srcOff+len, :] to dst[:, dstOff:dstOff+len, :].
     */
    void copyAxis(Buffer src, int srcLen, int srcOff, Buffer dst, int dstLen, int dstOff, int outer, int len,
                  int inner, boolean accumulate);

    /** out[i, :] = src[idx[i], :] (or +=) for i < rows; src is (srcRows, cols). Out-of-range indices are an error. */
    void gatherRows(Buffer src, int srcRows, Buffer idx, Buffer out, int rows, int cols, boolean accumulate);

    /** out[idx[i], :] += src[i, :] for i < rows; out is (outRows, cols). Used for message passing and embeddings. */
    void scatterAddRows(Buffer src, Buffer idx, int rows, int cols, Buffer out, int outRows);

    // ---- reductions, softmax -------------------------------------------------------------------------------

    /** out(outer, inner) = reduce over n of x(outer, n, inner). */
    void reduce(Reduce op, Buffer x, Buffer out, int outer, int n, int inner);

    /** gx += d/dx of the reduction, given y = reduce(x) and gy. */
    void reduceBackward(Reduce op, Buffer x, Buffer y, Buffer gy, Buffer gx, int outer, int n, int inner);

    /**
     * Softmax (or log-softmax) over the axis of length n of x(outer, n, inner). With {@code causal > 0} the input is
     * (rows, n) with inner = 1, and row r may only attend to columns j <= r mod causal (the rest get weight 0).
     */
    void softmax(Buffer x, Buffer y, int outer, int n, int inner, boolean log, int causal);

    /** gx += backward of softmax / log-softmax from its output y. */
    void softmaxBackward(Buffer y, Buffer gy, Buffer gx, int outer, int n, int inner, boolean log);

    // ---- losses (each returns a scalar mean) ---------------------------------------------------------------

    /** loss[0] = mean over rows of -log softmax(logits)[row, target[row]]; logits (rows, classes). */
    void crossEntropy(Buffer logits, Buffer target, Buffer loss, int rows, int classes);

    void crossEntropyBackward(Buffer logits, Buffer target, Buffer gLoss, Buffer gLogits, int rows, int classes);

    /** loss[0] = mean of max(z,0) - z t + log(1 + e^-|z|), targets t in [0, 1]. */
    void bceWithLogits(Buffer logits, Buffer target, Buffer loss, int n);

    void bceWithLogitsBackward(Buffer logits, Buffer target, Buffer gLoss, Buffer gLogits, int n);

    // ---- normalisation over the last axis, keeping per-row statistics for the backward pass ---------------

    /** y = (x - mean) * rstd per row of (rows, d); mean and rstd (rows) are written for the backward pass. */
    void layerNorm(Buffer x, Buffer y, Buffer mean, Buffer rstd, int rows, int d, float eps);

    void layerNormBackward(Buffer x, Buffer mean, Buffer rstd, Buffer gy, Buffer gx, int rows, int d);

    /** y = x * rstd with rstd = 1 / sqrt(mean(x^2) + eps) per row of (rows, d). */
    void rmsNorm(Buffer x, Buffer y, Buffer rstd, int rows, int d, float eps);

    void rmsNormBackward(Buffer x, Buffer rstd, Buffer gy, Buffer gx, int rows, int d);

    // ---- images (N, C, H, W) -------------------------------------------------------------------------------

    /** y(N, Cout, Ho, Wo) = conv of x(N, Cin, H, W) with w(Cout, Cin, kh, kw); see {@link ConvShape}. */
    void conv2d(Buffer x, Buffer w, Buffer y, ConvShape s);

    void conv2dBackwardInput(Buffer gy, Buffer w, Buffer gx, ConvShape s);

    void conv2dBackwardWeight(Buffer x, Buffer gy, Buffer gw, ConvShape s);

    /** Pooling with a k x k window and the given stride, no padding; x is (planes, H, W) with planes = N * C. */
    void pool2d(Pool op, Buffer x, Buffer y, int planes, int h, int w, int k, int stride);

    void pool2dBackward(Pool op, Buffer x, Buffer gy, Buffer gx, int planes, int h, int w, int k, int stride);

    /** Nearest-neighbour upsampling by an integer factor of x (planes, H, W) to (planes, H f, W f). */
    void upsampleNearest(Buffer x, Buffer y, int planes, int h, int w, int factor);

    void upsampleNearestBackward(Buffer gy, Buffer gx, int planes, int h, int w, int factor);

    // ---- randomness ----------------------------------------------------------------------------------------

    /**
     * Inverted dropout: y[i] = x[i] / (1 - p) if keep(seed, i) else 0, where keep is {@link Rng#keep}: a counter-based
     * hash, so the backward pass (and a GPU kernel) recomputes the same mask from the seed without storing it.
     */
    void dropout(Buffer x, Buffer y, int n, float p, long seed);

    void dropoutBackward(Buffer gy, Buffer gx, int n, float p, long seed);

    // ---- optimizers ------------------------------------------------------------------------------------------

    /** One fused elementwise optimizer update of a parameter tensor: see {@link UpdateRule}. */
    void update(UpdateRule rule, float[] hyper, Buffer param, Buffer grad, Buffer[] state, int n);
}
