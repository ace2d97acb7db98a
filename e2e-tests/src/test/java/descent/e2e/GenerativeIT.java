package descent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generative lab: every section trains and draws on both paths, the sampler's step button advances exactly one
 * sampler step, and a drawing below the minimum size is refused with a message. Screenshots at 360 and 1280 px.
 */
class GenerativeIT {
    static final List<String> SECTIONS = List.of("points", "images", "flow", "gan", "vae");

    static Pages open(com.microsoft.playwright.Browser browser, int width, String hash) {
        Pages p = Pages.open(browser, width, width > 500 ? 900 : 740, "index.html#lab=generative&" + hash).ready();
        p.waitFor(".gen-section:not([hidden]) canvas");
        return p;
    }

    @Test
    void everySectionTrainsAndDrawsOnBothPaths() {
        for (boolean gpu : new boolean[] {true, false}) {
            for (String section : SECTIONS) {
                int width = gpu ? 1280 : 360;
                Pages p = open(gpu ? Browser.webgpu() : Browser.cpu(), width, "section=" + section);
                // a software adapter compiles every pipeline on first use: the first steps can take a while
                p.page.waitForFunction("(n) => Number(document.body.dataset.step || 0) >= n", 3,
                        new Page.WaitForFunctionOptions().setTimeout(180_000));
                assertEquals(gpu ? "webgpu" : "cpu", p.page.evaluate("document.body.dataset.backend"), section);
                p.page.waitForTimeout(1500);
                assertTrue(p.page.locator(".gen-section[data-section=" + section + "]").isVisible(), section);
                Canvases.assertNonBlank(p, "generative/" + section);
                assertEquals(0, p.horizontalOverflow(), section + " overflows at " + width);
                p.shot("generative-" + section + "-" + width + (gpu ? "-webgpu" : "-cpu"));
                p.assertClean();
                p.close();
            }
        }
    }

    static int samplerStep(Pages p) {
        Object v = p.page.evaluate("document.querySelector('.gen-section:not([hidden]) [data-fig=sampler]')"
                + ".dataset.samplerStep");
        return Integer.parseInt(String.valueOf(v));
    }

    @Test
    void theStepButtonAdvancesExactlyOneSamplerStep() {
        for (String section : List.of("points", "flow", "images")) {
            Pages p = open(Browser.cpu(), 1280, "section=" + section + "&sample_steps=40&flow_steps=40");
            p.waitForStep(2);
            p.page.click("[data-action=play]"); // pause training, so only the button moves the sampler
            Locator step = p.page.locator(".gen-section:not([hidden]) [data-tool=sampler-step]");
            step.click();
            p.page.waitForTimeout(300);
            int first = samplerStep(p);
            for (int i = 1; i <= 3; i++) {
                step.click();
                p.page.waitForFunction("(n) => document.querySelector('.gen-section:not([hidden]) [data-fig=sampler]')"
                        + ".dataset.samplerStep == n", first + i, new Page.WaitForFunctionOptions().setTimeout(10_000));
                p.page.waitForTimeout(250);
                assertEquals(first + i, samplerStep(p), section + ": one click, one step");
            }
            String label = p.page.textContent(".gen-section:not([hidden]) .scrub-label");
            assertTrue(label.startsWith("step " + (first + 3) + " / 40"), label);
            p.shot("generative-" + section + "-stepped-1280");
            p.assertClean();
            p.close();
        }
    }

    @Test
    void aDrawingBelowTheMinimumIsRefusedAndOneAboveIsUsed() {
        Pages p = open(Browser.cpu(), 1280, "section=points");
        p.page.click("[data-action=play]");
        Locator fig = p.page.locator("[data-fig=forward]");
        fig.locator("[data-tool=draw]").click();
        Locator canvas = fig.locator("canvas").first();
        canvas.scrollIntoViewIfNeeded();
        var box = canvas.boundingBox();
        for (int i = 0; i < 5; i++) {
            canvas.click(new Locator.ClickOptions().setPosition(box.width * (0.3 + 0.08 * i), box.height * 0.4));
        }
        fig.locator("[data-tool=train-on-drawing]").click();
        p.page.waitForSelector(".notice");
        String notice = p.page.textContent(".notices");
        assertTrue(notice.contains("at least 20") && notice.contains("has 5"), notice);
        assertFalse(((String) p.page.evaluate("location.hash")).contains("data=drawn"), "the drawing was refused");
        for (int i = 0; i < 20; i++) {
            double a = 2 * Math.PI * i / 20;
            canvas.click(new Locator.ClickOptions().setPosition(box.width * (0.45 + 0.25 * Math.cos(a)),
                    box.width * (0.45 + 0.25 * Math.sin(a))));
        }
        fig.locator("[data-tool=train-on-drawing]").click();
        p.page.waitForFunction("() => location.hash.includes('data=drawn') && location.hash.includes('points=')");
        p.shot("generative-drawn-1280");
        p.assertClean();
        p.close();
    }

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
