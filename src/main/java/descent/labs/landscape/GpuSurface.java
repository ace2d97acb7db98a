package descent.labs.landscape;

import descent.gpu.Backends;
import descent.gpu.Shaders;
import descent.gpu.WebGpuBackend;
import descent.ui.ColorMap;
import descent.ui.Theme;
import descent.ui.Js;
import java.util.function.Consumer;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * The 3-D surface on the GPU: a WebGPU render pipeline ({@code shaders/landscape_surface.wgsl}) draws the height field
 * as lit triangles with 4x multisampling and a depth buffer into a texture, which is copied back and put into the
 * figure's 2-D canvas under its labels. Rendering to a texture rather than to a WebGPU canvas context costs one small
 * read-back per redraw (redraws happen only when the view turns or the data changes) and works where presenting a
 * WebGPU canvas does not (headless browsers on a software adapter lose the device when they try). Shares the page's
 * one device with the compute backend. Every call runs in an error scope; a failure switches the figure to the
 * Canvas2D path for good and says why.
 */
final class GpuSurface {
    /** Floats per vertex: position (3), normal (3), colour (3), place on the colour scale (1). */
    static final int STRIDE = 10;

    private final SurfaceFigure fig;
    private final JSObject device;
    private final JSObject state;
    private final Consumer<String> onFailure;
    private boolean failed;

    private GpuSurface(SurfaceFigure fig, JSObject device, Consumer<String> onFailure) {
        this.fig = fig;
        this.device = device;
        this.onFailure = onFailure;
        pushScope(device);
        state = create(device, Shaders.LANDSCAPE_SURFACE);
        String error = popScopeNow(device).await();
        if (error != null) throw new IllegalStateException(error);
    }

    /** A GPU renderer for the figure if this page has a healthy WebGPU device, else null (Canvas2D only). */
    static GpuSurface tryCreate(SurfaceFigure fig, Consumer<String> onFailure) {
        WebGpuBackend gpu = Backends.webgpu();
        if (gpu == null || gpu.device().isLost()) return null;
        try {
            return new GpuSurface(fig, gpu.device().handle(), onFailure);
        } catch (RuntimeException e) {
            onFailure.accept("The 3-D view could not start on the GPU (" + e.getMessage() + "); it is drawn on the "
                    + "CPU instead.");
            return null;
        }
    }

    /** Sends the figure's current height field to the GPU: vertices with normals and colours, and triangles. */
    void upload() {
        if (failed || !fig.hasData()) return;
        int side = fig.side();
        float[] h = fig.heights(), t = fig.shade();
        float[] v = new float[side * side * STRIDE];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int i = r * side + c, o = i * STRIDE;
                double x = -1 + 2.0 * c / (side - 1), y = 1 - 2.0 * r / (side - 1);
                // central differences (one-sided at the edges) for the normal (-dz/dx, -dz/dy, 1)
                int c0 = Math.max(0, c - 1), c1 = Math.min(side - 1, c + 1);
                int r0 = Math.max(0, r - 1), r1 = Math.min(side - 1, r + 1);
                double dzdx = (h[r * side + c1] - h[r * side + c0]) / (2.0 * (c1 - c0) / (side - 1));
                double dzdy = (h[r0 * side + c] - h[r1 * side + c]) / (2.0 * (r1 - r0) / (side - 1));
                double n = Math.sqrt(1 + dzdx * dzdx + dzdy * dzdy);
                int rgb = ColorMap.SEQUENTIAL.rgb(t[i]);
                v[o] = (float) x;
                v[o + 1] = (float) y;
                v[o + 2] = h[i];
                v[o + 3] = (float) (-dzdx / n);
                v[o + 4] = (float) (-dzdy / n);
                v[o + 5] = (float) (1 / n);
                v[o + 6] = (rgb >> 16 & 255) / 255f;
                v[o + 7] = (rgb >> 8 & 255) / 255f;
                v[o + 8] = (rgb & 255) / 255f;
                v[o + 9] = t[i];
            }
        }
        int q = side - 1;
        int[] idx = new int[q * q * 6];
        for (int r = 0, k = 0; r < q; r++) {
            for (int c = 0; c < q; c++) {
                int a = r * side + c, b = a + 1, d = a + side, e = d + 1;
                idx[k++] = a;
                idx[k++] = d;
                idx[k++] = b;
                idx[k++] = b;
                idx[k++] = d;
                idx[k++] = e;
            }
        }
        run(() -> upload(device, state, Float32Array.copyFromJavaArray(v), Int32Array.copyFromJavaArray(idx)));
    }

    /**
     * Renders at the figure's size in device pixels and returns the image for the 2-D canvas, or null if this path
     * has failed (the caller then draws with Canvas2D). Awaits the read-back: call it on the loop thread.
     */
    JSObject render() {
        if (failed || !fig.hasData()) return null;
        double w = fig.surface().width(), hgt = fig.surface().height(), ratio = fig.surface().ratio();
        int pw = (int) Math.round(w * ratio), ph = (int) Math.round(hgt * ratio);
        float[] m = fig.camera.matrix(w / hgt);
        float[] uniforms = new float[24];
        System.arraycopy(m, 0, uniforms, 0, 16);
        uniforms[16] = -0.35f; // towards the light: above and to the left, as in the Canvas2D shading
        uniforms[17] = -0.35f;
        uniforms[18] = 0.87f;
        int panel = rgbOf(Theme.panel());
        uniforms[20] = (panel >> 16 & 255) / 255f;
        uniforms[21] = (panel >> 8 & 255) / 255f;
        uniforms[22] = (panel & 255) / 255f;
        uniforms[23] = 1;
        pushScope(device);
        JSObject image = null;
        try {
            image = draw(device, state, Float32Array.copyFromJavaArray(uniforms), pw, ph).await();
        } catch (RuntimeException e) {
            fail(String.valueOf(e.getMessage()));
        }
        String error = popScopeNow(device).await();
        if (error != null && !failed) fail(error);
        return failed ? null : image;
    }

    /** "#rrggbb" to 0xRRGGBB; white for anything else. */
    static int rgbOf(String css) {
        String c = css.trim();
        if (c.length() == 7 && c.charAt(0) == '#') {
            try {
                return Integer.parseInt(c.substring(1), 16);
            } catch (NumberFormatException e) {
                return 0xffffff;
            }
        }
        return 0xffffff;
    }

    private void run(Runnable r) {
        if (failed) return;
        pushScope(device);
        try {
            r.run();
        } catch (RuntimeException e) {
            fail(String.valueOf(e.getMessage()));
        }
        popScope(device, message -> {
            if (message != null && !failed) fail(message);
        });
    }

    private void fail(String why) {
        failed = true;
        Js.consoleError("landscape 3-D surface: WebGPU failed: " + why);
        onFailure.accept("The 3-D view hit a GPU error (" + why + "); it is drawn on the CPU from now on.");
    }

    void release() {
        destroy(state);
    }

    @JSFunctor
    interface Message extends JSObject {
        void call(String message);
    }

    @JSBody(params = "device", script = "device.pushErrorScope('validation');")
    private static native void pushScope(JSObject device);

    @JSBody(params = {"device", "cb"}, script = "device.popErrorScope().then(function (e) { cb(e ? e.message : null); },"
            + " function (x) { cb(String(x)); });")
    private static native void popScope(JSObject device, Message cb);

    @JSBody(params = "device", script = "return device.popErrorScope().then(function (e) { return e ? e.message : null; },"
            + " function (x) { return String(x); });")
    private static native JSPromise<String> popScopeNow(JSObject device);

    @JSBody(params = {"device", "code"}, script = ""
            + "var format = 'rgba8unorm';"
            + "var module = device.createShaderModule({code: code, label: 'landscape_surface'});"
            + "var f = 'float32x3';"
            + "var pipeline = device.createRenderPipeline({label: 'landscape surface', layout: 'auto',"
            + "  vertex: {module: module, entryPoint: 'vs', buffers: [{arrayStride: 40, attributes: ["
            + "    {shaderLocation: 0, offset: 0, format: f}, {shaderLocation: 1, offset: 12, format: f},"
            + "    {shaderLocation: 2, offset: 24, format: f}, {shaderLocation: 3, offset: 36, format: 'float32'}]}]},"
            + "  fragment: {module: module, entryPoint: 'fs', targets: [{format: format}]},"
            + "  primitive: {topology: 'triangle-list', cullMode: 'none'},"
            + "  depthStencil: {format: 'depth24plus', depthWriteEnabled: true, depthCompare: 'less'},"
            + "  multisample: {count: 4}});"
            + "var uniform = device.createBuffer({size: 96, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST});"
            + "var group = device.createBindGroup({layout: pipeline.getBindGroupLayout(0),"
            + "  entries: [{binding: 0, resource: {buffer: uniform}}]});"
            + "return {format: format, pipeline: pipeline, uniform: uniform, group: group, vbuf: null, ibuf: null,"
            + "  count: 0, w: 0, h: 0, msaa: null, depth: null, target: null, readback: null, row: 0};")
    private static native JSObject create(JSObject device, String code);

    @JSBody(params = {"device", "s", "v", "idx"}, script = ""
            + "if (s.vbuf) s.vbuf.destroy(); if (s.ibuf) s.ibuf.destroy();"
            + "s.vbuf = device.createBuffer({size: v.byteLength, usage: GPUBufferUsage.VERTEX | GPUBufferUsage.COPY_DST});"
            + "device.queue.writeBuffer(s.vbuf, 0, v);"
            + "s.ibuf = device.createBuffer({size: idx.byteLength, usage: GPUBufferUsage.INDEX | GPUBufferUsage.COPY_DST});"
            + "device.queue.writeBuffer(s.ibuf, 0, idx); s.count = idx.length;")
    private static native void upload(JSObject device, JSObject s, Float32Array v, Int32Array idx);

    /** Renders into a texture, copies it to a mappable buffer and resolves to an ImageData (w x h). */
    @JSBody(params = {"device", "s", "u", "w", "h"}, script = ""
            + "if (s.w !== w || s.h !== h) {"
            + "  if (s.msaa) { s.msaa.destroy(); s.depth.destroy(); s.target.destroy(); s.readback.destroy(); }"
            + "  var A = GPUTextureUsage.RENDER_ATTACHMENT;"
            + "  s.msaa = device.createTexture({size: [w, h], sampleCount: 4, format: s.format, usage: A});"
            + "  s.depth = device.createTexture({size: [w, h], sampleCount: 4, format: 'depth24plus', usage: A});"
            + "  s.target = device.createTexture({size: [w, h], format: s.format, usage: A | GPUTextureUsage.COPY_SRC});"
            + "  s.row = Math.ceil(w * 4 / 256) * 256;"
            + "  s.readback = device.createBuffer({size: s.row * h, usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ});"
            + "  s.w = w; s.h = h; }"
            + "device.queue.writeBuffer(s.uniform, 0, u);"
            + "var enc = device.createCommandEncoder({label: 'landscape surface'});"
            + "var pass = enc.beginRenderPass({colorAttachments: [{view: s.msaa.createView(), resolveTarget: s.target.createView(),"
            + "  clearValue: {r: u[20], g: u[21], b: u[22], a: 1}, loadOp: 'clear', storeOp: 'discard'}],"
            + "  depthStencilAttachment: {view: s.depth.createView(), depthClearValue: 1, depthLoadOp: 'clear',"
            + "  depthStoreOp: 'discard'}});"
            + "pass.setPipeline(s.pipeline); pass.setBindGroup(0, s.group);"
            + "pass.setVertexBuffer(0, s.vbuf); pass.setIndexBuffer(s.ibuf, 'uint32');"
            + "pass.drawIndexed(s.count); pass.end();"
            + "enc.copyTextureToBuffer({texture: s.target}, {buffer: s.readback, bytesPerRow: s.row}, [w, h]);"
            + "device.queue.submit([enc.finish()]);"
            + "var buf = s.readback, row = s.row;"
            + "return buf.mapAsync(GPUMapMode.READ).then(function () {"
            + "  var bytes = new Uint8ClampedArray(buf.getMappedRange()), img = new ImageData(w, h);"
            + "  for (var y = 0; y < h; y++) img.data.set(bytes.subarray(y * row, y * row + w * 4), y * w * 4);"
            + "  buf.unmap(); return img; });")
    private static native JSPromise<JSObject> draw(JSObject device, JSObject s, Float32Array u, int w, int h);

    @JSBody(params = "s", script = "if (s.vbuf) s.vbuf.destroy(); if (s.ibuf) s.ibuf.destroy();"
            + "if (s.msaa) { s.msaa.destroy(); s.depth.destroy(); s.target.destroy(); s.readback.destroy(); }"
            + "s.uniform.destroy();")
    private static native void destroy(JSObject s);
}
