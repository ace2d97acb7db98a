package descent.labs.diagnostics;

import descent.gpu.Backends;
import descent.gpu.MlpStep;
import descent.gpu.TransformerStep;
import descent.gpu.WebGpuBackend;
import descent.labs.LabSpec;
import descent.labs.Params;
import descent.tensor.Backend;
import descent.tensor.Buffer;
import descent.ui.Dom;
import descent.ui.Js;
import descent.ui.LabContext;
import descent.ui.LabView;
import java.util.HashMap;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A hidden page ({@code #lab=bench}) the bench runner drives: it writes a command into {@code data-bench-command} on
 * {@code <body>} ("cell|backend|reps"), this view runs it on the loop thread at the next frame and answers in
 * {@code data-bench-result} ("ms-per-iteration|check"). Each workload is built once and kept, so warm-up runs
 * compile pipelines and fill the pools before the timed runs. The timed region ends with the device idle
 * ({@link WebGpuBackend#finish()}), the same as TensorFlow.js's {@code await data()}.
 */
public final class BenchView implements LabView {
    public static final LabSpec SPEC = new LabSpec("bench", "Benchmarks", "Hidden \u00b7 bench runner",
            "Matmul and training-step workloads for the bench runner.", List.of(), List.of());

    /** A timed workload on one backend. */
    interface Workload {
        void run();

        /** A number that proves the result is right: a checksum or a loss. */
        double check();
    }

    private final HashMap<String, Workload> workloads = new HashMap<>();
    private HTMLElement log;
    private long done;

    @Override
    public LabSpec spec() {
        return SPEC;
    }

    @Override
    public void mount(LabContext ctx) {
        log = Dom.add(ctx.figures(), "section.report.bench");
        Dom.add(log, "h2", "Bench runner target");
    }

    @Override
    public void reset(Params params) {
    }

    @Override
    public void step() {
        String cmd = Dom.body().getAttribute("data-bench-command");
        if (cmd == null || cmd.isEmpty()) {
            return;
        }
        Dom.body().removeAttribute("data-bench-command");
        String answer;
        try {
            String[] part = cmd.split("\\|");
            answer = run(part[0], part[1], Integer.parseInt(part[2]));
        } catch (RuntimeException e) {
            answer = "error|" + e;
        }
        done++;
        Dom.body().setAttribute("data-bench-result", answer);
    }

    private String run(String cell, String backend, int reps) {
        Backend be = backend.equals("webgpu") ? Backends.webgpu() : Backends.cpuBackend();
        if (be == null) {
            throw new IllegalStateException("no WebGPU backend: " + Backends.reason());
        }
        Workload w = workloads.computeIfAbsent(cell + "|" + backend, k -> build(cell, be));
        double t0 = Js.now();
        for (int i = 0; i < reps; i++) {
            w.run();
        }
        if (be instanceof WebGpuBackend gpu) {
            gpu.finish();
        }
        double ms = (Js.now() - t0) / reps;
        return ms + "|" + w.check();
    }

    /** The same deterministic fill as the TensorFlow.js side, so checksums of the two must agree. */
    static float[] fill(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) ((i * 7919L) % 1000) / 1000f - 0.5f;
        }
        return a;
    }

    private static Workload build(String cell, Backend be) {
        if (cell.startsWith("matmul")) {
            int n = Integer.parseInt(cell.substring("matmul".length()));
            Buffer a = be.alloc(n * n);
            Buffer b = be.alloc(n * n);
            Buffer c = be.alloc(n * n);
            be.write(a, fill(n * n));
            be.write(b, fill(n * n));
            return new Workload() {
                public void run() {
                    be.matmul(a, b, c, 1, n, n, n, false, false, 0, 0, false);
                }

                public double check() {
                    double s = 0;
                    for (float v : be.read(c)) {
                        s += v;
                    }
                    return s;
                }
            };
        }
        if (cell.equals("transformer")) {
            TransformerStep t = new TransformerStep(be, 7, 16, 64, 64, 4, 2, 64);
            return new Workload() {
                public void run() {
                    t.step();
                }

                public double check() {
                    return be.read(t.loss.buffer())[0];
                }
            };
        }
        MlpStep m = cell.equals("mlp") ? new MlpStep(be, 7, 64, 784, 128, 10) : new MlpStep(be, 7, 16, 2, 8, 8, 2);
        return new Workload() {
            public void run() {
                m.step();
            }

            public double check() {
                return be.read(m.loss.buffer())[0];
            }
        };
    }

    @Override
    public long steps() {
        return done;
    }

    @Override
    public void render() {
    }
}
