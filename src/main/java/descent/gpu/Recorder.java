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
 * step, steady-state training creates no bind groups at all.
 */
final class Recorder {
    static final int SLOT_INTS = 64; // 256 bytes, the usual minUniformBufferOffsetAlignment
    static final int SLOTS = 1024;

    private final GpuDevice dev;
    private final JSObject uniform;
    private final IntBuffer arena;
    private final HashMap<String, JSObject> groups = new HashMap<>();
    private final StringBuilder key = new StringBuilder();
    private final GpuBuffer[] bound = new GpuBuffer[7];
    private JSObject encoder;
    private JSObject pass;
    private int slot;
    private int slotBase;
    /** Counts submits; a buffer whose lastUse equals it is used by a command not yet submitted. */
    int epoch;
    long dispatches;
    long submits;

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
        if (encoder == null) {
            encoder = Wg.createCommandEncoder(dev.device);
        }
        if (pass == null) {
            pass = Wg.beginComputePass(encoder);
        }
        key.setLength(0);
        key.append(k.signature);
        for (int i = 0; i < 7; i++) {
            bound[i] = i < buffers.length ? buffers[i] : null;
        }
        for (GpuBuffer b : buffers) {
            key.append(',').append(b.id);
            b.lastUse = epoch;
        }
        String id = key.toString();
        JSObject group = groups.get(id);
        if (group == null) {
            if (groups.size() > 4096) {
                groups.clear(); // bounded: a lab that keeps changing shapes must not grow this forever
            }
            group = Wg.createBindGroup(dev.device, k.layout, uniform, raw(0), raw(1), raw(2), raw(3), raw(4), raw(5),
                    raw(6));
            groups.put(id, group);
        }
        Wg.dispatch(pass, k.pipeline, group, slot * SLOT_INTS * 4, x, y, z);
        slot++;
        dispatches++;
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
        groups.clear();
    }
}
