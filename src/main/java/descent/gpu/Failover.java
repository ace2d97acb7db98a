package descent.gpu;

import descent.tensor.Backend;
import descent.tensor.Binary;
import descent.tensor.Buffer;
import descent.tensor.ConvShape;
import descent.tensor.CpuBackend;
import descent.tensor.Pool;
import descent.tensor.Reduce;
import descent.tensor.Unary;
import descent.tensor.UpdateRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.function.Consumer;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float32Array;

/**
 * A backend that runs on the GPU and survives losing it. Buffers it hands out are handles over GPU buffers; every few
 * seconds (at a frame boundary, when no step is half done) it copies all live buffers — parameters, optimizer state,
 * gradients — to the host in one asynchronous map, without waiting. When the device is lost, every handle is
 * re-pointed to a CPU buffer holding the last synced values, and the lab carries on from there on the CPU path: the
 * tensors, modules and optimizers it holds never notice.
 */
public final class Failover implements Backend {
    static final class Handle extends Buffer {
        Buffer inner;
        float[] synced;
        float[] pending;

        Handle(Buffer inner) {
            super(inner.length);
            this.inner = inner;
        }
    }

    /** Milliseconds between host syncs of the live buffers. */
    public static final double SYNC_MS = 2000;

    private final WebGpuBackend gpu;
    private Backend active;
    private final LinkedHashSet<Handle> live = new LinkedHashSet<>();
    private final Consumer<String> onFallback;
    private String fallbackReason;
    private double lastSync = -1e9;
    private JSObject syncStage;
    private long syncStageFloats;
    private JSObject syncState;
    private final ArrayList<Handle> syncing = new ArrayList<>();
    private final ArrayList<Long> syncOffsets = new ArrayList<>();

    public Failover(WebGpuBackend gpu, Consumer<String> onFallback) {
        this.gpu = gpu;
        this.active = gpu;
        this.onFallback = onFallback;
    }

    static Buffer in(Buffer b) {
        return b == null ? null : ((Handle) b).inner;
    }

    /** The GPU backend, or null once this has fallen back to the CPU. */
    public WebGpuBackend gpu() {
        return active == gpu ? gpu : null;
    }

    /** Why the lab is on the CPU now, or null while on the GPU. */
    public String fallbackReason() {
        return fallbackReason;
    }

    // ---- the frame boundary: submit, notice loss, keep a recent host copy ---------------------------------------

    /** Called by the run loop between frames: submits recorded work, polls the sync, starts a new one when due. */
    public void frame(double nowMs) {
        if (active != gpu) {
            return;
        }
        try {
            if (gpu.dev.isLost()) {
                throw new GpuDevice.LostException("the GPU device was lost");
            }
            gpu.flush();
            pollSync();
            if (syncState == null && nowMs - lastSync >= SYNC_MS) {
                startSync();
                lastSync = nowMs;
            }
        } catch (GpuDevice.LostException e) {
            fallBack(e.getMessage());
        }
    }

    private void startSync() {
        long total = 0;
        syncing.clear();
        syncOffsets.clear();
        for (Handle h : live) {
            syncing.add(h);
            syncOffsets.add(total);
            total += BufferPool.capacity(h.length);
        }
        if (total == 0) {
            return;
        }
        if (syncStage == null || syncStageFloats < total) {
            if (syncStage != null) {
                Wg.destroyBuffer(syncStage);
            }
            syncStageFloats = Math.max(total, syncStageFloats * 3 / 2);
            gpu.dev.checkBufferSize(4 * syncStageFloats);
            syncStage = Wg.createBuffer(gpu.dev.device, 4.0 * syncStageFloats, 0x01 | 0x08);
        }
        for (int i = 0; i < syncing.size(); i++) {
            BufferPool.GpuBuffer b = (BufferPool.GpuBuffer) syncing.get(i).inner;
            gpu.rec.copy(b, 0, syncStage, 4 * syncOffsets.get(i), b.capacity);
        }
        gpu.flush();
        syncState = Wg.mapReadLater(syncStage, 4.0 * total);
    }

    private void pollSync() {
        if (syncState == null || !Wg.mapDone(syncState)) {
            if (syncState != null && Wg.mapError(syncState) != null) {
                syncState = null;
            }
            return;
        }
        for (int i = 0; i < syncing.size(); i++) {
            Handle h = syncing.get(i);
            if (!live.contains(h) || h.length == 0) {
                continue;
            }
            if (h.pending == null || h.pending.length != h.length) {
                h.pending = new float[h.length];
            }
            java.nio.FloatBuffer f = gpu.host(h.length);
            Wg.copyMapped(syncStage, 4.0 * syncOffsets.get(i), h.length, Float32Array.fromJavaBuffer(f));
            f.get(h.pending, 0, h.length);
            // swap: the completed copy becomes the checkpoint, the old one the next scratch
            float[] t = h.synced;
            h.synced = h.pending;
            h.pending = t;
        }
        Wg.unmap(syncStage);
        syncState = null;
        syncing.clear();
    }

    /** Moves every live buffer to the CPU from its last synced values and continues there. */
    void fallBack(String why) {
        if (active != gpu) {
            return;
        }
        CpuBackend cpu = new CpuBackend();
        int restored = 0;
        for (Handle h : live) {
            Buffer c = cpu.allocZeroed(h.length);
            if (h.synced != null) {
                cpu.write(c, h.synced);
                restored++;
            }
            h.inner = c;
        }
        active = cpu;
        fallbackReason = why + "; continuing on the CPU from the last synced values (" + restored + " of "
                + live.size() + " buffers)";
        if (onFallback != null) {
            onFallback.accept(fallbackReason);
        }
    }

    // ---- memory ---------------------------------------------------------------------------------------------

    @Override
    public String name() {
        return active.name();
    }

    @Override
    public Buffer alloc(int length) {
        Handle h = new Handle(active.alloc(length));
        live.add(h);
        return h;
    }

    @Override
    public Buffer allocZeroed(int length) {
        Handle h = new Handle(active.allocZeroed(length));
        live.add(h);
        return h;
    }

    @Override
    public void release(Buffer b) {
        Handle h = (Handle) b;
        if (live.remove(h)) {
            active.release(h.inner);
        }
    }

    @Override
    public void write(Buffer dst, float[] src) {
        try {
            active.write(in(dst), src);
        } catch (GpuDevice.LostException e) {
            fallBack(e.getMessage());
            active.write(in(dst), src);
        }
    }

    @Override
    public float[] read(Buffer b) {
        try {
            return active.read(in(b));
        } catch (GpuDevice.LostException e) {
            fallBack(e.getMessage());
            return active.read(in(b));
        } catch (IllegalStateException e) {
            if (gpu.dev.isLost()) {
                fallBack("the GPU device was lost");
                return active.read(in(b));
            }
            throw e;
        }
    }

    @Override
    public int liveBuffers() {
        return active.liveBuffers();
    }

    @Override
    public long liveBytes() {
        return active.liveBytes();
    }

    @Override
    public long pooledBytes() {
        return active.pooledBytes();
    }

    // ---- ops: delegate ----------------------------------------------------------------------------------------

    @Override
    public void fill(Buffer out, float value) {
        active.fill(in(out), value);
    }

    @Override
    public void copy(Buffer x, Buffer out, int n, boolean accumulate) {
        active.copy(in(x), in(out), n, accumulate);
    }

    @Override
    public void lerpBlocks(Buffer from, Buffer w, int block, Buffer to, int n) {
        active.lerpBlocks(in(from), in(w), block, in(to), n);
    }

    @Override
    public void unary(Unary op, float alpha, Buffer x, Buffer out, int n) {
        active.unary(op, alpha, in(x), in(out), n);
    }

    @Override
    public void unaryBackward(Unary op, float alpha, Buffer x, Buffer y, Buffer gy, Buffer gx, int n) {
        active.unaryBackward(op, alpha, in(x), in(y), in(gy), in(gx), n);
    }

    @Override
    public void binary(Binary op, Buffer a, int[] sa, Buffer b, int[] sb, Buffer out, int[] shape) {
        active.binary(op, in(a), sa, in(b), sb, in(out), shape);
    }

    @Override
    public void binaryBackward(Binary op, Buffer a, int[] sa, Buffer b, int[] sb, Buffer gy, int[] shape, Buffer ga,
            Buffer gb) {
        active.binaryBackward(op, in(a), sa, in(b), sb, in(gy), shape, in(ga), in(gb));
    }

    @Override
    public void matmul(Buffer a, Buffer b, Buffer c, int batch, int m, int k, int n, boolean transA, boolean transB,
            int strideA, int strideB, boolean accumulate) {
        active.matmul(in(a), in(b), in(c), batch, m, k, n, transA, transB, strideA, strideB, accumulate);
    }

    @Override
    public void permute(Buffer x, int[] shape, int[] axes, Buffer out, boolean accumulate) {
        active.permute(in(x), shape, axes, in(out), accumulate);
    }

    @Override
    public void copyAxis(Buffer src, int srcLen, int srcOff, Buffer dst, int dstLen, int dstOff, int outer, int len,
            int inner, boolean accumulate) {
        active.copyAxis(in(src), srcLen, srcOff, in(dst), dstLen, dstOff, outer, len, inner, accumulate);
    }

    @Override
    public void gatherRows(Buffer src, int srcRows, Buffer idx, Buffer out, int rows, int cols, boolean accumulate) {
        active.gatherRows(in(src), srcRows, in(idx), in(out), rows, cols, accumulate);
    }

    @Override
    public void scatterAddRows(Buffer src, Buffer idx, int rows, int cols, Buffer out, int outRows) {
        active.scatterAddRows(in(src), in(idx), rows, cols, in(out), outRows);
    }

    @Override
    public void reduce(Reduce op, Buffer x, Buffer out, int outer, int n, int inner) {
        active.reduce(op, in(x), in(out), outer, n, inner);
    }

    @Override
    public void reduceBackward(Reduce op, Buffer x, Buffer y, Buffer gy, Buffer gx, int outer, int n, int inner) {
        active.reduceBackward(op, in(x), in(y), in(gy), in(gx), outer, n, inner);
    }

    @Override
    public void softmax(Buffer x, Buffer y, int outer, int n, int inner, boolean log, int causal) {
        active.softmax(in(x), in(y), outer, n, inner, log, causal);
    }

    @Override
    public void softmaxBackward(Buffer y, Buffer gy, Buffer gx, int outer, int n, int inner, boolean log) {
        active.softmaxBackward(in(y), in(gy), in(gx), outer, n, inner, log);
    }

    @Override
    public void crossEntropy(Buffer logits, Buffer target, Buffer loss, int rows, int classes) {
        active.crossEntropy(in(logits), in(target), in(loss), rows, classes);
    }

    @Override
    public void crossEntropyBackward(Buffer logits, Buffer target, Buffer gLoss, Buffer gLogits, int rows,
            int classes) {
        active.crossEntropyBackward(in(logits), in(target), in(gLoss), in(gLogits), rows, classes);
    }

    @Override
    public void bceWithLogits(Buffer logits, Buffer target, Buffer loss, int n) {
        active.bceWithLogits(in(logits), in(target), in(loss), n);
    }

    @Override
    public void bceWithLogitsBackward(Buffer logits, Buffer target, Buffer gLoss, Buffer gLogits, int n) {
        active.bceWithLogitsBackward(in(logits), in(target), in(gLoss), in(gLogits), n);
    }

    @Override
    public void layerNorm(Buffer x, Buffer y, Buffer mean, Buffer rstd, int rows, int d, float eps) {
        active.layerNorm(in(x), in(y), in(mean), in(rstd), rows, d, eps);
    }

    @Override
    public void layerNormBackward(Buffer x, Buffer mean, Buffer rstd, Buffer gy, Buffer gx, int rows, int d) {
        active.layerNormBackward(in(x), in(mean), in(rstd), in(gy), in(gx), rows, d);
    }

    @Override
    public void rmsNorm(Buffer x, Buffer y, Buffer rstd, int rows, int d, float eps) {
        active.rmsNorm(in(x), in(y), in(rstd), rows, d, eps);
    }

    @Override
    public void rmsNormBackward(Buffer x, Buffer rstd, Buffer gy, Buffer gx, int rows, int d) {
        active.rmsNormBackward(in(x), in(rstd), in(gy), in(gx), rows, d);
    }

    @Override
    public void conv2d(Buffer x, Buffer w, Buffer y, ConvShape s) {
        active.conv2d(in(x), in(w), in(y), s);
    }

    @Override
    public void conv2dBackwardInput(Buffer gy, Buffer w, Buffer gx, ConvShape s) {
        active.conv2dBackwardInput(in(gy), in(w), in(gx), s);
    }

    @Override
    public void conv2dBackwardWeight(Buffer x, Buffer gy, Buffer gw, ConvShape s) {
        active.conv2dBackwardWeight(in(x), in(gy), in(gw), s);
    }

    @Override
    public void pool2d(Pool op, Buffer x, Buffer y, int planes, int h, int w, int k, int stride) {
        active.pool2d(op, in(x), in(y), planes, h, w, k, stride);
    }

    @Override
    public void pool2dBackward(Pool op, Buffer x, Buffer gy, Buffer gx, int planes, int h, int w, int k, int stride) {
        active.pool2dBackward(op, in(x), in(gy), in(gx), planes, h, w, k, stride);
    }

    @Override
    public void upsampleNearest(Buffer x, Buffer y, int planes, int h, int w, int factor) {
        active.upsampleNearest(in(x), in(y), planes, h, w, factor);
    }

    @Override
    public void upsampleNearestBackward(Buffer gy, Buffer gx, int planes, int h, int w, int factor) {
        active.upsampleNearestBackward(in(gy), in(gx), planes, h, w, factor);
    }

    @Override
    public void dropout(Buffer x, Buffer y, int n, float p, long seed) {
        active.dropout(in(x), in(y), n, p, seed);
    }

    @Override
    public void dropoutBackward(Buffer gy, Buffer gx, int n, float p, long seed) {
        active.dropoutBackward(in(gy), in(gx), n, p, seed);
    }

    @Override
    public void update(UpdateRule rule, float[] hyper, Buffer param, Buffer grad, Buffer[] state, int n) {
        Buffer[] s = new Buffer[state.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = in(state[i]);
        }
        active.update(rule, hyper, in(param), in(grad), s, n);
    }
}
