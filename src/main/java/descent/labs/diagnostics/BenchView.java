package descent.labs.diagnostics;

import descent.gpu.Backends;
import descent.gpu.MlpStep;
import descent.gpu.TransformerStep;
import descent.gpu.WebGpuBackend;
import descent.labs.LabSpec;
import descent.labs.Params;
import descent.nn.Parameter;
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
 * {@code <body>}, this view runs it on the loop thread at the next frame and answers in {@code data-bench-result}.
 * <ul>
 * <li>{@code check|cell|backend|steps}: builds the workload afresh from {@link BenchData} (the inputs TensorFlow.js
 * gets too) and answers the values to compare, comma-separated: for a matmul its sum, a position-weighted sum and
 * the sum of magnitudes; for a training step the loss after each of {@code steps} steps.</li>
 * <li>{@code run|cell|backend|reps}: runs the workload built by the last check {@code reps} times and answers the
 * milliseconds per iteration. The timed region ends with the device idle ({@link WebGpuBackend#finish()}), the same
 * as TensorFlow.js's {@code await data()}.</li>
 * <li>{@code counters|webgpu}: the GPU backend's counters (dispatches, submits, pipelines, buffers).</li>
 * </ul>
 * Errors answer {@code error|message}.
 */
public final class BenchView implements LabView {
    public static final LabSpec SPEC = new LabSpec("bench", "Benchmarks", "Hidden \u00b7 bench runner",
            "Matmul and training-step workloads for the bench runner.", List.of(), List.of());

    /** A timed workload on one backend. */
    interface Workload {
        void run();

        /** Values that prove the result is right: checksums, or the latest loss. */
        double[] check();
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
            answer = switch (part[0]) {
                case "check" -> check(part[1], part[2], Integer.parseInt(part[3]));
                case "run" -> run(part[1], part[2], Integer.parseInt(part[3]));
                case "rows" -> { descent.tensor.CpuBackend.matmulRowsForBench(Integer.parseInt(part[1])); yield "ok"; }
                case "profile" -> profile(part[1], Integer.parseInt(part[2]));
                case "counters" -> Backends.webgpu() == null ? "none" : Backends.webgpu().counters();
                default -> throw new IllegalArgumentException("unknown bench command " + cmd);
            };
        } catch (RuntimeException e) {
            answer = "error|" + e;
        }
        done++;
        Dom.body().setAttribute("data-bench-result", answer);
    }

    private static Backend backend(String name) {
        Backend be = name.equals("webgpu") ? Backends.webgpu() : Backends.cpuBackend();
        if (be == null) {
            throw new IllegalStateException("no WebGPU backend: " + Backends.reason());
        }
        return be;
    }

    private String check(String cell, String backend, int steps) {
        Backend be = backend(backend);
        Workload w = build(cell, be);
        workloads.put(cell + "|" + backend, w);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < steps; i++) {
            w.run();
            for (double v : w.check()) {
                out.append(out.length() > 0 ? "," : "").append(v);
            }
        }
        return out.toString();
    }

    private String run(String cell, String backend, int reps) {
        Backend be = backend(backend);
        Workload w = workloads.get(cell + "|" + backend);
        if (w == null) {
            throw new IllegalStateException("run " + cell + " on " + backend + " before its check");
        }
        double t0 = Js.now();
        for (int i = 0; i < reps; i++) {
            w.run();
        }
        if (be instanceof WebGpuBackend gpu) {
            gpu.finish();
        }
        return String.valueOf((Js.now() - t0) / reps);
    }

    /** Runs a GPU workload (built by its check) with every launch timed alone; answers the kernels by time. */
    private String profile(String cell, int steps) {
        WebGpuBackend gpu = Backends.webgpu();
        Workload w = workloads.get(cell + "|webgpu");
        if (gpu == null || w == null) {
            throw new IllegalStateException("profile " + cell + " needs WebGPU and a check first");
        }
        gpu.profile(true);
        String report;
        try {
            for (int i = 0; i < steps; i++) {
                w.run();
            }
            gpu.finish();
        } finally {
            report = gpu.profile(false);
        }
        return report;
    }

    private static Workload build(String cell, Backend be) {
        if (cell.startsWith("matmul")) {
            int n = Integer.parseInt(cell.substring("matmul".length()));
            Buffer a = be.alloc(n * n);
            Buffer b = be.alloc(n * n);
            Buffer c = be.alloc(n * n);
            be.write(a, BenchData.pattern(n * n));
            be.write(b, BenchData.pattern(n * n));
            return new Workload() {
                public void run() {
                    be.matmul(a, b, c, 1, n, n, n, false, false, 0, 0, false);
                }

                public double[] check() {
                    float[] v = be.read(c);
                    double sum = 0;
                    double weighted = 0;
                    double abs = 0;
                    for (int i = 0; i < v.length; i++) {
                        sum += v[i];
                        weighted += (double) v[i] * (i % 13 - 6);
                        abs += Math.abs(v[i]);
                    }
                    return new double[] {sum, weighted, abs};
                }
            };
        }
        if (cell.equals("transformer")) {
            // 2 pre-norm blocks, C = 64, 4 heads, T = 64, B = 16, 64 classes per position
            TransformerStep t = new TransformerStep(be, 7, 16, 64, 64, 4, 2, 64);
            load(be, t.parameters(), false);
            t.setData(BenchData.uniform(16 * 64 * 64, 201, 1), BenchData.labels(16 * 64, 202, 64));
            return new Workload() {
                public void run() {
                    t.step();
                }

                public double[] check() {
                    return new double[] {be.read(t.loss.buffer())[0]};
                }
            };
        }
        boolean mlp = cell.equals("mlp");
        int batch = mlp ? 64 : 16;
        int[] sizes = mlp ? new int[] {784, 128, 10} : new int[] {2, 8, 8, 2};
        MlpStep m = new MlpStep(be, 7, batch, sizes);
        load(be, m.model.parameters(), true);
        m.setData(BenchData.uniform(batch * sizes[0], 101, 1), BenchData.labels(batch, 102, sizes[sizes.length - 1]));
        return new Workload() {
            public void run() {
                m.step();
            }

            public double[] check() {
                return new double[] {be.read(m.loss.buffer())[0]};
            }
        };
    }

    /**
     * Overwrites every weight matrix, in parameter order, with {@link BenchData#uniform} (salt = its index among the
     * matrices; std sqrt(2 / fan-in) before a ReLU, 1 / sqrt(fan-in) otherwise); biases, gains and shifts keep their
     * initial 0, 1, 0, which TensorFlow.js's side uses too.
     */
    private static void load(Backend be, List<Parameter> params, boolean relu) {
        int salt = 0;
        for (Parameter p : params) {
            if (p.value.rank() == 2) {
                double std = Math.sqrt((relu ? 2.0 : 1.0) / p.fanIn);
                be.write(p.value.buffer(), BenchData.uniform(p.size(), salt++, std));
            }
        }
    }

    @Override
    public long steps() {
        return done;
    }

    @Override
    public void render() {
    }
}
