package descent.gpu;

import descent.gpu.BufferPool.GpuBuffer;
import descent.gpu.Pipelines.Kernel;
import descent.tensor.Backend;
import descent.tensor.Binary;
import descent.tensor.Buffer;
import descent.tensor.ConvShape;
import descent.tensor.Pool;
import descent.tensor.Reduce;
import descent.tensor.Unary;
import descent.tensor.UpdateRule;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float32Array;

/**
 * The engine's {@link Backend} on WebGPU: every op is a WGSL kernel from {@code shaders/}, recorded into the current
 * command buffer; nothing reaches the host until {@link #read} (or a {@link StatsReadback}) asks. The op-by-op kernel
 * launches live in {@link GpuOps}; this class owns memory, uploads, reads and submission.
 */
public final class WebGpuBackend implements Backend {
    final GpuDevice dev;
    final BufferPool pool;
    final Pipelines pipes;
    final Recorder rec;
    final GpuOps ops;
    private FloatBuffer host = FloatBuffer.allocate(0);
    private final HashMap<Integer, ArrayList<JSObject>> staging = new HashMap<>();

    WebGpuBackend(GpuDevice dev) {
        this.dev = dev;
        this.pool = new BufferPool(dev);
        this.pipes = new Pipelines(dev);
        this.rec = new Recorder(dev);
        this.ops = new GpuOps(this);
    }

    /** Opens the GPU, or throws {@link IllegalStateException} saying why it cannot (the caller falls back). */
    public static WebGpuBackend open() {
        return new WebGpuBackend(GpuDevice.open());
    }

    public GpuDevice device() {
        return dev;
    }

    @Override
    public String name() {
        return "webgpu";
    }

    static GpuBuffer g(Buffer b) {
        return (GpuBuffer) b;
    }

    /** A direct float buffer of at least n floats, whose memory a Float32Array can view without a copy. */
    FloatBuffer host(int n) {
        if (host.capacity() < n || !host.isDirect()) {
            host = ByteBuffer.allocateDirect(4 * Math.max(n, 1024)).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
        host.clear();
        return host;
    }

    // ---- memory ---------------------------------------------------------------------------------------------

    @Override
    public Buffer alloc(int length) {
        return pool.alloc(length);
    }

    @Override
    public Buffer allocZeroed(int length) {
        Buffer b = pool.alloc(length);
        fill(b, 0f);
        return b;
    }

    @Override
    public void release(Buffer b) {
        pool.release(g(b));
    }

    @Override
    public void write(Buffer dst, float[] src) {
        GpuBuffer b = g(dst);
        int n = Math.min(src.length, b.length);
        if (b.lastUse == rec.epoch && rec.pending()) {
            // writeBuffer runs before anything not yet submitted: submit the commands that use b first
            rec.flush();
        }
        FloatBuffer f = host(n);
        f.put(src, 0, n);
        Wg.writeFloats(dev.device, b.buffer, Float32Array.fromJavaBuffer(f), n);
    }

    @Override
    public float[] read(Buffer b) {
        GpuBuffer src = g(b);
        float[] out = new float[src.length];
        if (src.length == 0) {
            return out;
        }
        int cap = src.capacity;
        JSObject stage = takeStaging(cap);
        rec.copy(src, 0, stage, 0, cap);
        rec.flush();
        try {
            Wg.mapRead(stage, 4.0 * cap).await();
        } catch (RuntimeException e) {
            dev.check();
            throw new IllegalStateException("reading a GPU buffer failed: " + e.getMessage());
        }
        FloatBuffer f = host(cap);
        Wg.copyMapped(stage, 0, src.length, Float32Array.fromJavaBuffer(f));
        Wg.unmap(stage);
        f.get(out, 0, src.length);
        giveStaging(cap, stage);
        return out;
    }

    JSObject takeStaging(int floats) {
        ArrayList<JSObject> list = staging.get(floats);
        if (list != null && !list.isEmpty()) {
            return list.remove(list.size() - 1);
        }
        return Wg.createBuffer(dev.device, 4.0 * floats, 0x01 | 0x08); // MAP_READ | COPY_DST
    }

    void giveStaging(int floats, JSObject buffer) {
        staging.computeIfAbsent(floats, k -> new ArrayList<>()).add(buffer);
    }

    /** Submits everything recorded so far (the run loop calls this once per frame). */
    public void flush() {
        rec.flush();
    }

    /** Waits until the GPU has finished all submitted work (benchmarks; never in a lab's frame). */
    public void finish() {
        rec.flush();
        Wg.workDone(dev.device).await();
        dev.check();
    }

    @Override
    public int liveBuffers() {
        return pool.live();
    }

    @Override
    public long liveBytes() {
        return pool.liveBytes();
    }

    @Override
    public long pooledBytes() {
        return pool.pooledBytes();
    }

    /** GPU buffers ever created, kernel launches and submits so far: the counters the steady-state test watches. */
    public String counters() {
        return "created " + pool.created() + ", live " + pool.live() + " (" + pool.liveBytes() + " B), pooled "
                + pool.pooledBytes() + " B, pipelines " + pipes.size() + ", dispatches " + rec.dispatches
                + ", submits " + rec.submits;
    }

    /**
     * Times every kernel launch alone while on (each is submitted and awaited: far slower than normal running); the
     * bench page uses it to show where a training step spends its time. Returns the report of the run just ended.
     */
    public String profile(boolean on) {
        String report = rec.profileReport();
        rec.profile(on);
        return report;
    }

    public int createdBuffers() {
        return pool.created();
    }

    /** Shader compiler warnings seen so far (the self-test requires none). */
    public java.util.List<String> compilerWarnings() {
        return pipes.warnings();
    }

    /** Destroys pooled buffers, e.g. after a lab changes its model size. */
    public void trimPool() {
        rec.flush();
        if (pool.trim() > 0) {
            rec.forgetGroups();
        }
    }

    // ---- ops: see GpuOps -------------------------------------------------------------------------------------

    @Override
    public void fill(Buffer out, float value) {
        ops.fill(g(out), value);
    }

    @Override
    public void copy(Buffer x, Buffer out, int n, boolean accumulate) {
        ops.copy(g(x), g(out), n, accumulate);
    }

    @Override
    public void lerpBlocks(Buffer from, Buffer w, int block, Buffer to, int n) {
        ops.lerpBlocks(g(from), g(w), block, g(to), n);
    }

    @Override
    public void unary(Unary op, float alpha, Buffer x, Buffer out, int n) {
        ops.unary(op, alpha, g(x), g(out), n);
    }

    @Override
    public void unaryBackward(Unary op, float alpha, Buffer x, Buffer y, Buffer gy, Buffer gx, int n) {
        ops.unaryBackward(op, alpha, g(x), g(y), g(gy), g(gx), n);
    }

    @Override
    public void binary(Binary op, Buffer a, int[] sa, Buffer b, int[] sb, Buffer out, int[] shape) {
        ops.binary(op, g(a), sa, g(b), sb, g(out), shape);
    }

    @Override
    public void binaryBackward(Binary op, Buffer a, int[] sa, Buffer b, int[] sb, Buffer gy, int[] shape, Buffer ga,
            Buffer gb) {
        ops.binaryBackward(op, g(a), sa, g(b), sb, g(gy), shape, ga == null ? null : g(ga), gb == null ? null : g(gb));
    }

    @Override
    public void matmul(Buffer a, Buffer b, Buffer c, int batch, int m, int k, int n, boolean transA, boolean transB,
            int strideA, int strideB, boolean accumulate) {
        ops.matmul(g(a), g(b), g(c), batch, m, k, n, transA, transB, strideA, strideB, accumulate);
    }

    @Override
    public void permute(Buffer x, int[] shape, int[] axes, Buffer out, boolean accumulate) {
        ops.permute(g(x), shape, axes, g(out), accumulate);
    }

    @Override
    public void copyAxis(Buffer src, int srcLen, int srcOff, Buffer dst, int dstLen, int dstOff, int outer, int len,
            int inner, boolean accumulate) {
        ops.copyAxis(g(src), srcLen, srcOff, g(dst), dstLen, dstOff, outer, len, inner, accumulate);
    }

    @Override
    public void gatherRows(Buffer src, int srcRows, Buffer idx, Buffer out, int rows, int cols, boolean accumulate) {
        ops.gatherRows(g(src), srcRows, g(idx), g(out), rows, cols, accumulate);
    }

    @Override
    public void scatterAddRows(Buffer src, Buffer idx, int rows, int cols, Buffer out, int outRows) {
        ops.scatterAddRows(g(src), g(idx), rows, cols, g(out), outRows);
    }

    @Override
    public void reduce(Reduce op, Buffer x, Buffer out, int outer, int n, int inner) {
        ops.reduce(op, g(x), g(out), outer, n, inner);
    }

    @Override
    public void reduceBackward(Reduce op, Buffer x, Buffer y, Buffer gy, Buffer gx, int outer, int n, int inner) {
        ops.reduceBackward(op, g(x), g(y), g(gy), g(gx), outer, n, inner);
    }

    @Override
    public void softmax(Buffer x, Buffer y, int outer, int n, int inner, boolean log, int causal) {
        ops.softmax(g(x), g(y), outer, n, inner, log, causal);
    }

    @Override
    public void softmaxBackward(Buffer y, Buffer gy, Buffer gx, int outer, int n, int inner, boolean log) {
        ops.softmaxBackward(g(y), g(gy), g(gx), outer, n, inner, log);
    }

    @Override
    public void crossEntropy(Buffer logits, Buffer target, Buffer loss, int rows, int classes) {
        ops.crossEntropy(g(logits), g(target), g(loss), rows, classes);
    }

    @Override
    public void crossEntropyBackward(Buffer logits, Buffer target, Buffer gLoss, Buffer gLogits, int rows,
            int classes) {
        ops.crossEntropyBackward(g(logits), g(target), g(gLoss), g(gLogits), rows, classes);
    }

    @Override
    public void bceWithLogits(Buffer logits, Buffer target, Buffer loss, int n) {
        ops.bce(g(logits), g(target), g(loss), n);
    }

    @Override
    public void bceWithLogitsBackward(Buffer logits, Buffer target, Buffer gLoss, Buffer gLogits, int n) {
        ops.bceBackward(g(logits), g(target), g(gLoss), g(gLogits), n);
    }

    @Override
    public void layerNorm(Buffer x, Buffer y, Buffer mean, Buffer rstd, int rows, int d, float eps) {
        ops.layerNorm(g(x), g(y), g(mean), g(rstd), rows, d, eps);
    }

    @Override
    public void layerNormBackward(Buffer x, Buffer mean, Buffer rstd, Buffer gy, Buffer gx, int rows, int d) {
        ops.layerNormBackward(g(x), g(mean), g(rstd), g(gy), g(gx), rows, d);
    }

    @Override
    public void rmsNorm(Buffer x, Buffer y, Buffer rstd, int rows, int d, float eps) {
        ops.rmsNorm(g(x), g(y), g(rstd), rows, d, eps);
    }

    @Override
    public void rmsNormBackward(Buffer x, Buffer rstd, Buffer gy, Buffer gx, int rows, int d) {
        ops.rmsNormBackward(g(x), g(rstd), g(gy), g(gx), rows, d);
    }

    @Override
    public void conv2d(Buffer x, Buffer w, Buffer y, ConvShape s) {
        ops.conv("conv2d", g(x), g(w), g(y), s, s.n * s.cout * s.ho * s.wo);
    }

    @Override
    public void conv2dBackwardInput(Buffer gy, Buffer w, Buffer gx, ConvShape s) {
        ops.conv("conv2d_backward_input", g(gy), g(w), g(gx), s, s.n * s.cin * s.h * s.w);
    }

    @Override
    public void conv2dBackwardWeight(Buffer x, Buffer gy, Buffer gw, ConvShape s) {
        ops.conv("conv2d_backward_weight", g(x), g(gy), g(gw), s, s.cout * s.cin * s.kh * s.kw);
    }

    @Override
    public void pool2d(Pool op, Buffer x, Buffer y, int planes, int h, int w, int k, int stride) {
        ops.pool2d(op, g(x), g(y), planes, h, w, k, stride);
    }

    @Override
    public void pool2dBackward(Pool op, Buffer x, Buffer gy, Buffer gx, int planes, int h, int w, int k, int stride) {
        ops.pool2dBackward(op, g(x), g(gy), g(gx), planes, h, w, k, stride);
    }

    @Override
    public void upsampleNearest(Buffer x, Buffer y, int planes, int h, int w, int factor) {
        ops.upsample(false, g(x), g(y), planes, h, w, factor);
    }

    @Override
    public void upsampleNearestBackward(Buffer gy, Buffer gx, int planes, int h, int w, int factor) {
        ops.upsample(true, g(gy), g(gx), planes, h, w, factor);
    }

    @Override
    public void dropout(Buffer x, Buffer y, int n, float p, long seed) {
        ops.dropout(false, g(x), g(y), n, p, seed);
    }

    @Override
    public void dropoutBackward(Buffer gy, Buffer gx, int n, float p, long seed) {
        ops.dropout(true, g(gy), g(gx), n, p, seed);
    }

    @Override
    public void update(UpdateRule rule, float[] hyper, Buffer param, Buffer grad, Buffer[] state, int n) {
        GpuBuffer[] s = new GpuBuffer[state.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = g(state[i]);
        }
        ops.update(rule, hyper, g(param), g(grad), s, n);
    }
}
