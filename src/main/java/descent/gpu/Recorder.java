package descent.gpu;

import descent.gpu.BufferPool.GpuBuffer;
import descent.gpu.Pipelines.Kernel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.HashMap;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * Records kernel launches into one command encoder and one compute pass until something forces a submit (a read, an
 * upload to a buffer a pending command uses, a full parameter arena). A whole training step therefore becomes one
 * or two command buffers.
 *
 * <p>Kernel parameters go to a host-side arena (a direct buffer, 256 bytes per launch) that is uploaded with a single
 * {@code writeBuffer} just before the submit, and bound with a dynamic offset, so the bind group of a launch depends
 * only on its storage buffers. Bind groups are cached by buffer ids: with the pool handing out the same buffers every
 * step, steady-state training creates no bind groups at all. The cache is an open-addressing table over int keys, so a
 * launch that finds its group builds no key object and allocates nothing (it matters for small models, where the
 * host-side cost of a launch is the step's cost).
 */
final class Recorder {
    static final int SLOT_INTS = 64; // 256 bytes, the usual minUniformBufferOffsetAlignment
    static final int SLOTS = 1024;

    private final GpuDevice dev;
    private final JSObject uniform;
    private final IntBuffer arena;
    /** Bind groups: slot i keeps a layout signature and 7 buffer ids (0: none) at keys[8 i], its group at groups[i]. */
    static final int GROUP_SLOTS = 8192;
    private final int[] keys = new int[8 * GROUP_SLOTS];
    private final Group[] groups = new Group[GROUP_SLOTS];
    private int groupCount;
    private final GpuBuffer[] bound = new GpuBuffer[7];
    private JSObject encoder;
    private JSObject pass;
    private int slot;
    private int slotBase;
    /** Counts submits; a buffer whose lastUse equals it is used by a command not yet submitted. */
    int epoch;
    long dispatches;
    long submits;
    /** When profiling: kernel key to {launches, milliseconds}; every launch is then submitted alone and awaited. */
    private HashMap<String, double[]> profile;

    Recorder(GpuDevice dev) {
        this.dev = dev;
        int align = Math.max(256, dev.uniformAlign);
        if (align != 256) {
            throw new IllegalStateException("unexpected uniform offset alignment " + align);
        }
        this.uniform = Wg.createBuffer(dev.device, 4L * SLOT_INTS * SLOTS, 0x40 | 0x08); // UNIFORM | COPY_DST
        this.arena = ByteBuffer.allocateDirect(4 * SLOT_INTS * SLOTS).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
    }

    /** Starts the parameter block of the next launch; follow with {@link #u}/{@link #f}, then {@link #launch}. */
    Recorder params() {
        if (slot == SLOTS) {
            flush();
        }
        slotBase = slot * SLOT_INTS;
        arena.position(slotBase);
        return this;
    }

    Recorder u(int v) {
        arena.put(v);
        return this;
    }

    Recorder f(float v) {
        arena.put(Float.floatToRawIntBits(v));
        return this;
    }

    /** Launches {@code k} over an (x, y, z) grid of workgroups with the buffers in binding order. */
    void launch(Kernel k, int x, int y, int z, GpuBuffer... buffers) {
        if (buffers.length != k.reads + k.writes) {
            throw new IllegalArgumentException(k.key + " binds " + (k.reads + k.writes) + " buffers, got "
                    + buffers.length);
        }
        if (x == 0 || y == 0 || z == 0) {
            return;
        }
        if (x > dev.maxWorkgroupsPerDimension || y > dev.maxWorkgroupsPerDimension
                || z > dev.maxWorkgroupsPerDimension) {
            throw new IllegalArgumentException(k.key + ": grid " + x + "x" + y + "x" + z + " exceeds the device limit");
        }
        if (profile != null && encoder != null) {
            flushAndWait(); // when profiling, earlier work (copies) must not count against this launch
        }
        if (encoder == null) {
            encoder = Wg.createCommandEncoder(dev.device);
        }
        if (pass == null) {
            pass = Wg.beginComputePass(encoder);
        }
        for (GpuBuffer b : buffers) {
            b.lastUse = epoch;
        }
        Wg.dispatch(pass, k.pipeline, group(k, buffers), slot * SLOT_INTS * 4, x, y, z);
        slot++;
        dispatches++;
        if (profile != null) {
            // this launch alone: the queue was drained before it was recorded
            double t0 = Wg.now();
            flushAndWait();
            String what = k.key + " grid " + x + "x" + y + "x" + z;
            double[] entry = profile.computeIfAbsent(what, key -> new double[2]);
            entry[0]++;
            entry[1] += Wg.now() - t0;
        }
    }

    private void flushAndWait() {
        flush();
        Wg.workDone(dev.device).await();
    }

    /** Starts (or stops) timing every launch alone; slow, for finding which kernels a step spends its time in. */
    void profile(boolean on) {
        if (on) {
            flushAndWait();
        }
        profile = on ? new HashMap<>() : null;
    }

    /** Kernels by total time, "key: launches x, ms" one per line, while profiling. */
    String profileReport() {
        if (profile == null) {
            return "";
        }
        java.util.List<String> keys = new java.util.ArrayList<>(profile.keySet());
        keys.sort((p, q) -> Double.compare(profile.get(q)[1], profile.get(p)[1]));
        StringBuilder sb = new StringBuilder();
        for (String key : keys) {
            double[] e = profile.get(key);
            sb.append(key).append(": ").append((int) e[0]).append(" x, ").append(Math.round(e[1] * 10) / 10.0)
                    .append(" ms\n");
        }
        return sb.toString();
    }

    /** A cache entry (TeaVM's Wasm GC target cannot keep JS references in a Java array directly). */
    private static final class Group {
        final JSObject group;

        Group(JSObject group) {
            this.group = group;
        }
    }

    /** The cached bind group of these buffers under the kernel's layout, made on first use. */
    private JSObject group(Kernel k, GpuBuffer[] buffers) {
        int h = k.signature;
        for (GpuBuffer b : buffers) {
            h = h * 0x01000193 ^ b.id;
        }
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        h ^= h >>> 13;
        int mask = GROUP_SLOTS - 1;
        for (int i = h & mask;; i = (i + 1) & mask) {
            Group g = groups[i];
            if (g == null) {
                return add(i, k, buffers);
            }
            if (matches(i, k.signature, buffers)) {
                return g.group;
            }
        }
    }

    private boolean matches(int slot, int signature, GpuBuffer[] buffers) {
        int at = 8 * slot;
        if (keys[at] != signature) {
            return false;
        }
        for (int j = 0; j < 7; j++) {
            if (keys[at + 1 + j] != (j < buffers.length ? buffers[j].id : 0)) {
                return false;
            }
        }
        return true;
    }

    private JSObject add(int slot, Kernel k, GpuBuffer[] buffers) {
        if (groupCount >= GROUP_SLOTS / 2) {
            // bounded (and probes stay short): a lab that keeps changing shapes must not grow this forever
            forgetGroups();
            return group(k, buffers);
        }
        for (int i = 0; i < 7; i++) {
            bound[i] = i < buffers.length ? buffers[i] : null;
        }
        JSObject g = Wg.createBindGroup(dev.device, k.layout, uniform, raw(0), raw(1), raw(2), raw(3), raw(4), raw(5),
                raw(6));
        int at = 8 * slot;
        keys[at] = k.signature;
        for (int j = 0; j < 7; j++) {
            keys[at + 1 + j] = j < buffers.length ? buffers[j].id : 0;
        }
        groups[slot] = new Group(g);
        groupCount++;
        return g;
    }

    private JSObject raw(int i) {
        return bound[i] == null ? null : bound[i].buffer;
    }

    /** A buffer-to-buffer copy, between compute passes (copies cannot sit inside one). */
    void copy(GpuBuffer src, int srcFloat, JSObject dst, long dstByte, int floats) {
        if (encoder == null) {
            encoder = Wg.createCommandEncoder(dev.device);
        }
        if (pass != null) {
            Wg.endPass(pass);
            pass = null;
        }
        src.lastUse = epoch;
        Wg.copyBuffer(encoder, src.buffer, 4.0 * srcFloat, dst, dstByte, 4.0 * floats);
    }

    boolean pending() {
        return encoder != null;
    }

    /** Submits what was recorded: parameters first (queue order makes them visible to this submit), then commands. */
    void flush() {
        dev.check();
        if (encoder == null) {
            return;
        }
        if (pass != null) {
            Wg.endPass(pass);
            pass = null;
        }
        if (slot > 0) {
            Wg.writeInts(dev.device, uniform, Int32Array.fromJavaBuffer(arena), slot * SLOT_INTS);
        }
        Wg.submit(dev.device, encoder);
        encoder = null;
        slot = 0;
        epoch++;
        submits++;
    }

    /** Forgets cached bind groups (after pooled buffers were destroyed). */
    void forgetGroups() {
        java.util.Arrays.fill(groups, null);
        groupCount = 0;
    }
}
