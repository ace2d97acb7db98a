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
 * {@code mvn verify} (run it with the command in {@code e2e-tests/bench/README.md}). For each cell it runs warm-ups
 * on both sides, checks the results (matmul checksums must agree; training losses must be finite and plausible),
 * then alternates timed samples, ours then theirs, and reports medians and ratios theirs / ours (above 1: Descent is
 * faster). Also measures the shell size and the time to the first interactive frame.
 */
class BenchIT {
    static final Path E2E = Path.of("e2e-tests");
    static final Path SITE = Path.of(System.getProperty("descent.site", "target/site"));
    static final int SAMPLES = Integer.getInteger("bench.samples", 10);
    static final double SAMPLE_MS = 150;
    static final String[] CELLS = {"matmul128", "matmul256", "matmul512", "matmul1024", "mlp", "tiny", "transformer"};
    /** ours, theirs */
    static final String[][] PAIRS = {{"webgpu", "webgpu"}, {"cpu", "wasm"}, {"cpu", "cpu"}};

    record Cell(String cell, String ours, String theirs, double oursMs, double theirsMs, String check) {
        double ratio() {
            return theirsMs / oursMs;
        }
    }

    @Test
    void benchAgainstTensorFlowJs() throws Exception {
        installTfjs();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("shellBytes", shellBytes());
        out.put("firstInteractiveMs", firstInteractiveMs());
        Pages p = Pages.open(Browser.webgpu(), 1280, 900, "index.html#lab=bench", true).ready();
        Page page = p.page;
        for (String js : List.of("bench/tf.min.js", "bench/tf-backend-wasm.min.js", "bench/tf-backend-webgpu.min.js",
                "bench/tfjs-bench.js")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setUrl(Browser.baseUrl() + js));
        }
        // the wasm backend's UMD bundle may expose setWasmPaths under tf.wasm or at the top level; without it the
        // wasm cells are reported as missing rather than aborting the run
        page.evaluate("const f = (tf.wasm && tf.wasm.setWasmPaths) || tf.setWasmPaths;"
                + " if (typeof f === 'function') f('" + Browser.baseUrl() + "bench/');");
        out.put("browser", Browser.webgpu().version());
        out.put("adapter", page.evaluate("async () => { const a = await navigator.gpu.requestAdapter(); "
                + "const i = a.info || {}; return [i.vendor, i.architecture, i.description, "
                + "i.isFallbackAdapter ? '(fallback)' : ''].filter(Boolean).join(' '); }"));
        out.put("tfjs", page.evaluate("tf.version.tfjs"));
        List<Cell> cells = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String[] pair : PAIRS) {
            for (String cell : CELLS) {
                if (pair[1].equals("cpu") && cell.equals("matmul1024")) {
                    missing.add(cell + " cpu vs tfjs-cpu: skipped (tfjs-cpu takes minutes per sample)");
                    continue;
                }
                try {
                    cells.add(measure(page, cell, pair[0], pair[1]));
                    System.out.println(cells.get(cells.size() - 1));
                } catch (RuntimeException e) {
                    missing.add(cell + " " + pair[0] + " vs tfjs-" + pair[1] + ": " + e.getMessage());
                    System.out.println("MISSED " + missing.get(missing.size() - 1));
                }
                write(out, cells, missing); // after every cell, so a long run leaves partial results
            }
        }
        out.put("problems", p.problems);
        write(out, cells, missing);
        p.close();
        assertTrue(!cells.isEmpty(), "no cell measured: " + missing);
    }

    /** Warm-ups, checks, then alternating timed samples; medians. */
    static Cell measure(Page page, String cell, String ours, String theirs) {
        double[] o = ours(page, cell, ours, 1);
        double[] t = theirs(page, cell, theirs, 1);
        o = ours(page, cell, ours, 1);
        t = theirs(page, cell, theirs, 1);
        String check = check(cell, o[1], t[1]);
        int repsOurs = (int) Math.max(1, Math.min(200, Math.ceil(SAMPLE_MS / Math.max(o[0], 1e-3))));
        int repsTheirs = (int) Math.max(1, Math.min(200, Math.ceil(SAMPLE_MS / Math.max(t[0], 1e-3))));
        double[] so = new double[SAMPLES];
        double[] st = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            so[i] = ours(page, cell, ours, repsOurs)[0];
            st[i] = theirs(page, cell, theirs, repsTheirs)[0];
        }
        return new Cell(cell, ours, theirs, median(so), median(st), check);
    }

    static String check(String cell, double ours, double theirs) {
        if (cell.startsWith("matmul")) {
            double rel = Math.abs(ours - theirs) / Math.max(1, Math.abs(theirs));
            if (!(rel < 1e-3)) {
                throw new IllegalStateException("checksums differ: ours " + ours + ", theirs " + theirs);
            }
            return "checksum " + String.format(Locale.ROOT, "%.6g", ours) + " = " + String.format(Locale.ROOT,
                    "%.6g", theirs);
        }
        for (double v : new double[] {ours, theirs}) {
            if (!(v > 0 && v < 10)) {
                throw new IllegalStateException("implausible loss: ours " + ours + ", theirs " + theirs);
            }
        }
        return "loss " + String.format(Locale.ROOT, "%.4f / %.4f", ours, theirs);
    }

    static double[] ours(Page page, String cell, String backend, int reps) {
        page.evaluate("c => { document.body.removeAttribute('data-bench-result');"
                + " document.body.setAttribute('data-bench-command', c); }", cell + "|" + backend + "|" + reps);
        page.click("[data-action=step]");
        page.waitForFunction("() => document.body.dataset.benchResult", null,
                new Page.WaitForFunctionOptions().setTimeout(600_000));
        String r = (String) page.evaluate("document.body.dataset.benchResult");
        if (r.startsWith("error")) {
            throw new IllegalStateException("Descent " + cell + " on " + backend + ": " + r);
        }
        String[] part = r.split("\\|");
        return new double[] {Double.parseDouble(part[0]), Double.parseDouble(part[1])};
    }

    static double[] theirs(Page page, String cell, String backend, int reps) {
        Object r = page.evaluate("([c, n]) => descentTfBench.run(c, n)", List.of(cell + "|" + backend, reps));
        List<?> v = (List<?>) r;
        return new double[] {((Number) v.get(0)).doubleValue(), ((Number) v.get(1)).doubleValue()};
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    // ---- tfjs from npm, served on the same origin ---------------------------------------------------------------

    static void installTfjs() throws IOException, InterruptedException {
        Path tf = E2E.resolve("node_modules/@tensorflow/tfjs/dist/tf.min.js");
        if (!Files.exists(tf)) {
            Process p = new ProcessBuilder("npm", "install", "--no-save", "--no-package-lock", "--prefix",
                    E2E.toString(), "@tensorflow/tfjs@4.22.0", "@tensorflow/tfjs-backend-wasm@4.22.0",
                    "@tensorflow/tfjs-backend-webgpu@4.22.0").inheritIO().start();
            if (p.waitFor() != 0 || !Files.exists(tf)) {
                throw new IllegalStateException("npm install of TensorFlow.js 4.22 failed");
            }
        }
        Path dst = SITE.resolve("bench");
        Files.createDirectories(dst);
        Path nm = E2E.resolve("node_modules/@tensorflow");
        for (Path f : List.of(tf, nm.resolve("tfjs-backend-wasm/dist/tf-backend-wasm.min.js"),
                nm.resolve("tfjs-backend-webgpu/dist/tf-backend-webgpu.min.js"),
                nm.resolve("tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm"),
                nm.resolve("tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm"),
                nm.resolve("tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm"),
                E2E.resolve("bench/tfjs-bench.js"))) {
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

    static void write(Map<String, Object> meta, List<Cell> cells, List<String> missing) throws IOException {
        Path dir = E2E.resolve("bench-results");
        Files.createDirectories(dir);
        StringBuilder json = new StringBuilder("{\n");
        for (Map.Entry<String, Object> e : meta.entrySet()) {
            json.append("  \"").append(e.getKey()).append("\": ").append(jsonValue(e.getValue())).append(",\n");
        }
        json.append("  \"cells\": [\n");
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            json.append(String.format(Locale.ROOT, "    {\"cell\": \"%s\", \"ours\": \"%s\", \"theirs\": \"tfjs-%s\", "
                    + "\"oursMs\": %.4f, \"theirsMs\": %.4f, \"ratio\": %.3f, \"check\": %s}%s\n", c.cell(), c.ours(),
                    c.theirs(), c.oursMs(), c.theirsMs(), c.ratio(), jsonValue(c.check()),
                    i + 1 < cells.size() ? "," : ""));
        }
        json.append("  ],\n  \"missing\": ").append(jsonValue(missing)).append("\n}\n");
        Files.writeString(dir.resolve("results.json"), json);
        StringBuilder md = new StringBuilder("# Descent vs TensorFlow.js " + meta.get("tfjs") + "\n\n");
        md.append("Browser: ").append(meta.get("browser")).append("; adapter: ").append(meta.get("adapter"))
                .append("; medians of ").append(SAMPLES).append(" alternating samples; ratio = theirs / ours (above "
                + "1: Descent is faster).\n\n");
        md.append("| cell | ours | theirs | ours ms | theirs ms | ratio | check |\n|---|---|---|---:|---:|---:|---|\n");
        for (Cell c : cells) {
            md.append(String.format(Locale.ROOT, "| %s | %s | tfjs-%s | %.3f | %.3f | %.2f | %s |\n", c.cell(),
                    c.ours(), c.theirs(), c.oursMs(), c.theirsMs(), c.ratio(), c.check()));
        }
        for (String m : missing) {
            md.append("\nMissing: ").append(m).append('\n');
        }
        md.append("\nShell size (wasm + JS + CSS, uncompressed): ").append(meta.get("shellBytes"))
                .append("; first interactive frame: ").append(String.format(Locale.ROOT, "%.0f ms",
                        (Double) meta.get("firstInteractiveMs"))).append('\n');
        Files.writeString(dir.resolve("results.md"), md);
        System.out.println(md);
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
