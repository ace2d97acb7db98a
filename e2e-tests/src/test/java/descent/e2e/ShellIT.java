package descent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shell: gallery, routing, diagnostics, screenshots at phone and desktop width. */
class ShellIT {
    @Test
    void galleryLoadsCleanAtBothWidths() {
        for (int width : new int[] {360, 1280}) {
            Pages p = Pages.open(Browser.webgpu(), width, width < 500 ? 640 : 800, "index.html").ready();
            p.waitFor(".card");
            assertTrue(p.page.locator(".card").count() >= 1);
            assertEquals(0, p.horizontalOverflow(), "horizontal overflow at " + width);
            p.shot("gallery-" + width);
            p.assertClean();
            p.close();
        }
    }

    @Test
    void diagnosticsReportsWebGpu() {
        Pages p = Pages.open(Browser.webgpu(), 1280, 900, "index.html#lab=diagnostics").ready();
        p.waitFor(".report .summary");
        String summary = p.page.textContent(".report .summary");
        assertTrue(summary.contains("Available"), summary);
        p.page.click("[data-action=self-test]");
        p.page.waitForFunction("() => document.querySelector('.self-test').textContent.includes('GFLOP/s')", null,
                new com.microsoft.playwright.Page.WaitForFunctionOptions().setTimeout(180_000));
        String report = p.page.textContent(".self-test");
        assertTrue(report.contains("GFLOP/s"), report);
        p.shot("diagnostics-1280");
        p.assertClean();
        p.close();
        Pages cpu = Pages.open(Browser.cpu(), 360, 640, "index.html#lab=diagnostics").ready();
        cpu.waitFor(".report .summary");
        String why = cpu.page.textContent(".report .summary");
        assertTrue(why.contains("Not available"), why);
        assertEquals(0, cpu.horizontalOverflow());
        cpu.shot("diagnostics-360-cpu");
        cpu.assertClean();
        cpu.close();
    }
}
