package descent.tensor;

import java.util.ArrayList;
import java.util.HashMap;

/**
 * The plain-Java backend: storage is {@code float[]}, kernels are loops written for speed (see {@link CpuMatmul}).
 * It is the reference every other backend is tested against, and the fallback in browsers without WebGPU.
 *
 * <p>Released buffers go to a pool keyed by exact length, so a training step that repeats the same shapes allocates
 * nothing after its first run.
 */
public final class CpuBackend implements Backend {
    static final class Cpu extends Buffer {
        final float[] a;

        Cpu(int length) {
            super(length);
            a = new float[length];
        }
    }

    private final HashMap<Integer, ArrayList<Cpu>> pool = new HashMap<>();
    private int live;
    private long liveBytes, pooledBytes;

    static float[] f(Buffer b) {
        return ((Cpu) b).a;
    }

    /**
     * The array behind a CPU buffer, for hand-fused kernels that skip the op-by-op path where per-op overhead would
     * dominate (the playground's tiny MLPs). Writes are seen by every tensor sharing the buffer; the buffer must come
     * from a {@code CpuBackend}.
     */
    public static float[] array(Buffer b) {
        return f(b);
    }

    @Override
    public String name() {
        return "cpu";
    }

    // ---- memory ---------------------------------------------------------------------------------------------

    @Override
    public Buffer alloc(int length) {
        ArrayList<Cpu> free = pool.get(length);
        Cpu b;
        if (free != null && !free.isEmpty()) {
            b = free.remove(free.size() - 1);
            pooledBytes -= 4L * length;
        } else {
            b = new Cpu(length);
        }
        live++;
        liveBytes += 4L * length;
        return b;
    }

    @Override
    public Buffer allocZeroed(int length) {
        Buffer b = alloc(length);
        fill(b, 0f);
        return b;
    }

    @Override
    public void release(Buffer b) {
        Cpu c = (Cpu) b;
        pool.computeIfAbsent(c.length, k -> new ArrayList<>()).add(c);
        live--;
        liveBytes -= 4L * c.length;
        pooledBytes += 4L * c.length;
    }

    /** Forgets pooled buffers so the garbage collector can take them (e.g. after a lab changes model size). */
    public void trimPool() {
        pool.clear();
        pooledBytes = 0;
    }

    @Override
    public void write(Buffer dst, float[] src) {
        System.arraycopy(src, 0, f(dst), 0, Math.min(src.length, dst.length));
    }

    @Override
    public float[] read(Buffer b) {
        return f(b).clone();
    }

    @Override
    public int liveBuffers() {
        return live;
    }

    @Override
    public long liveBytes() {
        return liveBytes;
    }

    @Override
    public long pooledBytes() {
        return pooledBytes;
    }

    // ---- fill, copy, elementwise ------------------------------------------------------------------------------

    @Override
    public void fill(Buffer out, float value) {
        float[] o = f(out);
        for (int i = 0; i < o.length; i++) o[i] = value;
    }

    @Override
    public void copy(Buffer x, Buffer out, int n, boolean accumulate) {
        float[] a = f(x), o = f(out);
        if (!accumulate) {
            System.arraycopy(a, 0, o, 0, n);
            return;
        }
        for (int i = 0; i < n; i++) o[i] += a[i];
    }

    @Override
    public void lerpBlocks(Buffer from, Buffer w, int block, Buffer to, int n) {
        float[] f = f(from), r = f(w), t = f(to);
        for (int i = 0; i < n; i++) t[i] = f[i] + r[i / block] * (t[i] - f[i]);
    }

    @Override
    public void unary(Unary op, float alpha, Buffer x, Buffer out, int n) {
        CpuElementwise.unary(op, alpha, f(x), f(out), n);
    }

    @Override
    public void unaryBackward(Unary op, float alpha, Buffer x, Buffer y, Buffer gy, Buffer gx, int n) {
        CpuElementwise.unaryBackward(op, alpha, f(x), f(y), f(gy), f(gx), n);
    }

    @Override
    public void binary(Binary op, Buffer a, int[] sa, Buffer b, int[] sb, Buffer out, int[] shape) {
        CpuElementwise.binary(op, f(a), sa, f(b), sb, f(out), shape);
    }

    @Override
    public void binaryBackward(Binary op, Buffer a, int[] sa, Buffer b, int[] sb, Buffer gy, int[] shape,
                               Buffer ga, Buffer gb) {
        CpuElementwise.binaryBackward(op, f(a), sa, f(b), sb, f(gy), shape, ga == null ? null : f(ga),
                gb == null ? null : f(gb));
    }

    // ---- linear algebra -----------------------------------------------------------------------------------------

    @Override
    public void matmul(Buffer a, Buffer b, Buffer c, int batch, int m, int k, int n, boolean transA, boolean transB,
                       int strideA, int strideB, boolean accumulate) {
        float[] A = f(a), B = f(b), C = f(c);
        for (int i = 0; i < batch; i++) {
            CpuMatmul.gemm(A, i * strideA, B, i * strideB, C, i * m * n, m, k, n, transA, transB, accumulate);
        }
    }

    // ---- layout ---------------------------------------------------------------------------------------------

    @Override
    public void permute(Buffer x, int[] shape, int[] axes, Buffer out, boolean accumulate) {
        CpuLayout.permute(f(x), shape, axes, f(out), accumulate);
    }

    @Override
    public void copyAxis(Buffer src, int srcLen, int srcOff, Buffer dst, int dstLen, int dstOff, int outer, int len,
                         int inner, boolean accumulate) {
        float[] s = f(src), d = f(dst);
        int block = len * inner;
        for (int o = 0; o < outer; o++) {
            int si = (o * srcLen + srcOff) * inner, di = (o * dstLen + dstOff) * inner;
            if (accumulate) {
                for (int i = 0; i < block; i++) d[di + i] += s[si + i];
            } else {
                System.arraycopy(s, si, d, di, block);
            }
        }
    }

    @Override
    public void gatherRows(Buffer src, int srcRows, Buffer idx, Buffer out, int rows, int cols, boolean accumulate) {
        float[] s = f(src), ix = f(idx), o = f(out);
        for (int r = 0; r < rows; r++) {
            int row = CpuLayout.index(ix[r], srcRows);
            int si = row * cols, oi = r * cols;
            if (accumulate) {
                for (int c = 0; c < cols; c++) o[oi + c] += s[si + c];
            } else {
                System.arraycopy(s, si, o, oi, cols);
            }
        }
    }

    @Override
    public void scatterAddRows(Buffer src, Buffer idx, int rows, int cols, Buffer out, int outRows) {
        float[] s = f(src), ix = f(idx), o = f(out);
        for (int r = 0; r < rows; r++) {
            int oi = CpuLayout.index(ix[r], outRows) * cols, si = r * cols;
            for (int c = 0; c < cols; c++) o[oi + c] += s[si + c];
        }
    }

    // ---- reductions, softmax, losses, norms ------------------------------------------------------------------

    @Override
    public void reduce(Reduce op, Buffer x, Buffer out, int outer, int n, int inner) {
        CpuReduce.reduce(op, f(x), f(out), outer, n, inner);
    }

    @Override
    public void reduceBackward(Reduce op, Buffer x, Buffer y, Buffer gy, Buffer gx, int outer, int n, int inner) {
        CpuReduce.reduceBackward(op, f(x), f(y), f(gy), f(gx), outer, n, inner);
    }

    @Override
    public void softmax(Buffer x, Buffer y, int outer, int n, int inner, boolean log, int causal) {
        CpuReduce.softmax(f(x), f(y), outer, n, inner, log, causal);
    }

    @Override
    public void softmaxBackward(Buffer y, Buffer gy, Buffer gx, int outer, int n, int inner, boolean log) {
        CpuReduce.softmaxBackward(f(y), f(gy), f(gx), outer, n, inner, log);
    }

    @Override
    public void crossEntropy(Buffer logits, Buffer target, Buffer loss, int rows, int classes) {
        CpuLosses.crossEntropy(f(logits), f(target), f(loss), rows, classes);
    }

    @Override
    public void crossEntropyBackward(Buffer logits, Buffer target, Buffer gLoss, Buffer gLogits, int rows, int classes) {
        CpuLosses.crossEntropyBackward(f(logits), f(target), f(gLoss), f(gLogits), rows, classes);
    }

    @Override
    public void bceWithLogits(Buffer logits, Buffer target, Buffer loss, int n) {
        CpuLosses.bceWithLogits(f(logits), f(target), f(loss), n);
    }

    @Override
    public void bceWithLogitsBackward(Buffer logits, Buffer target, Buffer gLoss, Buffer gLogits, int n) {
        CpuLosses.bceWithLogitsBackward(f(logits), f(target), f(gLoss), f(gLogits), n);
    }

    @Override
    public void layerNorm(Buffer x, Buffer y, Buffer mean, Buffer rstd, int rows, int d, float eps) {
        CpuLosses.layerNorm(f(x), f(y), f(mean), f(rstd), rows, d, eps);
    }

    @Override
    public void layerNormBackward(Buffer x, Buffer mean, Buffer rstd, Buffer gy, Buffer gx, int rows, int d) {
        CpuLosses.layerNormBackward(f(x), f(mean), f(rstd), f(gy), f(gx), rows, d);
    }

    @Override
    public void rmsNorm(Buffer x, Buffer y, Buffer rstd, int rows, int d, float eps) {
        CpuLosses.rmsNorm(f(x), f(y), f(rstd), rows, d, eps);
    }

    @Override
    public void rmsNormBackward(Buffer x, Buffer rstd, Buffer gy, Buffer gx, int rows, int d) {
        CpuLosses.rmsNormBackward(f(x), f(rstd), f(gy), f(gx), rows, d);
    }

    // ---- images -------------------------------------------------------------------------------------------

    @Override
    public void conv2d(Buffer x, Buffer w, Buffer y, ConvShape s) {
        CpuImages.conv2d(this, f(x), f(w), f(y), s);
    }

    @Override
    public void conv2dBackwardInput(Buffer gy, Buffer w, Buffer gx, ConvShape s) {
        CpuImages.conv2dBackwardInput(this, f(gy), f(w), f(gx), s);
    }

    @Override
    public void conv2dBackwardWeight(Buffer x, Buffer gy, Buffer gw, ConvShape s) {
        CpuImages.conv2dBackwardWeight(this, f(x), f(gy), f(gw), s);
    }

    @Override
    public void pool2d(Pool op, Buffer x, Buffer y, int planes, int h, int w, int k, int stride) {
        CpuImages.pool2d(op, f(x), f(y), planes, h, w, k, stride);
    }

    @Override
    public void pool2dBackward(Pool op, Buffer x, Buffer gy, Buffer gx, int planes, int h, int w, int k, int stride) {
        CpuImages.pool2dBackward(op, f(x), f(gy), f(gx), planes, h, w, k, stride);
    }

    @Override
    public void upsampleNearest(Buffer x, Buffer y, int planes, int h, int w, int factor) {
        CpuImages.upsample(f(x), f(y), planes, h, w, factor, false);
    }

    @Override
    public void upsampleNearestBackward(Buffer gy, Buffer gx, int planes, int h, int w, int factor) {
        CpuImages.upsample(f(gx), f(gy), planes, h, w, factor, true);
    }

    // ---- randomness, optimizers -------------------------------------------------------------------------------

    @Override
    public void dropout(Buffer x, Buffer y, int n, float p, long seed) {
        float[] a = f(x), o = f(y);
        float scale = 1f / (1f - p);
        for (int i = 0; i < n; i++) o[i] = Rng.keep(seed, i, p) ? a[i] * scale : 0f;
    }

    @Override
    public void dropoutBackward(Buffer gy, Buffer gx, int n, float p, long seed) {
        float[] g = f(gy), o = f(gx);
        float scale = 1f / (1f - p);
        for (int i = 0; i < n; i++) if (Rng.keep(seed, i, p)) o[i] += g[i] * scale;
    }

    @Override
    public void update(UpdateRule rule, float[] hyper, Buffer param, Buffer grad, Buffer[] state, int n) {
        float[][] s = new float[state.length][];
        for (int i = 0; i < state.length; i++) s[i] = f(state[i]);
        rule.apply(hyper, f(param), f(grad), s, n);
    }

    /** EXPERIMENT: rows per register tile of the CPU matmul. */
    public static void matmulRowsForBench(int r) {
        CpuMatmul.rows = r;
    }
}
