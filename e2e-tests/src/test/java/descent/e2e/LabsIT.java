package descent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every lab in the gallery must do, on both paths: load clean, train (if it trains), draw non-blank canvases,
 * round-trip its state through the URL, fit 360 px with ≥ 44 px tap targets. Screenshots go to target/screenshots.
 */
class LabsIT {
    @SuppressWarnings("unchecked")
    static List<String> labs() {
        Pages p = Pages.open(Browser.cpu(), 1280, 800, "index.html").ready();
        p.waitFor(".card");
        List<String> ids = (List<String>) p.page.evaluate(
                "[...document.querySelectorAll('[data-card]')].map(e => e.dataset.card)");
        p.close();
        // -Ddescent.labs=playground,optimizers narrows a local run to some labs
        String only = System.getProperty("descent.labs", "");
        if (!only.isBlank()) {
            List<String> wanted = List.of(only.split(","));
            ids = ids.stream().filter(wanted::contains).toList();
        }
        return ids;
    }

    static boolean trains(Pages p) {
        return p.page.locator("[data-action=play]").isVisible();
    }

    @Test
    void everyLabLoadsTrainsAndDrawsOnWebGpuAt1280() {
        for (String lab : labs()) {
            Pages p = Pages.open(Browser.webgpu(), 1280, 900, "index.html#lab=" + lab).ready();
            p.waitFor(".figures > *");
            if (trains(p)) {
                p.waitForStep(3);
                // a lab of fixed length (an optimizer race) may already have finished and paused itself
                assertTrue(List.of("running", "paused").contains(p.state()), lab + " is " + p.state());
            }
            p.page.waitForTimeout(300);
            if (p.page.locator(".figures canvas").count() > 0) {
                Canvases.assertNonBlank(p, lab);
            }
            p.shot("lab-" + lab + "-1280");
            p.assertClean();
            p.close();
        }
    }

    @Test
    void everyLabWorksOnTheCpuPathAt360() {
        for (String lab : labs()) {
            Pages p = Pages.open(Browser.cpu(), 360, 640, "index.html#lab=" + lab).ready();
            p.waitFor(".figures > *");
            if (trains(p)) {
                p.waitForStep(3);
            }
            p.page.waitForTimeout(300);
            assertEquals(0, p.horizontalOverflow(), lab + " overflows at 360 px");
            Object small = p.page.evaluate("() => [...document.querySelectorAll('button, select, input:not([type=range]):not(.visually-hidden)"
                    + ":not([type=checkbox]), summary, label.file-button, .runbar a, .crumbs a')].filter(e => e.offsetParent !== null)"
                    + ".map(e => [e.getBoundingClientRect(), e]).filter(([r]) => r.height < 44 || r.width < 44)"
                    + ".map(([r, e]) => e.tagName + '.' + e.className + ' \"' + e.textContent.trim().slice(0, 20) + '\" '"
                    + " + Math.round(r.width) + 'x' + Math.round(r.height))");
            assertEquals(List.of(), small, lab + ": tap targets under 44 px at 360 px");
            if (p.page.locator(".figures canvas").count() > 0) {
                Canvases.assertNonBlank(p, lab);
            }
            p.shot("lab-" + lab + "-360");
            p.assertClean();
            p.close();
        }
    }

    @Test
    void everyLabRoundTripsItsStateThroughTheUrl() {
        for (String lab : labs()) {
            Pages p = Pages.open(Browser.cpu(), 1280, 800, "index.html#lab=" + lab).ready();
            p.waitFor(".figures > *");
            String hash = (String) p.page.evaluate("location.hash");
            assertTrue(hash.startsWith("#lab=" + lab), hash);
            Object knobs = p.page.evaluate("() => [...document.querySelectorAll('[data-knob] input, [data-knob] "
                    + "select')].map(e => e.type === 'checkbox' ? String(e.checked) : e.value)");
            p.close();
            Pages q = Pages.open(Browser.cpu(), 1280, 800, "index.html" + hash).ready();
            q.waitFor(".figures > *");
            assertEquals(hash, q.page.evaluate("location.hash"), lab);
            assertEquals(knobs, q.page.evaluate("() => [...document.querySelectorAll('[data-knob] input, [data-knob] "
                    + "select')].map(e => e.type === 'checkbox' ? String(e.checked) : e.value)"), lab);
            assertTrue(q.page.locator(".notice").count() == 0, lab + ": notices on its own link");
            q.assertClean();
            q.close();
        }
    }
}
