package descent.bench;

import descent.e2e.Browser;
import descent.e2e.LandscapeIT;
import descent.e2e.Pages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The speed numbers of the landscape lab, measured in the browser on both paths and written to
 * {@code target/bench/landscape.txt}; a benchmark, so nothing is asserted about time. The network is the issue's
 * 2-32-32-2 MLP on 512 points, trained for only 20 steps so the run is the slice: loss evaluations per second, time
 * from opening the lab to the first coarse (9 x 9) picture, and to the full 65 x 65 slice.
 */
class LandscapeSpeedIT {
    static final String URL = "index.html#lab=landscape&steps=20&every=0&res=65&seed=1";

    @Test
    void measureBothPaths() throws IOException {
        StringBuilder out = new StringBuilder("landscape lab, 2-32-32-2 MLP on 512 points, 65 x 65 slice\n");
        for (boolean gpu : new boolean[] {true, false}) {
            for (int run = 0; run < 2; run++) {
                Pages p = LandscapeIT.finished(gpu ? Browser.webgpu() : Browser.cpu(), 1280, 900, URL);
                Object[] n = ((java.util.List<?>) p.page.evaluate("() => { const s = document.querySelector("
                        + "'.land-status').dataset; return [s.path, s.evalsPerS, s.firstMs, s.fullMs]; }")).toArray();
                String line = String.format("%-7s run %d: %s loss evaluations/s, first picture %.0f ms, full 65x65 "
                        + "slice %.0f ms after opening", n[0], run + 1, n[1], Double.parseDouble((String) n[2]),
                        Double.parseDouble((String) n[3]));
                System.out.println(line);
                out.append(line).append('\n');
                p.close();
            }
        }
        Path file = Path.of("target", "bench", "landscape.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }
}
