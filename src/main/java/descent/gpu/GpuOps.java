package descent.gpu;

import descent.gpu.BufferPool.GpuBuffer;
import descent.gpu.Pipelines.Kernel;
import descent.tensor.Binary;
import descent.tensor.ConvShape;
import descent.tensor.Pool;
import descent.tensor.Reduce;
import descent.tensor.Shape;
import descent.tensor.Unary;
import descent.tensor.UpdateRule;
import java.util.HashMap;

/**
 * Kernel launches, one method per engine op: pick the kernel (and its specialisation), write its parameter block in
 * the order of its WGSL {@code Params} struct, size the grid. Kernels with several variants are cached in arrays so
 * the hot path builds no strings.
 */
final class GpuOps {
    static final int MAX_RANK = 8;
    // kernels without variants, by slot in plainK
    private static final int FILL = 0;
    private static final int COPY = 1;
    private static final int PERMUTE = 2;
    private static final int COPY_AXIS = 3;
    private static final int GATHER_ROWS = 4;
    private static final int SCATTER_ADD_ROWS = 5;
    private static final int SOFTMAX = 6;
    private static final int SOFTMAX_BACKWARD = 7;
    private static final int CROSS_ENTROPY = 8;
    private static final int CROSS_ENTROPY_BACKWARD = 9;
    private static final int BCE = 10;
    private static final int BCE_BACKWARD = 11;
    private static final int LAYER_NORM = 12;
    private static final int LAYER_NORM_BACKWARD = 13;
    private static final int RMS_NORM = 14;
    private static final int RMS_NORM_BACKWARD = 15;
    private static final int UPSAMPLE_BACKWARD = 16;
    private static final int UPSAMPLE = 17;
    private static final int CONV2D = 18;
    private static final int CONV2D_BACKWARD_INPUT = 19;
    private static final int CONV2D_BACKWARD_WEIGHT = 20;
    private static final int LERP_BLOCKS = 21;
    private static final int PLAIN = 22;
    private final WebGpuBackend be;
    final Recorder rec;
    private final Kernel[] unaryK = new Kernel[Unary.values().length];
    private final Kernel[] unaryBackK = new Kernel[Unary.values().length];
    private final Kernel[] binaryK = new Kernel[Binary.values().length];
    private final Kernel[] binaryBackK = new Kernel[2 * Binary.values().length];
    private final GpuMatmul matmul = new GpuMatmul(this);
    private final Kernel[] reduceK = new Kernel[3 * Reduce.values().length];
    private final Kernel[] poolK = new Kernel[2 * Pool.values().length];
    private final Kernel[] dropoutK = new Kernel[2];
    private final HashMap<UpdateRule, Kernel> updateK = new HashMap<>();
    private final Kernel[] plainK = new Kernel[PLAIN];
    private final Kernel[] rowK = new Kernel[2 * PLAIN];

    /** Use the kernels shaped for CPU adapters where one exists (parity turns this off to cover the others too). */
    boolean cpuKernels;

    GpuOps(WebGpuBackend be) {
        this.be = be;
        this.rec = be.rec;
        this.cpuKernels = be.dev.cpuAdapter;
    }

    Kernel k(String name, String src, String constants, int reads, int writes) {
        return be.pipes.get(name, src, constants, reads, writes);
    }

    /** A kernel without variants, compiled on first use and then found by its slot, building no key string. */
    private Kernel plain(int slot, String name, String src, int reads, int writes) {
        Kernel kernel = plainK[slot];
        return kernel != null ? kernel : (plainK[slot] = k(name, src, "", reads, writes));
    }

    /**
     * A row kernel (softmax, norms, cross-entropy backward, reduce): LANES threads share a row, 64 on GPUs, where a
     * workgroup per row keeps long rows parallel, and 1 on CPU adapters, where a row per invocation needs no
     * barrier. Cached per slot and lane count.
     */
    private Kernel rows(int slot, String name, String src, int reads, int writes) {
        int at = 2 * slot + (cpuKernels ? 1 : 0);
        Kernel kernel = rowK[at];
        return kernel != null ? kernel : (rowK[at] = k(name, src, lanes(), reads, writes));
    }

    private String lanes() {
        return cpuKernels ? "LANES=1" : "LANES=64";
    }

    /** Launches a row kernel over this many rows: a workgroup per row, or 64 rows per workgroup at one lane each. */
    private void rowGrid(Kernel kernel, long rows, GpuBuffer... buffers) {
        groupsGrid(kernel, cpuKernels ? (rows + 63) / 64 : rows, buffers);
    }

    /** Launches a one-thread-per-element kernel (256 per workgroup) over n threads, folding the grid into 2-D. */
    void grid(Kernel kernel, long threads, int perGroup, GpuBuffer... buffers) {
        long groups = (threads + perGroup - 1) / perGroup;
        groupsGrid(kernel, groups, buffers);
    }

    private void groupsGrid(Kernel kernel, long groups, GpuBuffer... buffers) {
        if (groups == 0) {
            return;
        }
        int max = be.dev.maxWorkgroupsPerDimension;
        int x = (int) Math.min(groups, max);
        long y = (groups + x - 1) / x;
        rec.launch(kernel, x, (int) y, 1, buffers);
    }

    /** Whether out is also one of the inputs: WebGPU forbids a writable binding that aliases another binding. */
    static boolean aliases(GpuBuffer out, GpuBuffer... in) {
        for (GpuBuffer b : in) {
            if (b != null && b.id == out.id) {
                return true;
            }
        }
        return false;
    }

    // ---- fill, copy, elementwise ------------------------------------------------------------------------------

    void fill(GpuBuffer out, float value) {
        rec.params().u(out.length).f(value);
        grid(plain(FILL, "fill", Shaders.FILL, 0, 1), out.length, 256, out);
    }

    void copy(GpuBuffer x, GpuBuffer out, int n, boolean accumulate) {
        if (x.id == out.id) {
            if (accumulate) {
                unary(Unary.SCALE, 2f, x, out, n);
            }
            return;
        }
        rec.params().u(n).u(accumulate ? 1 : 0);
        grid(plain(COPY, "copy", Shaders.COPY, 1, 1), n, 256, x, out);
    }

    void lerpBlocks(GpuBuffer from, GpuBuffer w, int block, GpuBuffer to, int n) {
        if (aliases(to, from, w)) {
            throw new IllegalArgumentException("lerpBlocks: the output aliases an input");
        }
        rec.params().u(n).u(block);
        grid(plain(LERP_BLOCKS, "lerp_blocks", Shaders.LERP_BLOCKS, 2, 1), n, 256, from, w, to);
    }

    void unary(Unary op, float alpha, GpuBuffer x, GpuBuffer out, int n) {
        if (aliases(out, x)) {
            GpuBuffer tmp = be.pool.alloc(n);
            unary(op, alpha, x, tmp, n);
            copy(tmp, out, n, false);
            be.pool.release(tmp);
            return;
        }
        Kernel kernel = unaryK[op.ordinal()];
        if (kernel == null) {
            kernel = unaryK[op.ordinal()] = k("unary", Shaders.UNARY, "OP=" + op.ordinal(), 1, 1);
        }
        rec.params().u(n).f(alpha);
        grid(kernel, n, 256, x, out);
    }

    void unaryBackward(Unary op, float alpha, GpuBuffer x, GpuBuffer y, GpuBuffer gy, GpuBuffer gx, int n) {
        if (aliases(gx, x, y, gy)) {
            throw new IllegalArgumentException("unaryBackward: the gradient buffer aliases an input");
        }
        Kernel kernel = unaryBackK[op.ordinal()];
        if (kernel == null) {
            kernel = unaryBackK[op.ordinal()] = k("unary_backward", Shaders.UNARY_BACKWARD, "OP=" + op.ordinal(), 3, 1);
        }
        rec.params().u(n).f(alpha);
        grid(kernel, n, 256, x, y, gy, gx);
    }

    /** shape, then the two stride vectors, each padded to 8 entries (the uniform layout of binary.wgsl). */
    private void shapes(int[] shape, int[] s1, int[] s2) {
        if (shape.length > MAX_RANK) {
            throw new IllegalArgumentException("GPU kernels take tensors of rank <= 8, got " + shape.length);
        }
        for (int[] v : new int[][] {shape, s1, s2}) {
            for (int d = 0; d < MAX_RANK; d++) {
                rec.u(v != null && d < v.length ? v[d] : 0);
            }
        }
    }

    /**
     * How often an operand's values repeat along the dense output when it is broadcast along leading axes only: its
     * own size (the output's size when it is not broadcast); 0 for any other layout, which the kernels walk axis by
     * axis. The binary kernels use periods to skip the per-axis divisions.
     */
    static int period(int[] shape, int[] strides) {
        int expect = 1;
        int d = shape.length - 1;
        for (; d >= 0; d--) {
            if (shape[d] != 1 && strides[d] != expect) {
                break;
            }
            expect *= shape[d];
        }
        for (; d >= 0; d--) {
            if (shape[d] != 1 && strides[d] != 0) {
                return 0;
            }
        }
        return expect;
    }

    void binary(Binary op, GpuBuffer a, int[] sa, GpuBuffer b, int[] sb, GpuBuffer out, int[] shape) {
        int n = Shape.size(shape);
        if (aliases(out, a, b)) {
            GpuBuffer tmp = be.pool.alloc(n);
            binary(op, a, sa, b, sb, tmp, shape);
            copy(tmp, out, n, false);
            be.pool.release(tmp);
            return;
        }
        Kernel kernel = binaryK[op.ordinal()];
        if (kernel == null) {
            kernel = binaryK[op.ordinal()] = k("binary", Shaders.BINARY, "OP=" + op.ordinal(), 2, 1);
        }
        rec.params().u(n).u(shape.length).u(period(shape, sa)).u(period(shape, sb));
        shapes(shape, sa, sb);
        grid(kernel, n, 256, a, b, out);
    }

    void binaryBackward(Binary op, GpuBuffer a, int[] sa, GpuBuffer b, int[] sb, GpuBuffer gy, int[] shape,
            GpuBuffer ga, GpuBuffer gb) {
        if (Shape.size(shape) == 0) {
            return;
        }
        for (int which = 0; which < 2; which++) {
            GpuBuffer target = which == 0 ? ga : gb;
            if (target == null) {
                continue;
            }
            int[] strides = which == 0 ? sa : sb;
            long count = 1;
            for (int d = 0; d < shape.length; d++) {
                if (strides[d] != 0) {
                    count *= shape[d];
                }
            }
            int slot = 2 * op.ordinal() + which;
            Kernel kernel = binaryBackK[slot];
            if (kernel == null) {
                kernel = binaryBackK[slot] = k("binary_backward", Shaders.BINARY_BACKWARD,
                        "OP=" + op.ordinal() + ",WHICH=" + which, 3, 1);
            }
            if (aliases(target, a, b, gy)) {
                throw new IllegalArgumentException("binaryBackward: a gradient buffer aliases an input");
            }
            rec.params().u((int) count).u(shape.length).u(period(shape, sa)).u(period(shape, sb));
            shapes(shape, sa, sb);
            grid(kernel, count, 256, a, b, gy, target);
        }
    }

    // ---- matmul ---------------------------------------------------------------------------------------------

    void matmul(GpuBuffer a, GpuBuffer b, GpuBuffer c, int batch, int m, int k, int n, boolean transA,
            boolean transB, int strideA, int strideB, boolean accumulate) {
        matmul.run(a, b, c, batch, m, k, n, transA, transB, strideA, strideB, accumulate);
    }

    // ---- layout ---------------------------------------------------------------------------------------------

    void permute(GpuBuffer x, int[] shape, int[] axes, GpuBuffer out, boolean accumulate) {
        int r = shape.length;
        int n = Shape.size(shape);
        int[] src = Shape.strides(shape);
        int[] os = new int[r];
        int[] st = new int[r];
        for (int i = 0; i < r; i++) {
            os[i] = shape[axes[i]];
            st[i] = src[axes[i]];
        }
        rec.params().u(n).u(r).u(accumulate ? 1 : 0).u(0);
        shapes(os, st, null);
        grid(plain(PERMUTE, "permute", Shaders.PERMUTE, 1, 1), n, 256, x, out);
    }

    void copyAxis(GpuBuffer src, int srcLen, int srcOff, GpuBuffer dst, int dstLen, int dstOff, int outer, int len,
            int inner, boolean accumulate) {
        long count = (long) outer * len * inner;
        rec.params().u((int) count).u(len).u(inner).u(srcLen).u(srcOff).u(dstLen).u(dstOff).u(accumulate ? 1 : 0);
        grid(plain(COPY_AXIS, "copy_axis", Shaders.COPY_AXIS, 1, 1), count, 256, src, dst);
    }

    void gatherRows(GpuBuffer src, int srcRows, GpuBuffer idx, GpuBuffer out, int rows, int cols, boolean acc) {
        rec.params().u(rows).u(cols).u(srcRows).u(acc ? 1 : 0);
        grid(plain(GATHER_ROWS, "gather_rows", Shaders.GATHER_ROWS, 2, 1), (long) rows * cols, 256, src, idx, out);
    }

    void scatterAddRows(GpuBuffer src, GpuBuffer idx, int rows, int cols, GpuBuffer out, int outRows) {
        rec.params().u(rows).u(cols).u(outRows);
        Kernel kernel = plain(SCATTER_ADD_ROWS, "scatter_add_rows", Shaders.SCATTER_ADD_ROWS, 2, 1);
        grid(kernel, (long) outRows * cols, 256, src, idx, out);
    }

    // ---- reductions, softmax, losses, norms ------------------------------------------------------------------

    void reduce(Reduce op, GpuBuffer x, GpuBuffer out, int outer, int n, int inner) {
        int slot = (cpuKernels ? 2 * Reduce.values().length : 0) + op.ordinal();
        Kernel kernel = reduceK[slot];
        if (kernel == null) {
            kernel = reduceK[slot] = k("reduce", Shaders.REDUCE, "OP=" + op.ordinal() + "," + lanes(), 1, 1);
        }
        rec.params().u(outer).u(n).u(inner);
        rowGrid(kernel, (long) outer * inner, x, out);
    }

    void reduceBackward(Reduce op, GpuBuffer x, GpuBuffer y, GpuBuffer gy, GpuBuffer gx, int outer, int n,
            int inner) {
        int slot = Reduce.values().length + op.ordinal();
        Kernel kernel = reduceK[slot];
        if (kernel == null) {
            kernel = reduceK[slot] = k("reduce_backward", Shaders.REDUCE_BACKWARD, "OP=" + op.ordinal(), 3, 1);
        }
        rec.params().u(outer).u(n).u(inner);
        long threads = op == Reduce.MAX ? (long) outer * inner : (long) outer * n * inner;
        grid(kernel, threads, 256, x, y, gy, gx);
    }

    void softmax(GpuBuffer x, GpuBuffer y, int outer, int n, int inner, boolean log, int causal) {
        rec.params().u(outer).u(n).u(inner).u(log ? 1 : 0).u(causal);
        rowGrid(rows(SOFTMAX, "softmax", Shaders.SOFTMAX, 1, 1), (long) outer * inner, x, y);
    }

    void softmaxBackward(GpuBuffer y, GpuBuffer gy, GpuBuffer gx, int outer, int n, int inner, boolean log) {
        rec.params().u(outer).u(n).u(inner).u(log ? 1 : 0);
        Kernel kernel = rows(SOFTMAX_BACKWARD, "softmax_backward", Shaders.SOFTMAX_BACKWARD, 2, 1);
        rowGrid(kernel, (long) outer * inner, y, gy, gx);
    }

    void crossEntropy(GpuBuffer z, GpuBuffer t, GpuBuffer loss, int rows, int classes) {
        rec.params().u(rows).u(classes);
        rec.launch(plain(CROSS_ENTROPY, "cross_entropy", Shaders.CROSS_ENTROPY, 2, 1), 1, 1, 1, z, t, loss);
    }

    void crossEntropyBackward(GpuBuffer z, GpuBuffer t, GpuBuffer gl, GpuBuffer gz, int rows, int classes) {
        rec.params().u(rows).u(classes);
        Kernel kernel = rows(CROSS_ENTROPY_BACKWARD, "cross_entropy_backward", Shaders.CROSS_ENTROPY_BACKWARD, 3, 1);
        rowGrid(kernel, rows, z, t, gl, gz);
    }

    void bce(GpuBuffer z, GpuBuffer t, GpuBuffer loss, int n) {
        rec.params().u(n);
        rec.launch(plain(BCE, "bce", Shaders.BCE, 2, 1), 1, 1, 1, z, t, loss);
    }

    void bceBackward(GpuBuffer z, GpuBuffer t, GpuBuffer gl, GpuBuffer gz, int n) {
        rec.params().u(n);
        grid(plain(BCE_BACKWARD, "bce_backward", Shaders.BCE_BACKWARD, 3, 1), n, 256, z, t, gl, gz);
    }

    void layerNorm(GpuBuffer x, GpuBuffer y, GpuBuffer mean, GpuBuffer rstd, int rows, int d, float eps) {
        rec.params().u(rows).u(d).f(eps);
        rowGrid(rows(LAYER_NORM, "layer_norm", Shaders.LAYER_NORM, 1, 3), rows, x, y, mean, rstd);
    }

    void layerNormBackward(GpuBuffer x, GpuBuffer mean, GpuBuffer rstd, GpuBuffer gy, GpuBuffer gx, int rows, int d) {
        rec.params().u(rows).u(d);
        Kernel kernel = rows(LAYER_NORM_BACKWARD, "layer_norm_backward", Shaders.LAYER_NORM_BACKWARD, 4, 1);
        rowGrid(kernel, rows, x, mean, rstd, gy, gx);
    }

    void rmsNorm(GpuBuffer x, GpuBuffer y, GpuBuffer rstd, int rows, int d, float eps) {
        rec.params().u(rows).u(d).f(eps);
        rowGrid(rows(RMS_NORM, "rms_norm", Shaders.RMS_NORM, 1, 2), rows, x, y, rstd);
    }

    void rmsNormBackward(GpuBuffer x, GpuBuffer rstd, GpuBuffer gy, GpuBuffer gx, int rows, int d) {
        rec.params().u(rows).u(d);
        rowGrid(rows(RMS_NORM_BACKWARD, "rms_norm_backward", Shaders.RMS_NORM_BACKWARD, 3, 1), rows, x, rstd, gy, gx);
    }

    // ---- images, dropout ----------------------------------------------------------------------------------

    void conv(String kernel, GpuBuffer in0, GpuBuffer in1, GpuBuffer out, ConvShape s, long threads) {
        Kernel k = switch (kernel) {
            case "conv2d" -> plain(CONV2D, kernel, Shaders.CONV2D, 2, 1);
            case "conv2d_backward_input" -> plain(CONV2D_BACKWARD_INPUT, kernel, Shaders.CONV2D_BACKWARD_INPUT, 2, 1);
            default -> plain(CONV2D_BACKWARD_WEIGHT, kernel, Shaders.CONV2D_BACKWARD_WEIGHT, 2, 1);
        };
        rec.params().u(s.n).u(s.cin).u(s.h).u(s.w).u(s.cout).u(s.kh).u(s.kw).u(s.stride).u(s.pad).u(s.ho).u(s.wo);
        grid(k, threads, 256, in0, in1, out);
    }

    void pool2d(Pool op, GpuBuffer x, GpuBuffer y, int planes, int h, int w, int k, int stride) {
        int ho = (h - k) / stride + 1;
        int wo = (w - k) / stride + 1;
        rec.params().u(planes).u(h).u(w).u(k).u(stride).u(ho).u(wo);
        Kernel kernel = poolK[op.ordinal()];
        if (kernel == null) {
            kernel = poolK[op.ordinal()] = k("pool2d", Shaders.POOL2D, "OP=" + op.ordinal(), 1, 1);
        }
        grid(kernel, (long) planes * ho * wo, 256, x, y);
    }

    void pool2dBackward(Pool op, GpuBuffer x, GpuBuffer gy, GpuBuffer gx, int planes, int h, int w, int k,
            int stride) {
        int ho = (h - k) / stride + 1;
        int wo = (w - k) / stride + 1;
        rec.params().u(planes).u(h).u(w).u(k).u(stride).u(ho).u(wo);
        int slot = Pool.values().length + op.ordinal();
        Kernel kernel = poolK[slot];
        if (kernel == null) {
            kernel = poolK[slot] = k("pool2d_backward", Shaders.POOL2D_BACKWARD, "OP=" + op.ordinal(), 2, 1);
        }
        grid(kernel, (long) planes * h * w, 256, x, gy, gx);
    }

    void upsample(boolean backward, GpuBuffer in, GpuBuffer out, int planes, int h, int w, int f) {
        rec.params().u(planes).u(h).u(w).u(f);
        if (backward) {
            Kernel kernel = plain(UPSAMPLE_BACKWARD, "upsample_backward", Shaders.UPSAMPLE_BACKWARD, 1, 1);
            grid(kernel, (long) planes * h * w, 256, in, out);
        } else {
            grid(plain(UPSAMPLE, "upsample", Shaders.UPSAMPLE, 1, 1), (long) planes * h * w * f * f, 256, in, out);
        }
    }

    void dropout(boolean backward, GpuBuffer in, GpuBuffer out, int n, float p, long seed) {
        rec.params().u(n).u((int) seed).u((int) (seed >>> 32)).u((int) (p * 16777216f)).f(1f / (1f - p));
        int slot = backward ? 1 : 0;
        Kernel kernel = dropoutK[slot];
        if (kernel == null) {
            kernel = dropoutK[slot] = k("dropout", Shaders.DROPOUT, "BACKWARD=" + slot, 1, 1);
        }
        grid(kernel, n, 256, in, out);
    }

    // ---- optimizers ------------------------------------------------------------------------------------------

    /** The WGSL source of an optimizer rule's fused update, by the name its {@link UpdateRule} gives. */
    static String updateSource(String kernel) {
        return switch (kernel) {
            case "sgd" -> Shaders.SGD;
            case "momentum" -> Shaders.MOMENTUM;
            case "nesterov" -> Shaders.NESTEROV;
            case "adagrad" -> Shaders.ADAGRAD;
            case "rmsprop" -> Shaders.RMSPROP;
            case "adam" -> Shaders.ADAM;
            case "adamw" -> Shaders.ADAMW;
            case "lion" -> Shaders.LION;
            case "sign_descent" -> Shaders.SIGN_DESCENT;
            case "muon_momentum" -> Shaders.MUON_MOMENTUM;
            case "muon_apply" -> Shaders.MUON_APPLY;
            default -> null;
        };
    }

    void update(UpdateRule rule, float[] hyper, GpuBuffer param, GpuBuffer grad, GpuBuffer[] state, int n) {
        Kernel kernel = updateK.get(rule);
        if (kernel == null) {
            String src = updateSource(rule.kernel());
            if (src == null) {
                throw new UnsupportedOperationException("no GPU kernel for optimizer rule '" + rule.kernel()
                        + "': add shaders/" + rule.kernel() + ".wgsl");
            }
            kernel = k(rule.kernel(), src, "", 1, 1 + state.length);
            updateK.put(rule, kernel);
        }
        rec.params().u(n);
        for (float h : hyper) {
            rec.f(h);
        }
        GpuBuffer[] bind = new GpuBuffer[2 + state.length];
        bind[0] = grad;
        bind[1] = param;
        System.arraycopy(state, 0, bind, 2, state.length);
        grid(kernel, n, 256, bind);
    }
}
