package descent.gpu;

import org.teavm.jso.JSObject;

/**
 * One WebGPU device and everything that can go wrong with it. Setup asks for the adapter's own maxima of the limits
 * our kernels use and for {@code timestamp-query} where offered. Errors are never silent: uncaptured validation errors
 * and out-of-memory are recorded here and thrown from the next {@link #check()} (the backend calls it at every
 * submit), so they reach the page's error banner through the lab's normal failure path; device loss is recorded and
 * reported the same way, except that a {@link Failover} backend catches it and moves the lab to the CPU.
 *
 * <p>Must be created on a TeaVM thread (it awaits the adapter and the device).
 */
public final class GpuDevice {
    /** Thrown when the device is gone: the caller may continue on the CPU. */
    public static final class LostException extends RuntimeException {
        LostException(String message) {
            super(message);
        }
    }

    final JSObject device;
    final JSObject adapter;
    final boolean timestamps;
    final long maxBufferSize;
    final long maxBindingSize;
    final int maxStorageBuffers;
    final long maxWorkgroupStorage;
    final int maxWorkgroupsPerDimension;
    final int uniformAlign;
    /**
     * Whether the adapter runs on the CPU (a fallback adapter; SwiftShader, lavapipe, llvmpipe or WARP by name):
     * kernels with a CPU-shaped variant (matmul_blocked.wgsl) use it there.
     */
    final boolean cpuAdapter;

    private String error;
    private String lost;

    private GpuDevice(JSObject adapter, JSObject device) {
        this.adapter = adapter;
        this.device = device;
        this.timestamps = Wg.hasFeature(device, "timestamp-query");
        this.maxBufferSize = (long) Wg.limit(device, "maxBufferSize");
        this.maxBindingSize = (long) Wg.limit(device, "maxStorageBufferBindingSize");
        this.maxStorageBuffers = (int) Wg.limit(device, "maxStorageBuffersPerShaderStage");
        this.maxWorkgroupStorage = (long) Wg.limit(device, "maxComputeWorkgroupStorageSize");
        this.maxWorkgroupsPerDimension = (int) Wg.limit(device, "maxComputeWorkgroupsPerDimension");
        this.uniformAlign = (int) Wg.limit(device, "minUniformBufferOffsetAlignment");
        Gpu.Info info = Gpu.probe();
        String name = (info.vendor() + " " + info.architecture() + " " + info.description()).toLowerCase();
        this.cpuAdapter = info.fallback() || name.contains("swiftshader") || name.contains("lavapipe")
                || name.contains("llvmpipe") || name.contains("basic render");
        Wg.onUncapturedError(device, m -> {
            if (error == null) {
                error = m;
            }
        });
        Wg.onLost(device, m -> lost = m);
    }

    /**
     * Opens a device, or throws {@link IllegalStateException} with the reason in plain words (no WebGPU, no adapter,
     * request refused).
     */
    public static GpuDevice open() {
        Gpu.Info info = Gpu.probe();
        if (!info.available()) {
            throw new IllegalStateException(info.reason());
        }
        JSObject adapter = Gpu.adapter();
        JSObject device;
        try {
            device = Wg.withTimeout(Wg.requestDevice(adapter), Wg.OPEN_TIMEOUT_MS).await();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the GPU refused to open a device: " + e.getMessage());
        }
        if (device == null) {
            throw new IllegalStateException("the GPU refused to open a device");
        }
        GpuDevice d = new GpuDevice(adapter, device);
        if (d.maxStorageBuffers < 7) {
            throw new IllegalStateException("the GPU allows only " + d.maxStorageBuffers
                    + " storage buffers per kernel; Descent's kernels need 7");
        }
        return d;
    }

    /** Throws the first recorded device error, or {@link LostException} after device loss. */
    public void check() {
        if (lost != null) {
            throw new LostException("the GPU device was lost (" + lost + ")");
        }
        if (error != null) {
            String e = error;
            error = null;
            throw new IllegalStateException("GPU error: " + e);
        }
    }

    /** Whether the adapter runs on the CPU (SwiftShader, lavapipe, WARP, a fallback adapter). */
    public boolean softwareAdapter() {
        return cpuAdapter;
    }

    public boolean isLost() {
        return lost != null;
    }

    /** Records an error found asynchronously (an out-of-memory error scope); the next {@link #check()} throws it. */
    void report(String message) {
        if (error == null) {
            error = message;
        }
    }

    /**
     * The GPUDevice itself, for code outside the compute backend that renders with it (a lab's WebGPU render
     * pipeline). Such code must watch for its own errors with an error scope; this object records only uncaptured ones.
     */
    public JSObject handle() {
        return device;
    }

    /** Destroys the device (device-loss tests do this on purpose). */
    public void destroy() {
        Wg.destroy(device);
    }

    /** Refuses, before allocating, a buffer the device cannot hold or bind. */
    void checkBufferSize(long bytes) {
        if (bytes > maxBindingSize || bytes > maxBufferSize) {
            throw new IllegalArgumentException("a tensor of " + (bytes / 4) + " floats (" + mib(bytes)
                    + ") is larger than this GPU can bind (" + mib(Math.min(maxBindingSize, maxBufferSize))
                    + "); choose a smaller model or batch, or use the CPU path");
        }
    }

    /** Refuses a kernel configuration whose workgroup memory exceeds the device's. */
    void checkWorkgroupStorage(long bytes, String kernel) {
        if (bytes > maxWorkgroupStorage) {
            throw new IllegalArgumentException("kernel " + kernel + " needs " + bytes + " bytes of workgroup memory; "
                    + "this GPU offers " + maxWorkgroupStorage);
        }
    }

    static String mib(long bytes) {
        return (Math.round(bytes / 1048576.0 * 10) / 10.0) + " MiB";
    }

    public String describe() {
        Gpu.Info i = Gpu.probe();
        String d = i.description().isEmpty() ? i.vendor() + " " + i.architecture() : i.description();
        return d.trim() + (i.fallback() ? " (software)" : "");
    }
}
