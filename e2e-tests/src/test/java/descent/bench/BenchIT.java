package descent.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import descent.e2e.Browser;
import descent.e2e.Pages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bench runner: Descent against TensorFlow.js 4.22 in the same headless Chromium page, not part of
 * {@code mvn verify} (run it with the command in {@code e2e-tests/bench/README.md}). For each cell it first builds
 * both sides from the same inputs and compares their results (matmul checksums; the losses of the first training
 * steps), then runs warm-ups, then alternates timed samples (ours first in even samples, theirs first in odd ones)
 * and reports medians and ratios theirs / ours (above 1: Descent is faster). Also measures the shell size and the time
 * to the first interactive frame, and records the machine's load average next to every cell, because the ratio is
 * only meaningful when both sides ran under the same load.
 */
class BenchIT {
    static final Path E2E = Path.of("e2e-tests");
    static final Path SITE = Path.of(System.getProperty("descent.site", "target/site"));
    static final int SAMPLES = Math.max(10, Integer.getInteger("bench.samples", 10));
    static final double SAMPLE_MS = Double.parseDouble(System.getProperty("bench.sampleMs", "200"));
    static final List<String> CELLS = List.of(System.getProperty("bench.cells",
            "matmul128,matmul256,matmul512,matmul1024,mlp,tiny,transformer").split(","));
    /** ours, theirs; -Dbench.pairs=webgpu:webgpu narrows a run */
    static final List<String> PAIRS = List.of(System.getProperty("bench.pairs",
            "webgpu:webgpu,cpu:wasm,cpu:cpu").split(","));
    /** Training steps compared before timing. */
    static final int CHECK_STEPS = 3;
    /**
     * Agreement required before timing. Matmul: the differences of the plain and the position-weighted sums, relative
     * to the sum of magnitudes (float32 summation order differs between the two libraries, nothing else may).
     * Training: the relative difference of each step's loss; the first is a pure forward pass; later ones follow one
     * or two Adam updates, whose first steps are nearly lr * sign(g), so a gradient within rounding of 0 may flip the
     * sign of a 1e-3 update on one side only, hence the looser bound after the first step.
     */
    static final double MATMUL_TOL = 1e-5;
    static final double LOSS_TOL_FIRST = 1e-4;
    static final double LOSS_TOL_LATER = 2e-3;

    record Cell(String cell, String ours, String theirs, double oursMs, double theirsMs, double[] oursSamples,
            double[] theirsSamples, String check, double load, String gpuWork) {
        double ratio() {
            return theirsMs / oursMs;
        }

        /** GFLOP/s of a matmul cell (2 n^3 flops), or NaN. */
        double gflops(double ms) {
            if (!cell.startsWith("matmul")) {
                return Double.NaN;
            }
            double n = Double.parseDouble(cell.substring(6));
            return 2 * n * n * n / (ms * 1e6);
        }
    }

    @Test
    void benchAgainstTensorFlowJs() throws Exception {
        installTfjs();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", java.time.Instant.now().toString());
        out.put("cpus", Runtime.getRuntime().availableProcessors());
        out.put("loadAtStart", loadAverage());
        out.put("shellBytes", shellBytes());
        out.put("firstInteractiveMs", firstInteractiveMs());
        Pages p = Pages.open(Browser.webgpu(), 1280, 900, "index.html#lab=bench", true).ready();
        Page page = p.page;
        // the ES2017 bundles: the ES5 ones (tf.min.js) carry a regenerator polyfill that calls Function(...), which
        // the site's Content-Security-Policy (no unsafe-eval) refuses; these need nothing beyond wasm-unsafe-eval
        for (String js : List.of("tf.es2017.min.js", "tf-backend-wasm.es2017.min.js",
                "tf-backend-webgpu.es2017.min.js", "tfjs-bench.js")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setUrl(Browser.baseUrl() + "bench/" + js));
        }
        // the wasm backend fetches its .wasm binaries from here (same origin) when it initialises
        page.evaluate("base => tf.wasm.setWasmPaths(base)", Browser.baseUrl() + "bench/");
        out.put("browser", Browser.webgpu().version());
        out.put("adapter", page.evaluate("async () => { const a = await navigator.gpu.requestAdapter(); "
                + "const i = a.info || {}; return [i.vendor, i.architecture, i.device, i.description, "
                + "a.isFallbackAdapter || i.isFallbackAdapter ? '(fallback adapter)' : ''].filter(Boolean)"
                + ".join(' '); }"));
        out.put("tfjs", page.evaluate("tf.version.tfjs"));
        out.put("tfjsWasm", page.evaluate("async () => { await tf.setBackend('wasm'); await tf.ready(); return "
                + "'SIMD ' + tf.env().getBool('WASM_HAS_SIMD_SUPPORT') + ', threads ' + "
                + "tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT') + ' (' + tf.wasm.getThreadsCount() + ')'; }"));
        out.put("samples", SAMPLES);
        out.put("sampleMs", SAMPLE_MS);
        List<Cell> cells = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String pair : PAIRS) {
            String[] side = pair.split(":");
            for (String cell : CELLS) {
                try {
                    cells.add(measure(page, cell, side[0], side[1]));
                    System.out.println(cells.get(cells.size() - 1));
                } catch (RuntimeException e) {
                    missing.add(cell + " " + side[0] + " vs tfjs-" + side[1] + ": " + e.getMessage());
                    System.out.println("MISSED " + missing.get(missing.size() - 1));
                }
                write(out, cells, missing); // after every cell, so a long run leaves partial results
            }
        }
        out.put("loadAtEnd", loadAverage());
        out.put("problems", p.problems);
        write(out, cells, missing);
        p.close();
        assertTrue(!cells.isEmpty(), "no cell measured: " + missing);
    }

    /** Checks, warm-ups, then alternating timed samples; medians. */
    static Cell measure(Page page, String cell, String ours, String theirs) {
        double load = loadAverage();
        int steps = cell.startsWith("matmul") ? 1 : CHECK_STEPS;
        double[] co = parse(ours(page, "check|" + cell + "|" + ours + "|" + steps));
        double[] ct = toDoubles(page.evaluate("([c, b, n]) => descentTfBench.check(c, b, n)",
                List.of(cell, theirs, steps)));
        String check = check(cell, co, ct);
        String gpuWork = "";
        if (ours.equals("webgpu")) {
            String before = ours(page, "counters|webgpu");
            ours(page, "run|" + cell + "|" + ours + "|1");
            gpuWork = perStep(before, ours(page, "counters|webgpu"));
        }
        double o = 0;
        double t = 0;
        for (int i = 0; i < 2; i++) {
            o = oursMs(page, cell, ours, 1);
            t = theirsMs(page, cell, theirs, 1);
        }
        int repsOurs = reps(o);
        int repsTheirs = reps(t);
        int tensors = ((Number) page.evaluate("descentTfBench.tensors()")).intValue();
        double[] so = new double[SAMPLES];
        double[] st = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            if (i % 2 == 0) {
                so[i] = oursMs(page, cell, ours, repsOurs);
                st[i] = theirsMs(page, cell, theirs, repsTheirs);
            } else {
                st[i] = theirsMs(page, cell, theirs, repsTheirs);
                so[i] = oursMs(page, cell, ours, repsOurs);
            }
        }
        int leaked = ((Number) page.evaluate("descentTfBench.tensors()")).intValue() - tensors;
        if (leaked != 0) {
            check += "; tfjs tensors grew by " + leaked;
        }
        load = (load + loadAverage()) / 2;
        return new Cell(cell, ours, theirs, median(so), median(st), so, st, check, load, gpuWork);
    }

    static int reps(double ms) {
        return (int) Math.max(1, Math.min(500, Math.ceil(SAMPLE_MS / Math.max(ms, 1e-3))));
    }

    /** Throws unless both sides computed the same thing; otherwise says how closely they agreed. */
    static String check(String cell, double[] ours, double[] theirs) {
        if (ours.length != theirs.length) {
            throw new IllegalStateException("check values differ in count: " + Arrays.toString(ours) + " vs "
                    + Arrays.toString(theirs));
        }
        if (cell.startsWith("matmul")) {
            double scale = Math.max(1e-30, theirs[2]);
            double rel = Math.max(Math.abs(ours[0] - theirs[0]), Math.abs(ours[1] - theirs[1]) / 6) / scale;
            if (!(rel <= MATMUL_TOL)) {
                throw new IllegalStateException("results differ: ours (sum, weighted, |sum|) " + Arrays.toString(ours)
                        + ", theirs " + Arrays.toString(theirs));
            }
            return String.format(Locale.ROOT, "sums agree to %.1e of sum|C|", rel);
        }
        double worst = 0;
        for (int i = 0; i < ours.length; i++) {
            double rel = Math.abs(ours[i] - theirs[i]) / Math.max(1e-30, Math.abs(theirs[i]));
            if (!(rel <= (i == 0 ? LOSS_TOL_FIRST : LOSS_TOL_LATER)) || !(ours[i] > 0 && ours[i] < 100)) {
                throw new IllegalStateException("losses differ at step " + (i + 1) + ": ours " + Arrays.toString(ours)
                        + ", theirs " + Arrays.toString(theirs));
            }
            worst = Math.max(worst, rel);
        }
        return String.format(Locale.ROOT, "losses of steps 1-%d agree to %.1e (%.5f, %.5f, ...)", ours.length, worst,
                ours[0], ours.length > 1 ? ours[1] : ours[0]);
    }

    static double oursMs(Page page, String cell, String backend, int reps) {
        return Double.parseDouble(ours(page, "run|" + cell + "|" + backend + "|" + reps));
    }

    /** Sends one command to BenchView and returns its answer. */
    static String ours(Page page, String command) {
        page.evaluate("c => { document.body.removeAttribute('data-bench-result');"
                + " document.body.setAttribute('data-bench-command', c); }", command);
        page.click("[data-action=step]");
        page.waitForFunction("() => document.body.dataset.benchResult", null,
                new Page.WaitForFunctionOptions().setTimeout(900_000));
        String r = (String) page.evaluate("document.body.dataset.benchResult");
        if (r.startsWith("error")) {
            throw new IllegalStateException("Descent " + command + ": " + r);
        }
        return r;
    }

    static double theirsMs(Page page, String cell, String backend, int reps) {
        Object r = page.evaluate("([c, b, n]) => descentTfBench.run(c, b, n)", List.of(cell, backend, reps));
        return ((Number) r).doubleValue();
    }

    static double[] parse(String csv) {
        return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    static double[] toDoubles(Object list) {
        return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    /** "d dispatches, s submits per step" from two counter strings of {@code WebGpuBackend.counters()}. */
    static String perStep(String before, String after) {
        return (count(after, "dispatches") - count(before, "dispatches")) + " dispatches, "
                + (count(after, "submits") - count(before, "submits")) + " submits";
    }

    static long count(String counters, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(name + " (\\d+)").matcher(counters);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** The 1-minute load average (Linux), or NaN where there is none. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    // ---- tfjs from npm, served on the same origin ---------------------------------------------------------------

    static final String TFJS = "4.22.0";

    /**
     * Installs TensorFlow.js from the npm registry into e2e-tests/node_modules (ignored by git) unless that exact
     * version is there, and copies the bundles, the wasm backend's binaries and our side of the bench into the built
     * site, so the bench page loads everything from its own origin.
     */
    static void installTfjs() throws IOException, InterruptedException {
        Path nm = E2E.resolve("node_modules/@tensorflow");
        List<String> packages = List.of("tfjs", "tfjs-backend-wasm", "tfjs-backend-webgpu");
        boolean present = true;
        for (String pkg : packages) {
            Path json = nm.resolve(pkg).resolve("package.json");
            present &= Files.exists(json) && Files.readString(json).contains("\"version\": \"" + TFJS + "\"");
        }
        if (!present) {
            List<String> cmd = new ArrayList<>(List.of("npm", "install", "--no-save", "--no-package-lock",
                    "--no-audit", "--no-fund", "--prefix", E2E.toString()));
            for (String pkg : packages) {
                cmd.add("@tensorflow/" + pkg + "@" + TFJS);
            }
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("npm install of TensorFlow.js " + TFJS + " failed");
            }
        }
        Path dst = SITE.resolve("bench");
        Files.createDirectories(dst);
        Path wasm = nm.resolve("tfjs-backend-wasm/dist");
        for (Path f : List.of(nm.resolve("tfjs/dist/tf.es2017.min.js"), wasm.resolve("tf-backend-wasm.es2017.min.js"),
                nm.resolve("tfjs-backend-webgpu/dist/tf-backend-webgpu.es2017.min.js"),
                wasm.resolve("tfjs-backend-wasm.wasm"), wasm.resolve("tfjs-backend-wasm-simd.wasm"),
                wasm.resolve("tfjs-backend-wasm-threaded-simd.wasm"), E2E.resolve("bench/tfjs-bench.js"))) {
            Files.copy(f, dst.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // ---- the shell: size and first interactive frame ------------------------------------------------------------

    static Map<String, Long> shellBytes() throws IOException {
        Map<String, Long> m = new LinkedHashMap<>();
        long wasm = 0;
        long js = 0;
        long css = 0;
        try (var s = Files.walk(SITE)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                if (f.startsWith(SITE.resolve("bench"))) {
                    continue;
                }
                String n = f.getFileName().toString();
                long size = Files.size(f);
                if (n.endsWith(".wasm")) {
                    wasm += size;
                } else if (n.endsWith(".js")) {
                    js += size;
                } else if (n.endsWith(".css")) {
                    css += size;
                }
            }
        }
        m.put("wasm", wasm);
        m.put("js", js);
        m.put("css", css);
        m.put("total", wasm + js + css);
        return m;
    }

    /** Median over 5 cold loads of the gallery: navigation start to the first animation frame after "ready". */
    static double firstInteractiveMs() {
        double[] t = new double[5];
        for (int i = 0; i < t.length; i++) {
            var ctx = Browser.webgpu().newContext();
            Page page = ctx.newPage();
            page.addInitScript("new MutationObserver((ms, o) => { if (document.body && document.body.dataset.state"
                    + " === 'ready') { o.disconnect(); requestAnimationFrame(() => { window.__firstFrame ="
                    + " performance.now(); }); } }).observe(document, {subtree: true, attributes: true,"
                    + " attributeFilter: ['data-state']});");
            page.navigate(Browser.baseUrl() + "index.html");
            page.waitForFunction("() => window.__firstFrame");
            t[i] = ((Number) page.evaluate("window.__firstFrame")).doubleValue();
            ctx.close();
        }
        return median(t);
    }

    // ---- results ------------------------------------------------------------------------------------------------

    /** The targets of issues 3 and 4 on this machine's software adapter, each as a line "target: value, met". */
    static List<String> targets(List<Cell> cells) {
        List<String> t = new ArrayList<>();
        target(t, cells, "matmul512", "webgpu", "webgpu", "matmul 512^3 >= 2x tfjs-webgpu", c -> c.ratio(), 2);
        target(t, cells, "mlp", "webgpu", "webgpu", "MLP step >= 1.5x tfjs-webgpu", c -> c.ratio(), 1.5);
        target(t, cells, "transformer", "webgpu", "webgpu", "transformer step >= 1x tfjs-webgpu", c -> c.ratio(), 1);
        target(t, cells, "matmul256", "cpu", "wasm", "CPU matmul 256^3 >= 2 GFLOP/s", c -> c.gflops(c.oursMs()), 2);
        target(t, cells, "mlp", "cpu", "wasm", "CPU MLP step within 3x of tfjs-wasm (ratio >= 0.33)",
                c -> c.ratio(), 1 / 3.0);
        return t;
    }

    static void target(List<String> out, List<Cell> cells, String cell, String ours, String theirs, String what,
            java.util.function.ToDoubleFunction<Cell> value, double goal) {
        for (Cell c : cells) {
            if (c.cell().equals(cell) && c.ours().equals(ours) && c.theirs().equals(theirs)) {
                double v = value.applyAsDouble(c);
                out.add(String.format(Locale.ROOT, "%s: %.2f, %s", what, v, v >= goal ? "met" : "MISSED"));
                return;
            }
        }
        out.add(what + ": not measured");
    }

    static void write(Map<String, Object> meta, List<Cell> cells, List<String> missing) throws IOException {
        Path dir = E2E.resolve("bench-results");
        Files.createDirectories(dir);
        List<String> targets = targets(cells);
        StringBuilder json = new StringBuilder("{\n");
        for (Map.Entry<String, Object> e : meta.entrySet()) {
            json.append("  \"").append(e.getKey()).append("\": ").append(jsonValue(e.getValue())).append(",\n");
        }
        json.append("  \"cells\": [\n");
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            json.append(String.format(Locale.ROOT, "    {\"cell\": \"%s\", \"ours\": \"%s\", \"theirs\": "
                    + "\"tfjs-%s\", \"oursMs\": %.4f, \"theirsMs\": %.4f, \"ratio\": %.3f, \"oursGflops\": %s, "
                    + "\"theirsGflops\": %s, \"load\": %.2f, \"gpuWorkPerStep\": %s, \"check\": %s, "
                    + "\"oursSamplesMs\": %s, \"theirsSamplesMs\": %s}%s\n", c.cell(), c.ours(), c.theirs(),
                    c.oursMs(), c.theirsMs(), c.ratio(), num(c.gflops(c.oursMs())), num(c.gflops(c.theirsMs())),
                    c.load(), jsonValue(c.gpuWork()), jsonValue(c.check()), samples(c.oursSamples()),
                    samples(c.theirsSamples()), i + 1 < cells.size() ? "," : ""));
        }
        json.append("  ],\n  \"targets\": ").append(jsonValue(targets)).append(",\n");
        json.append("  \"missing\": ").append(jsonValue(missing)).append("\n}\n");
        Files.writeString(dir.resolve("results.json"), json);

        StringBuilder md = new StringBuilder("# Descent vs TensorFlow.js " + meta.get("tfjs") + "\n\n");
        md.append("- Browser: ").append(meta.get("browser")).append("; WebGPU adapter: ").append(meta.get("adapter"))
                .append("\n- tfjs-wasm: ").append(meta.get("tfjsWasm"))
                .append("\n- Machine: ").append(meta.get("cpus")).append(" cores; load average (1 min) at start ")
                .append(meta.get("loadAtStart")).append(meta.containsKey("loadAtEnd") ? ", at end "
                + meta.get("loadAtEnd") : "").append("; per cell in the table. Timings are noisy under load; the "
                + "ratio of alternating samples is what counts.\n")
                .append("- Medians of ").append(SAMPLES).append(" alternating samples of >= ").append(SAMPLE_MS)
                .append(" ms each, after 2 warm-ups per side; ratio = theirs / ours (above 1: Descent is faster). "
                + "Every cell's results were compared before timing (check column).\n\n");
        md.append("| cell | ours | theirs | ours ms | theirs ms | ratio | GFLOP/s ours / theirs | load | GPU work per "
                + "step (ours) | check |\n|---|---|---|---:|---:|---:|---:|---:|---|---|\n");
        for (Cell c : cells) {
            String gf = c.cell().startsWith("matmul") ? String.format(Locale.ROOT, "%.2f / %.2f",
                    c.gflops(c.oursMs()), c.gflops(c.theirsMs())) : "";
            md.append(String.format(Locale.ROOT, "| %s | %s | tfjs-%s | %.3f | %.3f | **%.2f** | %s | %.1f | %s | %s |"
                    + "\n", c.cell(), c.ours(), c.theirs(), c.oursMs(), c.theirsMs(), c.ratio(), gf, c.load(),
                    c.gpuWork(), c.check()));
        }
        md.append("\n## Targets (software adapter, this machine)\n\n");
        for (String t : targets) {
            md.append("- ").append(t).append('\n');
        }
        if (!missing.isEmpty()) {
            md.append("\n## Missing cells\n\n");
            for (String m : missing) {
                md.append("- ").append(m).append('\n');
            }
        }
        md.append("\n## Shell\n\n- Size (wasm + JS + CSS, uncompressed; target <= 1.5 MB): ")
                .append(meta.get("shellBytes")).append("\n- Navigation to the first interactive frame (median of 5 "
                + "cold loads on the local server; target <= 1 s): ").append(String.format(Locale.ROOT, "%.0f ms",
                        (Double) meta.get("firstInteractiveMs"))).append('\n');
        Files.writeString(dir.resolve("results.md"), md);
        System.out.println(md);
    }

    static String num(double v) {
        return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String samples(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (double x : v) {
            sb.append(sb.length() > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.4f", x));
        }
        return sb.append(']').toString();
    }

    static String jsonValue(Object v) {
        if (v instanceof Number) {
            return v.toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(sb.length() > 1 ? ", " : "").append(jsonValue(String.valueOf(e.getKey()))).append(": ")
                        .append(jsonValue(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : l) {
                sb.append(sb.length() > 1 ? ", " : "").append(jsonValue(o));
            }
            return sb.append(']').toString();
        }
        return "\"" + String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
