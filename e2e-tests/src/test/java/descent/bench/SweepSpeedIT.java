package descent.bench;

import descent.e2e.Browser;
import descent.e2e.Pages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * How long the muP width sweep takes in the browser, on both paths, and how smoothly the page keeps drawing meanwhile,
 * appended to {@code target/bench/sweep.txt}; a benchmark, so nothing is asserted about time.
 * {@code -Dsweep.hash=&s_steps=200} measures another sweep than the default, {@code -Dsweep.paths=cpu} one path.
 */
class SweepSpeedIT {
    @Test
    void measureBothPaths() throws IOException {
        String extra = System.getProperty("sweep.hash", "");
        String paths = System.getProperty("sweep.paths", "webgpu,cpu");
        StringBuilder out = new StringBuilder("muP width sweep" + (extra.isEmpty() ? " (defaults)" : " " + extra)
                + "\n");
        for (String path : paths.split(",")) {
            boolean gpu = path.equals("webgpu");
            Pages p = Pages.open(gpu ? Browser.webgpu() : Browser.cpu(), 1280, 900,
                    "index.html#lab=mup-muon&section=sweep" + extra).ready();
            // the page must stay responsive while the sweep trains: record the gaps between animation frames
            p.page.evaluate("() => { const g = window.frameGaps = []; const long = window.longGaps = []; "
                    + "let t = performance.now(); "
                    + "const tick = now => { g.push(now - t); if (now - t > 250) long.push(Math.round(now - t) + ' ms "
                    + "at ' + document.querySelector('.mm-sweep .mm-status-text').textContent); t = now; "
                    + "if (!document.querySelector('.mm-sweep[data-sweep-ms]')) requestAnimationFrame(tick); }; "
                    + "requestAnimationFrame(tick); }");
            p.page.waitForSelector(".mm-sweep[data-sweep-ms]",
                    new com.microsoft.playwright.Page.WaitForSelectorOptions().setTimeout(3_600_000));
            Object gaps = p.page.evaluate("() => { const g = window.frameGaps.slice(1).sort((a, b) => a - b); "
                    + "return g.length + ' frames, median gap ' + Math.round(g[g.length >> 1]) + ' ms, 99th "
                    + "percentile ' + Math.round(g[Math.floor(g.length * 0.99)]) + ' ms, worst ' "
                    + "+ Math.round(g[g.length - 1]) + ' ms'; }");
            Object stalls = p.page.evaluate("() => window.longGaps.join('; ') || 'none'");
            p.page.waitForTimeout(500);
            p.shot("mup-muon-default-sweep-" + path);
            String line = path + ": " + p.page.textContent(".mm-sweep .mm-status-text") + " " + gaps
                    + ". Gaps over 250 ms: " + stalls;
            System.out.println(line);
            out.append(line).append('\n');
            p.close();
        }
        Path file = Path.of("target", "bench", "sweep.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
