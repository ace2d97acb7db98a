package descent.gpu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.teavm.jso.JSObject;

/**
 * Compiled kernels, cached by shader and {@code override} constants. Every kernel follows one binding convention
 * (binding 0: its uniform parameters; then its read-only storage buffers; then its writable ones), so kernels with the
 * same counts share one bind group layout, and a bind group built for one can be reused by another.
 *
 * <p>Compilation is checked, not trusted: the first use of a shader awaits {@code getCompilationInfo()} and fails on
 * an error; warnings are kept in {@link #warnings()} (the self-test requires there are none). Pipeline creation runs
 * in a validation error scope so a bad constant or layout mismatch names the kernel.
 */
final class Pipelines {
    /** A kernel: which WGSL file, with which constants, reading and writing how many storage buffers. */
    static final class Kernel {
        final String name;
        final String source;
        final String constants;
        final int reads;
        final int writes;
        final String key;
        JSObject pipeline;
        JSObject layout;
        int signature;

        Kernel(String name, String source, String constants, int reads, int writes) {
            this.name = name;
            this.source = source;
            this.constants = constants;
            this.reads = reads;
            this.writes = writes;
            this.key = name + "|" + constants;
        }
    }

    private final GpuDevice dev;
    private final HashMap<String, Kernel> kernels = new HashMap<>();
    private final HashMap<String, JSObject> modules = new HashMap<>();
    private final HashMap<Integer, JSObject> layouts = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    Pipelines(GpuDevice dev) {
        this.dev = dev;
    }

    /** The compiled kernel for this shader and constants; compiles on first use. */
    Kernel get(String name, String source, String constants, int reads, int writes) {
        String key = name + "|" + constants;
        Kernel k = kernels.get(key);
        if (k != null) {
            return k;
        }
        k = new Kernel(name, source, constants, reads, writes);
        k.signature = reads * 16 + writes;
        k.layout = layouts.computeIfAbsent(k.signature, s -> Wg.createBindGroupLayout(dev.device, reads, writes));
        JSObject module = module(name, source);
        Wg.pushErrorScope(dev.device, "validation");
        k.pipeline = Wg.createComputePipeline(dev.device, k.layout, module, constants, key);
        String err = Wg.str(Wg.popErrorScopeMessage(dev.device).await());
        if (!err.isEmpty()) {
            throw new IllegalStateException("GPU kernel " + key + " failed to build: " + err);
        }
        kernels.put(key, k);
        return k;
    }

    private JSObject module(String name, String source) {
        JSObject m = modules.get(name);
        if (m != null) {
            return m;
        }
        // in an error scope: a shader that fails to parse must not leave an uncaptured error for the next op
        Wg.pushErrorScope(dev.device, "validation");
        m = Wg.createShaderModule(dev.device, source, name + ".wgsl");
        String messages = Wg.str(Wg.compilationMessages(m).await());
        Wg.popErrorScopeMessage(dev.device).await();
        if (!messages.isEmpty()) {
            for (String line : messages.split("\n")) {
                if (line.startsWith("error")) {
                    throw new IllegalStateException("shader " + name + ".wgsl does not compile: " + messages);
                }
                warnings.add(name + ".wgsl: " + line);
            }
        }
        modules.put(name, m);
        return m;
    }

    /** Compiler warnings and notes seen so far, one per line, prefixed with the shader file. */
    List<String> warnings() {
        return warnings;
    }

    int size() {
        return kernels.size();
    }
}
