package descent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults and steady state of the WebGPU path: 10,000 training steps keep live GPU buffers and bytes flat; a destroyed
 * device moves the lab to the CPU with a notice and training goes on; without WebGPU the CPU path runs and says why.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GpuFaultsIT {
    private static final String TRAIN = "index.html#lab=selftest&mode=train";

    private static int attr(Pages p, String name) {
        return Integer.parseInt((String) p.page.evaluate("document.querySelector('.selftest').dataset." + name));
    }

    /** Waits for the lab with a generous timeout: opening a device on a busy software adapter can take a while. */
    private static float loss(Pages p) {
        return Float.parseFloat((String) p.page.evaluate("document.querySelector('.selftest').dataset.loss"));
    }

    private static Pages open(com.microsoft.playwright.Browser browser, int w, int h) {
        Pages p = Pages.open(browser, w, h, TRAIN);
        p.page.waitForFunction("() => document.body.dataset.state && document.body.dataset.state !== 'loading'", null,
                new Page.WaitForFunctionOptions().setTimeout(90_000));
        return p;
    }

    @Test
    @Order(2)
    void tenThousandStepsKeepGpuMemoryFlat() {
        Pages p = open(Browser.webgpu(), 1280, 900);
        p.waitFor(".selftest[data-live]");
        assertEquals("webgpu", p.page.evaluate("document.body.dataset.backend"));
        p.page.waitForFunction("() => Number(document.body.dataset.step) >= 200", null,
                new Page.WaitForFunctionOptions().setTimeout(120_000));
        int live = attr(p, "live");
        int bytes = attr(p, "bytes");
        p.page.waitForFunction("() => Number(document.body.dataset.step) >= 10000", null,
                new Page.WaitForFunctionOptions().setTimeout(600_000));
        p.page.waitForTimeout(200);
        System.out.println("steady state: live " + live + " -> " + attr(p, "live") + ", bytes " + bytes + " -> "
                + attr(p, "bytes") + ", loss " + p.page.evaluate("document.querySelector('.selftest').dataset.loss"));
        assertEquals(live, attr(p, "live"), "live GPU buffers after 10,000 steps");
        assertEquals(bytes, attr(p, "bytes"), "live GPU bytes after 10,000 steps");
        float loss = Float.parseFloat((String) p.page.evaluate("document.querySelector('.selftest').dataset.loss"));
        assertTrue(loss < 0.69f, "the MLP learns its fixed batch: loss " + loss);
        p.assertClean();
        p.close();
    }

    @Test
    @Order(1)
    void deviceLossContinuesOnTheCpu() {
        com.microsoft.playwright.Browser own = Browser.isolatedWebgpu();
        try {
            loseTheDevice(open(own, 1280, 900));
        } finally {
            own.close();
        }
    }

    private static void loseTheDevice(Pages p) {
        p.waitFor(".selftest[data-live]");
        p.page.waitForFunction("() => Number(document.querySelector('.selftest').dataset.loss) > 0");
        float initial = loss(p);
        // train on the GPU until the loss has clearly dropped, then past one more host sync (every 2 s), so the
        // parameters the CPU inherits are trained ones: a restart from scratch would show as the initial loss again
        p.page.waitForFunction("(l0) => Number(document.querySelector('.selftest').dataset.loss) < 0.9 * l0",
                (double) initial, new Page.WaitForFunctionOptions().setTimeout(60_000));
        p.page.waitForTimeout(2500);
        float trained = loss(p);
        long before = p.step();
        p.page.click("[data-action=lose-device]");
        p.page.waitForFunction("() => document.body.dataset.backend === 'cpu'", null,
                new Page.WaitForFunctionOptions().setTimeout(20_000));
        p.waitFor(".notice-problem");
        String notice = p.page.textContent(".notices");
        assertTrue(notice.contains("GPU") && notice.contains("CPU"), notice);
        p.page.waitForFunction("(n) => Number(document.body.dataset.step) > n + 100", (int) before);
        assertEquals("running", p.state());
        float after = loss(p);
        assertTrue(after < 0.95f * initial && after <= trained * 1.05f, "training went on from the synced "
                + "parameters: loss " + initial + " at the start, " + trained + " before the loss, " + after + " after");
        p.shot("selftest-device-lost");
        p.close();
    }

    @Test
    @Order(3)
    void withoutWebGpuTheCpuPathRunsAndSaysWhy() {
        Pages p = open(Browser.cpu(), 360, 640);
        p.waitFor(".selftest[data-live]");
        assertEquals("cpu", p.page.evaluate("document.body.dataset.backend"));
        String title = (String) p.page.evaluate("document.querySelector('.badge').title");
        assertTrue(title.contains("WebGPU"), title);
        p.page.waitForFunction("() => Number(document.body.dataset.step) >= 50");
        p.assertClean();
        p.close();
    }
}
