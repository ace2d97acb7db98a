package descent.gpu;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * The raw WebGPU calls the facade makes, each one small {@code @JSBody}. TeaVM 0.16's {@code org.teavm.jso.webgpu}
 * bindings cover the API but build descriptors one property per interop call; on the hot path (one dispatch = pipeline,
 * bind group, workgroup counts) a single call into JS is measurably cheaper, and the descriptor gaps (dynamic offsets,
 * override constants, the real {@code isFallbackAdapter}) are patched here in one place.
 *
 * <p>All objects are opaque {@link JSObject}s on the Java side; the classes around this one give them types.
 */
final class Wg {
    private Wg() {
    }

    @JSFunctor
    interface Message extends JSObject {
        void call(String message);
    }

    // ---- device --------------------------------------------------------------------------------------------

    @JSBody(script = "return (typeof navigator !== 'undefined' && navigator.gpu) ? navigator.gpu : null;")
    static native JSObject gpu();

    @JSBody(params = "gpu", script = "return gpu.requestAdapter({powerPreference: 'high-performance'});")
    static native JSPromise<JSObject> requestAdapter(JSObject gpu);

    /**
     * Asks for the adapter's own maxima of the limits our kernels use (the defaults are lower: 128 MiB bindings) and
     * for timestamp queries where offered, so the micro-benchmark can time kernels on the device.
     */
    @JSBody(params = "adapter", script = "const L = adapter.limits; const want = ['timestamp-query'];"
            + " const f = want.filter((x) => adapter.features.has(x));"
            + " return adapter.requestDevice({requiredFeatures: f, requiredLimits: {"
            + " maxBufferSize: L.maxBufferSize, maxStorageBufferBindingSize: L.maxStorageBufferBindingSize,"
            + " maxStorageBuffersPerShaderStage: L.maxStorageBuffersPerShaderStage,"
            + " maxComputeWorkgroupStorageSize: L.maxComputeWorkgroupStorageSize,"
            + " maxComputeInvocationsPerWorkgroup: L.maxComputeInvocationsPerWorkgroup}});")
    static native JSPromise<JSObject> requestDevice(JSObject adapter);

    /**
     * The promise, or a rejection after {@code ms}: a browser whose GPU process is wedged (seen after another page lost
     * its device) may never answer an adapter or device request, and the page must not wait forever to fall back.
     */
    @JSBody(params = {"p", "ms"}, script = "return Promise.race([p, new Promise((ok, no) => setTimeout(() => "
            + "no(new Error('no answer within ' + ms / 1000 + ' s')), ms))]);")
    static native <T extends JSObject> JSPromise<T> withTimeout(JSPromise<T> p, int ms);

    /** How long the adapter and the device may take to answer before the CPU path runs instead. */
    static final int OPEN_TIMEOUT_MS = 10_000;

    @JSBody(params = {"o", "name"}, script = "return Number(o.limits[name]);")
    static native double limit(JSObject o, String name);

    @JSBody(params = {"o", "name"}, script = "return o.features.has(name);")
    static native boolean hasFeature(JSObject o, String name);

    @JSBody(params = {"device", "cb"}, script = "device.addEventListener('uncapturederror', (e) => "
            + "cb(String(e.error && e.error.message || e.error)));")
    static native void onUncapturedError(JSObject device, Message cb);

    @JSBody(params = {"device", "cb"}, script = "device.lost.then((info) => cb(String(info.reason) + ': ' "
            + "+ String(info.message)));")
    static native void onLost(JSObject device, Message cb);

    @JSBody(params = "device", script = "device.destroy();")
    static native void destroy(JSObject device);

    @JSBody(params = {"device", "filter"}, script = "device.pushErrorScope(filter);")
    static native void pushErrorScope(JSObject device, String filter);

    /** Pops an error scope and reports a message only if there was an error (no await on the hot path). */
    @JSBody(params = {"device", "cb"}, script = "device.popErrorScope().then((e) => { if (e) cb(String(e.message)); });")
    static native void popErrorScope(JSObject device, Message cb);

    /** Resolves to the error message of the scope, or to the empty string when there was none. */
    @JSBody(params = "device", script = "return device.popErrorScope().then((e) => e ? String(e.message) : '');")
    static native JSPromise<JSObject> popErrorScopeMessage(JSObject device);

    // ---- buffers -------------------------------------------------------------------------------------------

    @JSBody(params = {"device", "bytes", "usage"}, script = "return device.createBuffer({size: bytes, usage: usage});")
    static native JSObject createBuffer(JSObject device, double bytes, int usage);

    @JSBody(params = "buffer", script = "buffer.destroy();")
    static native void destroyBuffer(JSObject buffer);

    @JSBody(params = {"device", "buffer", "data", "count"}, script = "device.queue.writeBuffer(buffer, 0, data, 0, count);")
    static native void writeFloats(JSObject device, JSObject buffer, Float32Array data, int count);

    @JSBody(params = {"device", "buffer", "data", "count"}, script = "device.queue.writeBuffer(buffer, 0, data, 0, count);")
    static native void writeInts(JSObject device, JSObject buffer, Int32Array data, int count);

    @JSBody(params = {"buffer", "bytes"}, script = "return buffer.mapAsync(1, 0, bytes);")
    static native JSPromise<JSObject> mapRead(JSObject buffer, double bytes);

    /** Starts a map for reading and returns a state object whose {@code done}/{@code error} fields a poll can read. */
    @JSBody(params = {"buffer", "bytes"}, script = "const s = {done: false, error: null};"
            + " buffer.mapAsync(1, 0, bytes).then(() => { s.done = true; }, (e) => { s.error = String(e); });"
            + " return s;")
    static native JSObject mapReadLater(JSObject buffer, double bytes);

    @JSBody(params = "s", script = "return s.done;")
    static native boolean mapDone(JSObject s);

    @JSBody(params = "s", script = "return s.error;")
    static native String mapError(JSObject s);

    /** Copies {@code count} floats from byte {@code offset} of a mapped buffer into {@code dst}, then unmaps it. */
    @JSBody(params = {"buffer", "offset", "count", "dst"}, script = "dst.set(new Float32Array("
            + "buffer.getMappedRange(offset, count * 4)));")
    static native void copyMapped(JSObject buffer, double offset, int count, Float32Array dst);

    @JSBody(params = "buffer", script = "buffer.unmap();")
    static native void unmap(JSObject buffer);

    // ---- shaders and pipelines -----------------------------------------------------------------------------

    @JSBody(params = {"device", "code", "label"}, script = "return device.createShaderModule({code: code, label: label});")
    static native JSObject createShaderModule(JSObject device, String code, String label);

    /** The compilation messages of a module as "type line:col message" lines, empty when clean. */
    @JSBody(params = "module", script = "return module.getCompilationInfo().then((info) => info.messages.map((m) => "
            + "m.type + ' ' + m.lineNum + ':' + m.linePos + ' ' + m.message).join('\\n'));")
    static native JSPromise<JSObject> compilationMessages(JSObject module);

    /**
     * The bind group layout every kernel shares by signature: binding 0 is the uniform parameter block (dynamic
     * offset into one arena per submit), then {@code reads} read-only storage buffers, then {@code writes} writable.
     */
    @JSBody(params = {"device", "reads", "writes"}, script = "const e = [{binding: 0, visibility: 4, buffer: {"
            + "type: 'uniform', hasDynamicOffset: true}}];"
            + " for (let i = 0; i < reads; i++) e.push({binding: 1 + i, visibility: 4, buffer: {type: 'read-only-storage'}});"
            + " for (let i = 0; i < writes; i++) e.push({binding: 1 + reads + i, visibility: 4, buffer: {type: 'storage'}});"
            + " return device.createBindGroupLayout({entries: e});")
    static native JSObject createBindGroupLayout(JSObject device, int reads, int writes);

    /** {@code constants} is "NAME=value,NAME=value" (override constants; empty for none). */
    @JSBody(params = {"device", "layout", "module", "constants", "label"}, script = "const c = {};"
            + " if (constants.length > 0) for (const kv of constants.split(',')) { const i = kv.indexOf('=');"
            + " c[kv.substring(0, i)] = Number(kv.substring(i + 1)); }"
            + " return device.createComputePipeline({label: label, layout: device.createPipelineLayout({"
            + "bindGroupLayouts: [layout]}), compute: {module: module, entryPoint: 'main', constants: c}});")
    static native JSObject createComputePipeline(JSObject device, JSObject layout, JSObject module, String constants,
            String label);

    /** A bind group of the uniform arena (a 256-byte window) and up to seven storage buffers (nulls end the list). */
    @JSBody(params = {"device", "layout", "uniform", "b1", "b2", "b3", "b4", "b5", "b6", "b7"}, script = "const e = ["
            + "{binding: 0, resource: {buffer: uniform, offset: 0, size: 256}}]; const b = [b1, b2, b3, b4, b5, b6, b7];"
            + " for (let i = 0; i < 7 && b[i]; i++) e.push({binding: i + 1, resource: {buffer: b[i]}});"
            + " return device.createBindGroup({layout: layout, entries: e});")
    static native JSObject createBindGroup(JSObject device, JSObject layout, JSObject uniform, JSObject b1, JSObject b2,
            JSObject b3, JSObject b4, JSObject b5, JSObject b6, JSObject b7);

    // ---- encoding ------------------------------------------------------------------------------------------

    @JSBody(params = "device", script = "return device.createCommandEncoder();")
    static native JSObject createCommandEncoder(JSObject device);

    @JSBody(params = "encoder", script = "return encoder.beginComputePass();")
    static native JSObject beginComputePass(JSObject encoder);

    @JSBody(params = "pass", script = "pass.end();")
    static native void endPass(JSObject pass);

    /** One dispatch in one interop call: the whole hot path of a kernel launch. */
    @JSBody(params = {"pass", "pipeline", "group", "offset", "x", "y", "z"}, script = "pass.setPipeline(pipeline);"
            + " pass.setBindGroup(0, group, [offset]); pass.dispatchWorkgroups(x, y, z);")
    static native void dispatch(JSObject pass, JSObject pipeline, JSObject group, int offset, int x, int y, int z);

    @JSBody(params = {"encoder", "src", "srcOffset", "dst", "dstOffset", "bytes"}, script = "encoder.copyBufferToBuffer("
            + "src, srcOffset, dst, dstOffset, bytes);")
    static native void copyBuffer(JSObject encoder, JSObject src, double srcOffset, JSObject dst, double dstOffset,
            double bytes);

    @JSBody(params = {"device", "encoder"}, script = "device.queue.submit([encoder.finish()]);")
    static native void submit(JSObject device, JSObject encoder);

    @JSBody(params = "device", script = "return device.queue.onSubmittedWorkDone();")
    static native JSPromise<JSObject> workDone(JSObject device);

    // ---- timestamps (where the feature exists) --------------------------------------------------------------

    @JSBody(params = "device", script = "return device.createQuerySet({type: 'timestamp', count: 2});")
    static native JSObject createTimestampQuerySet(JSObject device);

    @JSBody(params = {"encoder", "querySet"}, script = "return encoder.beginComputePass({timestampWrites: {"
            + "querySet: querySet, beginningOfPassWriteIndex: 0, endOfPassWriteIndex: 1}});")
    static native JSObject beginTimedPass(JSObject encoder, JSObject querySet);

    @JSBody(params = {"encoder", "querySet", "dst"}, script = "encoder.resolveQuerySet(querySet, 0, 2, dst, 0);")
    static native void resolveTimestamps(JSObject encoder, JSObject querySet, JSObject dst);

    /** Nanoseconds between the two timestamps of a mapped 16-byte buffer, then unmaps it. */
    @JSBody(params = "buffer", script = "const t = new BigUint64Array(buffer.getMappedRange(0, 16));"
            + " const d = Number(t[1] - t[0]); buffer.unmap(); return d;")
    static native double timestampDelta(JSObject buffer);

    @JSBody(script = "return performance.now();")
    static native double now();

    @JSBody(params = "o", script = "return String(o);")
    static native String str(JSObject o);
}
