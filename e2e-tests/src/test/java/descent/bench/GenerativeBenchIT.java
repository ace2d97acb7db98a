package descent.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.microsoft.playwright.Page;
import descent.e2e.Browser;
import descent.e2e.Pages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generative lab's speed (issue 10): training steps per second and sampling times on both paths, from the hidden
 * page {@code #lab=generative-bench}, written to {@code target/generative-bench.md}. Not part of {@code mvn verify}
 * (it takes minutes on a software adapter): run it like {@link BenchIT}, with {@code -Dit.test=GenerativeBenchIT}.
 */
class GenerativeBenchIT {
    /** The speed numbers, measured in the browser on both paths, written to target/generative-bench.md. */
    @Test
    void benchmark() throws IOException {
        StringBuilder md = new StringBuilder("# Generative lab benchmark (headless Chromium)\n\n");
        for (String path : List.of("cpu", "webgpu")) {
            Pages p = Pages.open(path.equals("cpu") ? Browser.cpu() : Browser.webgpu(), 1280, 800,
                    "index.html#lab=generative-bench").ready();
            p.page.evaluate("(b) => document.body.setAttribute('data-gen-bench', b)", path);
            p.page.waitForFunction("() => document.body.dataset.genBenchResult", null,
                    new Page.WaitForFunctionOptions().setTimeout(600_000));
            String result = (String) p.page.evaluate("document.body.dataset.genBenchResult");
            assertFalse(result.startsWith("error"), result);
            md.append("## ").append(path).append("\n\n| measurement | value |\n|---|---|\n");
            for (String row : result.split(";")) {
                if (row.isEmpty()) continue;
                int eq = row.lastIndexOf('=');
                md.append("| ").append(row, 0, eq).append(" | ").append(row.substring(eq + 1)).append(" |\n");
            }
            md.append('\n');
            p.close();
        }
        Files.writeString(Path.of("target", "generative-bench.md"), md.toString());
        System.out.println(md);
    }
}
