package descent.gpu;

import descent.tensor.Backend;
import descent.tensor.Buffer;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float32Array;

/**
 * Stats for the UI (a loss, a few norms, a small grid) without stalling the step loop: {@link #poll} starts a copy
 * of the device buffer into one of two staging buffers and maps it asynchronously; a later poll (the next frame,
 * typically) collects it while the next copy goes to the other staging buffer. The values shown are therefore a frame
 * or two old, and the GPU never waits for the host. On the CPU path the values are read directly.
 */
public final class StatsReadback {
    private final Backend be;
    private final int floats;
    /** One staging buffer and its map in flight (objects, not JSObject arrays: TeaVM's wasm GC backend mistypes
     *  a null stored into a JSObject array). */
    private static final class Slot {
        JSObject stage;
        JSObject state;
    }

    private final Slot[] slots = {new Slot(), new Slot()};
    private int next;
    private float[] latest;
    private long completed;

    public StatsReadback(Backend be, int floats) {
        this.be = be;
        this.floats = BufferPool.capacity(floats);
    }

    private WebGpuBackend gpu() {
        if (be instanceof Failover f) {
            return f.gpu();
        }
        return be instanceof WebGpuBackend w ? w : null;
    }

    /** Requests fresh values of {@code src} and returns the most recent completed ones (null before the first). */
    public float[] poll(Buffer src) {
        WebGpuBackend gpu = gpu();
        if (gpu == null) {
            latest = be.read(src);
            completed++;
            return latest;
        }
        BufferPool.GpuBuffer b = (BufferPool.GpuBuffer) (src instanceof Failover.Handle h ? h.inner : src);
        for (Slot s : slots) {
            if (s.state != null && Wg.mapDone(s.state)) {
                java.nio.FloatBuffer f = gpu.host(b.length);
                float[] v = latest != null && latest.length == b.length ? latest : new float[b.length];
                Wg.copyMapped(s.stage, 0, b.length, Float32Array.fromJavaBuffer(f));
                Wg.unmap(s.stage);
                f.get(v, 0, b.length);
                latest = v;
                s.state = null;
                completed++;
            } else if (s.state != null && Wg.mapError(s.state) != null) {
                s.state = null;
            }
        }
        Slot s = slots[next];
        if (s.state == null && b.capacity <= floats) {
            if (s.stage == null) {
                s.stage = Wg.createBuffer(gpu.dev.device, 4.0 * floats, 0x01 | 0x08);
            }
            gpu.rec.copy(b, 0, s.stage, 0, b.capacity);
            gpu.flush();
            s.state = Wg.mapReadLater(s.stage, 4.0 * b.capacity);
            next = 1 - next;
        }
        return latest;
    }

    /** How many readbacks have completed (a test hook: it grows while the lab runs). */
    public long completed() {
        return completed;
    }
}
