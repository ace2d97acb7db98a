package descent.gpu;

import descent.tensor.Buffer;
import java.util.ArrayList;
import java.util.HashMap;
import org.teavm.jso.JSObject;

/**
 * Storage buffers, recycled by size. Released buffers wait in a free list keyed by their capacity (lengths rounded up
 * to 4 floats, so every buffer can be read as {@code vec4}), so a training step that repeats its shapes creates no
 * GPU buffer after its first run and the bind groups built for it stay valid. The pool reports live and pooled
 * counts: a steady-state test checks they stay flat over thousands of steps.
 */
final class BufferPool {
    /** A float32 array on the device. */
    static final class GpuBuffer extends Buffer {
        final JSObject buffer;
        final int id;
        final int capacity;
        /** The submit epoch in which a pending command last used this buffer (for ordering uploads). */
        int lastUse = -1;
        boolean released;

        GpuBuffer(int length, int capacity, JSObject buffer, int id) {
            super(length);
            this.capacity = capacity;
            this.buffer = buffer;
            this.id = id;
        }
    }

    static final int USAGE = 0x80 | 0x04 | 0x08; // STORAGE | COPY_SRC | COPY_DST

    private final GpuDevice dev;
    private final HashMap<Integer, ArrayList<GpuBuffer>> free = new HashMap<>();
    private int nextId = 1;
    private int live;
    private long liveBytes;
    private long pooledBytes;
    private int created;

    BufferPool(GpuDevice dev) {
        this.dev = dev;
    }

    static int capacity(int length) {
        return Math.max(4, (length + 3) & ~3);
    }

    /** A buffer of at least {@code length} floats; its view reports exactly {@code length}. */
    GpuBuffer alloc(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative buffer length " + length);
        }
        int cap = capacity(length);
        ArrayList<GpuBuffer> list = free.get(cap);
        GpuBuffer b;
        if (list != null && !list.isEmpty()) {
            GpuBuffer pooled = list.remove(list.size() - 1);
            pooledBytes -= 4L * cap;
            // same storage, the requested length: one GPU buffer may serve lengths 13..16
            b = pooled.length == length ? pooled : new GpuBuffer(length, cap, pooled.buffer, pooled.id);
            b.lastUse = pooled.lastUse;
        } else {
            long bytes = 4L * cap;
            dev.checkBufferSize(bytes);
            Wg.pushErrorScope(dev.device, "out-of-memory");
            JSObject raw = Wg.createBuffer(dev.device, bytes, USAGE);
            Wg.popErrorScope(dev.device, m -> dev.report("out of GPU memory allocating " + GpuDevice.mib(bytes)
                    + ": " + m));
            b = new GpuBuffer(length, cap, raw, nextId++);
            created++;
        }
        b.released = false;
        live++;
        liveBytes += 4L * cap;
        return b;
    }

    void release(GpuBuffer b) {
        if (b.released) {
            throw new IllegalStateException("GPU buffer released twice");
        }
        b.released = true;
        free.computeIfAbsent(b.capacity, k -> new ArrayList<>()).add(b);
        live--;
        liveBytes -= 4L * b.capacity;
        pooledBytes += 4L * b.capacity;
    }

    /** Destroys every pooled buffer (after a lab changes model size); returns how many. */
    int trim() {
        int n = 0;
        for (ArrayList<GpuBuffer> list : free.values()) {
            for (GpuBuffer b : list) {
                Wg.destroyBuffer(b.buffer);
                n++;
            }
        }
        free.clear();
        pooledBytes = 0;
        return n;
    }

    int live() {
        return live;
    }

    long liveBytes() {
        return liveBytes;
    }

    long pooledBytes() {
        return pooledBytes;
    }

    /** GPU buffers created since the start (flat in steady state). */
    int created() {
        return created;
    }
}
