package descent.gpu;

import descent.tensor.Backend;
import descent.tensor.CpuBackend;

/**
 * How a lab gets its backend. One GPU device per page, opened on first use and shared by every lab the user opens;
 * the CPU backend when WebGPU is missing, refused, forced off, or lost.
 *
 * <pre>{@code
 * // in LabView.reset(params), on the loop thread:
 * Backend be = Backends.current();          // WebGPU (with CPU failover) or the CPU
 * model = new Mlp(be, rng, 2, 16, 2);       // the experiment never knows which
 * // the shell calls Backends.frame() between frames: submit, device-loss check, host sync every 2 s
 * }</pre>
 */
public final class Backends {
    /** Told when the path changes: the backend's name ("webgpu" or "cpu") and why (null when nothing went wrong). */
    public interface Listener {
        void changed(String backend, String why);
    }

    private static Failover gpu;
    private static CpuBackend cpu;
    private static boolean tried;
    private static boolean forceCpu;
    private static String why;
    private static Listener listener;

    private Backends() {
    }

    public static void listen(Listener l) {
        listener = l;
    }

    /** The backend labs should use now. Opens the GPU on first call (awaits: call it on the loop thread). */
    public static Backend current() {
        if (!forceCpu && !tried) {
            tried = true;
            try {
                gpu = new Failover(WebGpuBackend.open(), reason -> {
                    why = "The GPU stopped working (" + reason + ").";
                    if (listener != null) {
                        listener.changed("cpu", why);
                    }
                });
            } catch (RuntimeException e) {
                why = "WebGPU is not available: " + e.getMessage() + ".";
            }
        }
        if (!forceCpu && gpu != null && gpu.gpu() != null) {
            return gpu;
        }
        return cpuBackend();
    }

    /** The shared CPU backend (the reference and the fallback). */
    public static CpuBackend cpuBackend() {
        if (cpu == null) {
            cpu = new CpuBackend();
        }
        return cpu;
    }

    /** The WebGPU backend if it is open and healthy, else null (self-test and benchmarks). */
    public static WebGpuBackend webgpu() {
        current();
        return gpu == null ? null : gpu.gpu();
    }

    /** "webgpu" or "cpu": what {@link #current()} gives now, without opening anything. */
    public static String name() {
        return !forceCpu && gpu != null && gpu.gpu() != null ? "webgpu" : "cpu";
    }

    /** Why labs run on the CPU (no adapter, refused, forced, lost), or null while on the GPU. */
    public static String reason() {
        if (forceCpu) {
            return "The CPU path was chosen by hand.";
        }
        return name().equals("cpu") ? why : null;
    }

    /** Forces the CPU path (the shell's toggle, and "restart on CPU" after a GPU error). */
    public static void forceCpu(boolean on) {
        forceCpu = on;
        if (listener != null) {
            listener.changed(name(), reason());
        }
    }

    /** Called by the run loop once per frame: submits GPU work, notices device loss, syncs parameters to the host. */
    public static void frame(double nowMs) {
        if (gpu != null && !forceCpu) {
            gpu.frame(nowMs);
        }
    }

    /** Destroys the device on purpose (the device-loss test). */
    public static void loseDeviceForTest() {
        if (gpu != null && gpu.gpu() != null) {
            gpu.gpu().device().destroy();
        }
    }
}
