package descent.gpu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.webgpu.GPU;
import org.teavm.jso.webgpu.GPUAdapter;

/**
 * Finds out what WebGPU this browser offers, and why not when it offers nothing. Runs on a TeaVM thread (it awaits
 * the adapter request).
 */
public final class Gpu {
    /** What the probe saw; {@code reason} says in plain words why WebGPU is unavailable, or is null. */
    public record Info(boolean available, String reason, String vendor, String architecture, String description,
            boolean fallback, List<String> features, Map<String, Double> limits) {
    }

    private static Info cached;
    private static GPUAdapter adapter;

    private Gpu() {
    }

    @JSBody(script = "return (typeof navigator !== 'undefined' && navigator.gpu) ? navigator.gpu : null;")
    static native GPU navigatorGpu();

    @JSBody(script = "return typeof isSecureContext === 'undefined' || isSecureContext;")
    static native boolean secureContext();

    /** TeaVM's binding maps {@code isFallbackAdapter()} to a property named "fallbackAdapter"; read the real one. */
    @JSBody(params = "info", script = "return !!info.isFallbackAdapter;")
    static native boolean isFallback(JSObject info);

    @JSBody(params = "set", script = "return Array.from(set).sort().join(' ');")
    static native String setToString(JSObject set);

    @JSBody(params = "limits", script = "const out = []; for (const k in limits) { const v = limits[k]; "
            + "if (typeof v === 'number') out.push(k + '=' + v); } return out.sort().join(' ');")
    static native String limitsToString(JSObject limits);

    /** Asks for an adapter once; later calls return the same answer. */
    public static Info probe() {
        if (cached != null) {
            return cached;
        }
        GPU gpu = navigatorGpu();
        if (gpu == null) {
            cached = unavailable(secureContext()
                    ? "this browser does not offer WebGPU (navigator.gpu is missing)"
                    : "WebGPU needs a secure context (https or localhost)");
            return cached;
        }
        try {
            adapter = Wg.withTimeout(gpu.requestAdapter(), Wg.OPEN_TIMEOUT_MS).await();
        } catch (RuntimeException e) {
            cached = unavailable("the adapter request failed: " + e.getMessage());
            return cached;
        }
        if (adapter == null) {
            cached = unavailable("the browser offers WebGPU but found no adapter (GPU blocked or disabled)");
            return cached;
        }
        GPUAdapter.Info info = adapter.getInfo();
        List<String> features = new ArrayList<>();
        for (String f : setToString(adapter.getFeatures()).split(" ")) {
            if (!f.isEmpty()) {
                features.add(f);
            }
        }
        Map<String, Double> limits = new LinkedHashMap<>();
        for (String kv : limitsToString(adapter.getLimits()).split(" ")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                limits.put(kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
            }
        }
        cached = new Info(true, null, info.getVendor(), info.getArchitecture(), info.getDescription(),
                isFallback(info), features, limits);
        return cached;
    }

    /** The adapter the probe found (null when none); {@link GpuDevice#open()} opens its device. */
    static JSObject adapter() {
        probe();
        return adapter;
    }

    private static Info unavailable(String reason) {
        return new Info(false, reason, "", "", "", false, List.of(), Map.of());
    }
}
