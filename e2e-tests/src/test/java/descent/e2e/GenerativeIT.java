package descent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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

    /** Shows a section by its tab, as a student does, and waits until it has trained a few steps. */
    static void showSection(Pages p, String section) {
        p.page.click(".gen-tab[data-section=" + section + "]");
        p.page.waitForFunction("(s) => document.body.dataset.section == s", section);
        // a software adapter compiles every pipeline on first use: the first steps can take a while
        p.page.waitForFunction("(n) => Number(document.body.dataset.step || 0) >= n", 3,
                new Page.WaitForFunctionOptions().setTimeout(120_000));
    }

    @Test
    void everySectionTrainsAndDrawsOnBothPaths() {
        for (boolean gpu : new boolean[] {true, false}) {
            int width = gpu ? 1280 : 360;
            // one page per path, sections reached through their tabs: a page load per section would double the time
            Pages p = open(gpu ? Browser.webgpu() : Browser.cpu(), width, "section=points");
            for (String section : SECTIONS) {
                showSection(p, section);
                assertEquals(gpu ? "webgpu" : "cpu", p.page.evaluate("document.body.dataset.backend"), section);
                assertEquals("running", p.state(), section);
                p.page.waitForTimeout(700);
                assertTrue(p.page.locator(".gen-section[data-section=" + section + "]").isVisible(), section);
                assertEquals(1, p.page.locator(".gen-section:not([hidden])").count(), "one section at a time");
                Canvases.assertNonBlank(p, "generative/" + section + (gpu ? " (webgpu)" : " (cpu)"));
                assertEquals(0, p.horizontalOverflow(), section + " overflows at " + width);
                p.shot("generative-" + section + "-" + width + (gpu ? "-webgpu" : "-cpu"));
            }
            p.assertClean();
            p.close();
        }
    }

    static int samplerStep(Pages p) {
        Object v = p.page.evaluate("document.querySelector('.gen-section:not([hidden]) [data-fig=sampler]')"
                + ".dataset.samplerStep");
        return Integer.parseInt(String.valueOf(v));
    }

    /** The sampler step once two reads half a second apart agree (the first click's frame has been drawn). */
    static int stableSamplerStep(Pages p) {
        int before = samplerStep(p);
        for (int i = 0; i < 20; i++) {
            p.page.waitForTimeout(500);
            int now = samplerStep(p);
            if (now == before) return now;
            before = now;
        }
        throw new AssertionError("the sampler kept moving after Step: " + before);
    }

    @Test
    void theStepButtonAdvancesExactlyOneSamplerStep() {
        Pages p = open(Browser.cpu(), 1280, "section=points&sample_steps=40&flow_steps=40");
        for (String section : List.of("points", "flow", "images")) {
            showSection(p, section);
            Locator step = p.page.locator(".gen-section:not([hidden]) [data-tool=sampler-step]");
            step.click();
            // stepping the sampler pauses training, so the model holds still while the student reads the step
            p.page.waitForFunction("() => document.body.dataset.state == 'paused'");
            // a fresh run, so three steps cannot run past the end (a Step there starts a new run)
            p.page.click(".gen-section:not([hidden]) [data-tool=new-noise]");
            int first = stableSamplerStep(p);
            assertEquals(0, first, section + ": New noise starts at step 0");
            for (int i = 1; i <= 3; i++) {
                step.click();
                try {
                    p.page.waitForFunction("(n) => document.querySelector('.gen-section:not([hidden]) "
                            + "[data-fig=sampler]').dataset.samplerStep == n", first + i,
                            new Page.WaitForFunctionOptions().setTimeout(20_000));
                } catch (RuntimeException e) {
                    throw new AssertionError(section + ": after click " + i + " the sampler shows step "
                            + samplerStep(p) + ", not " + (first + i) + "; state " + p.state() + "; problems "
                            + p.problems, e);
                }
                p.page.waitForTimeout(250);
                assertEquals(first + i, samplerStep(p), section + ": one click, one step");
            }
            String label = p.page.textContent(".gen-section:not([hidden]) .scrub-label");
            assertTrue(label.startsWith("step " + (first + 3) + " / 40"), label);
            p.shot("generative-" + section + "-stepped-1280");
            p.page.click("[data-action=play]"); // training resumes for the next section
        }
        p.assertClean();
        p.close();
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
}
