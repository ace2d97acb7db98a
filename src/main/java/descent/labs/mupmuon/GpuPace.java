package descent.labs.mupmuon;

import descent.gpu.Backends;
import descent.gpu.WebGpuBackend;

/**
 * Keeps a lab from queueing more GPU work than the GPU gets through. The run loop times its frame by how long a
 * step takes to encode, which on a GPU is far less than it takes to run: unchecked, a sweep would pile up seconds of
 * queued work and every readback would wait behind it. So each unit is submitted at once, and after {@code depth}
 * units the loop thread waits for the device (an await: the page stays responsive meanwhile).
 */
final class GpuPace {
    private final int depth;
    private int queued;

    GpuPace(int depth) {
        this.depth = depth;
    }

    /** Call after encoding one unit of work on the backend {@code path} ("webgpu" or "cpu"). */
    void unitDone(String path) {
        if (!path.equals("webgpu")) return;
        WebGpuBackend gpu = Backends.webgpu();
        if (gpu == null) return;
        try {
            gpu.flush();
            if (++queued >= depth) {
                queued = 0;
                gpu.finish();
            }
        } catch (RuntimeException e) {
            // a lost device: the frame's failover check moves the lab to the CPU and says so
            queued = 0;
        }
    }
}
