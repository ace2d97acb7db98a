package descent.labs.landscape;

import descent.data.Dataset;
import descent.gpu.Shaders;
import descent.nn.Activation;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.Float32Array;

/**
 * The WebGPU path for MLP slices: {@code shaders/landscape_ensemble.wgsl} evaluates a batch of perturbed copies of
 * the network in three dispatches (build theta, run every member on every example, average) and one read-back of the
 * batch's losses. The plane is uploaded once per slice; a batch costs two tiny uploads and one map.
 *
 * <p>Why a fused kernel rather than the engine's ops ({@link BatchedSliceEvaluator}): the engine's softmax and
 * reductions give each row a workgroup with barriers, which for rows of two classes is mostly overhead, and the
 * per-op intermediates (M, N, H) cost memory traffic; here each (member, example) pair is one thread with its
 * activations in registers. On a software adapter this is about eight times faster than the composed ops.
 */
final class GpuEnsembleEvaluator implements SliceEvaluator {
    /** The kernel keeps activations in arrays of this size (MAXW in the shader). */
    static final int MAX_WIDTH = 128;

    private final JSObject device, state;
    private final int n, p, members;
    private float[] lastCenter, lastD1, lastD2;

    /** Null if the network is not an MLP this kernel can run (the caller then uses {@link BatchedSliceEvaluator}). */
    static GpuEnsembleEvaluator tryCreate(JSObject device, Network net, Dataset data, int parameters) {
        if (net.images() || net.width() > MAX_WIDTH || data.classes > MAX_WIDTH) return null;
        return new GpuEnsembleEvaluator(device, net, data, parameters);
    }

    private GpuEnsembleEvaluator(JSObject device, Network net, Dataset data, int parameters) {
        this.device = device;
        this.n = data.n;
        this.p = parameters;
        // one batch's activations stay modest: M N threads, M P parameters
        this.members = Math.max(16, Math.min(256, (1 << 22) / Math.max(p, data.n)));
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) labels[i] = data.labels[i];
        int[] params = {members, n, p, data.d, net.width(), net.depth(), data.classes, 0};
        pushScope(device);
        state = create(device, Shaders.LANDSCAPE_ENSEMBLE, net.activation() == Activation.TANH ? 1 : 0,
                org.teavm.jso.typedarrays.Int32Array.copyFromJavaArray(params), Float32Array.copyFromJavaArray(data.x),
                Float32Array.copyFromJavaArray(labels), members, n, p);
        String error = popScope(device).await();
        if (error != null) throw new IllegalStateException("the landscape kernel failed to build: " + error);
    }

    @Override
    public void plane(float[] c, float[] a, float[] b) {
        if (c == lastCenter && a == lastD1 && b == lastD2) return;
        upload(device, state, Float32Array.copyFromJavaArray(c), Float32Array.copyFromJavaArray(a),
                Float32Array.copyFromJavaArray(b));
        lastCenter = c;
        lastD1 = a;
        lastD2 = b;
    }

    @Override
    public void evaluate(float[] a, float[] b, int count, float[] out) {
        for (int start = 0; start < count; start += members) {
            int m = Math.min(members, count - start);
            float[] ab = new float[2 * members];
            for (int i = 0; i < m; i++) {
                ab[2 * i] = a[start + i];
                ab[2 * i + 1] = b[start + i];
            }
            pushScope(device);
            Float32Array losses = run(device, state, Float32Array.copyFromJavaArray(ab), m, n, p).await();
            String error = popScope(device).await();
            if (error != null) throw new IllegalStateException("GPU error in the landscape kernel: " + error);
            for (int i = 0; i < m; i++) out[start + i] = losses.get(i);
        }
    }

    @Override
    public int batchHint() {
        return members;
    }

    @Override
    public String path() {
        return "webgpu";
    }

    @Override
    public void release() {
        destroy(state);
    }

    @JSBody(params = "device", script = "device.pushErrorScope('validation');")
    private static native void pushScope(JSObject device);

    @JSBody(params = "device", script = "return device.popErrorScope().then(function (e) { return e ? e.message : null; },"
            + " function (x) { return String(x); });")
    private static native JSPromise<String> popScope(JSObject device);

    @JSBody(params = {"device", "code", "act", "params", "x", "labels", "members", "n", "p"}, script = ""
            + "var S = GPUBufferUsage.STORAGE, D = GPUBufferUsage.COPY_DST;"
            + "function buf(bytes, usage) { return device.createBuffer({size: Math.max(16, bytes), usage: usage}); }"
            + "var s = {uniform: buf(32, GPUBufferUsage.UNIFORM | D), x: buf(x.byteLength, S | D),"
            + "  labels: buf(labels.byteLength, S | D), center: buf(4 * p, S | D), d1: buf(4 * p, S | D),"
            + "  d2: buf(4 * p, S | D), ab: buf(8 * members, S | D), theta: buf(4 * members * p, S),"
            + "  losses: buf(4 * members * n, S), mean: buf(4 * members, S | GPUBufferUsage.COPY_SRC),"
            + "  readback: buf(4 * members, GPUBufferUsage.MAP_READ | D)};"
            + "device.queue.writeBuffer(s.uniform, 0, params); device.queue.writeBuffer(s.x, 0, x);"
            + "device.queue.writeBuffer(s.labels, 0, labels);"
            + "var module = device.createShaderModule({code: code, label: 'landscape_ensemble'});"
            + "function pipe(entry) { return device.createComputePipeline({label: 'landscape ' + entry, layout: 'auto',"
            + "  compute: {module: module, entryPoint: entry, constants: {ACT: act}}}); }"
            + "function group(pl, list) { return device.createBindGroup({layout: pl.getBindGroupLayout(0),"
            + "  entries: list.map(function (b, i) { return {binding: i, resource: {buffer: b}}; })}); }"
            + "s.perturb = pipe('perturb'); s.forward = pipe('forward'); s.average = pipe('average');"
            + "s.g1 = group(s.perturb, [s.uniform, s.center, s.d1, s.d2, s.ab, s.theta]);"
            + "s.g2 = group(s.forward, [s.uniform, s.theta, s.x, s.labels, s.losses]);"
            + "s.g3 = group(s.average, [s.uniform, s.losses, s.mean]);"
            + "return s;")
    private static native JSObject create(JSObject device, String code, int act,
            org.teavm.jso.typedarrays.Int32Array params, Float32Array x, Float32Array labels, int members, int n, int p);

    @JSBody(params = {"device", "s", "c", "a", "b"}, script = "device.queue.writeBuffer(s.center, 0, c);"
            + "device.queue.writeBuffer(s.d1, 0, a); device.queue.writeBuffer(s.d2, 0, b);")
    private static native void upload(JSObject device, JSObject s, Float32Array c, Float32Array a, Float32Array b);

    /** The three dispatches for m members, then the m losses, copied out of the mapped read-back buffer. */
    @JSBody(params = {"device", "s", "ab", "m", "n", "p"}, script = ""
            + "device.queue.writeBuffer(s.ab, 0, ab);"
            + "device.queue.writeBuffer(s.uniform, 0, new Uint32Array([m]));"
            + "var enc = device.createCommandEncoder({label: 'landscape ensemble'});"
            + "function go(pl, g, count) { var groups = Math.ceil(count / 64), x = Math.min(groups, 65535);"
            + "  var pass = enc.beginComputePass(); pass.setPipeline(pl); pass.setBindGroup(0, g);"
            + "  pass.dispatchWorkgroups(x, Math.ceil(groups / x)); pass.end(); }"
            + "go(s.perturb, s.g1, m * p); go(s.forward, s.g2, m * n); go(s.average, s.g3, m);"
            + "enc.copyBufferToBuffer(s.mean, 0, s.readback, 0, 4 * m);"
            + "device.queue.submit([enc.finish()]);"
            + "return s.readback.mapAsync(GPUMapMode.READ, 0, 4 * m).then(function () {"
            + "  var out = new Float32Array(s.readback.getMappedRange(0, 4 * m).slice(0)); s.readback.unmap();"
            + "  return out; });")
    private static native JSPromise<Float32Array> run(JSObject device, JSObject s, Float32Array ab, int m, int n,
                                                      int p);

    @JSBody(params = "s", script = "['uniform', 'x', 'labels', 'center', 'd1', 'd2', 'ab', 'theta', 'losses', 'mean',"
            + " 'readback'].forEach(function (k) { s[k].destroy(); });")
    private static native void destroy(JSObject s);
}
