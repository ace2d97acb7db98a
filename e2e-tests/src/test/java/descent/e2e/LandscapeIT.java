package descent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The landscape lab end to end: its views draw on both paths, the GPU's ensemble slice agrees with the CPU's, and a
 * link reproduces the very same slice. A short run (200 steps, 33 x 33) keeps each page to seconds on a small
 * machine.
 */
public class LandscapeIT {
    static final String SHORT = "index.html#lab=landscape&points=256&steps=200&res=33&every=10&seed=3";

    /** Opens the lab and waits until training and every picture are finished. */
    public static Pages finished(com.microsoft.playwright.Browser browser, int width, int height, String url) {
        Pages p = Pages.open(browser, width, height, url).ready();
        p.waitFor(".figures > *");
        try {
            p.page.waitForFunction("() => { const s = document.querySelector('.land-status');"
                    + " return (s && s.dataset.done === '1') || ['error', 'diverged'].includes(document.body.dataset.state); }",
                    null, new Page.WaitForFunctionOptions().setTimeout(240_000));
        } catch (RuntimeException e) {
            throw new AssertionError("the landscape did not finish; state " + p.state() + "; problems " + p.problems
                    + "; status: " + p.page.evaluate("document.querySelector('.land-status')?.innerText"), e);
        }
        assertTrue(p.state().equals("running") || p.state().equals("paused") || p.state().equals("ready"), p.state());
        p.page.waitForTimeout(400); // one more frame for the last drawing
        return p;
    }

    static String coarse(Pages p) {
        return (String) p.page.evaluate("document.querySelector('[data-fig=slice]').dataset.coarse");
    }

    @Test
    void everyViewDrawsOnTheGpuPathAndOnTheCpuPath() {
        for (boolean gpu : new boolean[] {true, false}) {
            String path = gpu ? "webgpu" : "cpu";
            Pages p = finished(gpu ? Browser.webgpu() : Browser.cpu(), 1280, 900, SHORT);
            assertEquals(path, p.page.evaluate("document.querySelector('.land-status').dataset.path"),
                    "the slice computes on the " + path + " path");
            assertEquals("33", p.page.evaluate("document.querySelector('[data-fig=slice]').dataset.res"));
            for (String fig : new String[] {"slice", "surface", "path", "interpolation", "sharpness", "loss"}) {
                Locator canvas = p.page.locator("[data-fig=" + fig + "] canvas").first();
                canvas.scrollIntoViewIfNeeded();
                int colours = Canvases.colours(canvas);
                assertTrue(colours > 12, fig + " on " + path + " looks blank: " + colours + " colours");
            }
            if (gpu) {
                assertEquals(1, p.page.locator("[data-fig=surface] canvas[data-renderer=webgpu]").count(),
                        "the surface is drawn by the WebGPU render pipeline");
            }
            p.page.locator("[data-fig=surface]").scrollIntoViewIfNeeded();
            p.shot("landscape-" + path + "-1280");
            p.assertClean();
            p.close();
        }
    }

    @Test
    void theGpuAndCpuSlicesOfOneSeedAgree() {
        Pages gpu = finished(Browser.webgpu(), 1280, 900, SHORT);
        Pages cpu = finished(Browser.cpu(), 1280, 900, SHORT);
        String[] g = coarse(gpu).split(","), c = coarse(cpu).split(",");
        assertEquals(81, c.length);
        assertEquals(c.length, g.length);
        double worst = 0;
        for (int i = 0; i < c.length; i++) {
            double a = Double.parseDouble(g[i]), b = Double.parseDouble(c[i]);
            worst = Math.max(worst, Math.abs(a - b) / Math.max(1e-3, Math.abs(b)));
        }
        System.out.println("landscape: GPU vs CPU slice, worst relative difference " + worst);
        assertTrue(worst < 1e-3, "GPU and CPU slices differ by " + worst + " (relative)");
        gpu.assertClean();
        cpu.assertClean();
        gpu.close();
        cpu.close();
    }

    @Test
    void aLinkReproducesTheSameSlice() {
        Pages first = finished(Browser.cpu(), 1280, 900, SHORT);
        String hash = (String) first.page.evaluate("location.hash");
        String slice = coarse(first);
        first.close();
        Pages again = finished(Browser.cpu(), 1280, 900, "index.html" + hash);
        assertEquals(slice, coarse(again), "the same link, the same slice, bit for bit");
        again.close();
        Pages other = finished(Browser.cpu(), 1280, 900, SHORT + "&dseed=2");
        assertNotEquals(slice, coarse(other), "another direction seed cuts another slice");
        other.close();
    }

    @Test
    void fitsAPhoneAndTurnsTheSurface() {
        Pages p = Pages.open(Browser.cpu(), 360, 740, SHORT).ready();
        p.waitFor("[data-fig=surface] canvas");
        p.waitForStep(50);
        assertEquals(0, p.horizontalOverflow(), "no sideways scrolling at 360 px");
        Locator surface = p.page.locator("[data-fig=surface] canvas").last();
        surface.scrollIntoViewIfNeeded();
        p.page.waitForTimeout(1500);
        int before = Canvases.colours(surface);
        surface.focus();
        for (int i = 0; i < 6; i++) p.page.keyboard().press("ArrowLeft");
        p.page.waitForTimeout(300);
        assertTrue(before > 12 && Canvases.colours(surface) > 12, "the turned surface still draws");
        p.shot("landscape-cpu-360");
        p.assertClean();
        p.close();
    }
}
