package descent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The muP and Muon lab: every section draws on both paths, garbage coefficients are refused, the URL round-trips. */
class MupMuonIT {
    /** Each section, with a sweep small enough to finish in a test. */
    static final List<String> SECTIONS = List.of("race", "ns", "sweep", "coord");
    static final String SMALL = "&s_widths=16-256&s_steps=20&s_lrs=3&c_widths=32-512&c_steps=3";

    /** One page per path, walked through the tabs as a student would: a page load costs more than a section. */
    @Test
    void everySectionDrawsOnBothPaths() {
        for (boolean gpu : new boolean[] {true, false}) {
            int width = gpu ? 1280 : 360;
            Pages p = Pages.open(gpu ? Browser.webgpu() : Browser.cpu(), width, gpu ? 900 : 740,
                    "index.html#lab=mup-muon&section=race" + SMALL).ready();
            assertEquals(gpu ? "webgpu" : "cpu", p.page.evaluate("document.body.dataset.backend"));
            for (String section : SECTIONS) {
                if (!section.equals("race")) {
                    p.page.click(".mm-tab[data-section=" + section + "]");
                    // the Newton-Schulz walk ends paused, and so does a finished sweep: play on
                    if (!section.equals("ns") && !"running".equals(p.state())) p.page.click("[data-action=play]");
                }
                p.waitFor(".mm-" + section + " canvas");
                switch (section) {
                    case "race" -> p.waitForStep(12);
                    case "ns" -> p.page.waitForFunction("() => document.body.dataset.state === 'paused'");
                    case "sweep" -> p.page.waitForSelector(".mm-sweep[data-sweep-ms]",
                            new com.microsoft.playwright.Page.WaitForSelectorOptions().setTimeout(240_000));
                    // 5 widths x 2 parametrisations x (3 steps + the start) measurements
                    default -> p.page.waitForFunction("() => document.body.dataset.state === 'paused' "
                            + "&& +document.body.dataset.step >= 40", null,
                            new com.microsoft.playwright.Page.WaitForFunctionOptions().setTimeout(120_000));
                }
                p.page.waitForTimeout(400);
                assertTrue(p.page.locator(".mm-" + section).isVisible(), section);
                String hash = (String) p.page.evaluate("location.hash");
                // the hash leaves out defaults, and the race is the default section
                assertTrue(section.equals("race") ? !hash.contains("section=") : hash.contains("section=" + section),
                        section + ": " + hash);
                Canvases.assertNonBlank(p, "mup-muon/" + section);
                assertEquals(0, p.horizontalOverflow(), section + " overflows at " + width);
                if (section.equals("ns")) {
                    assertTrue(p.page.locator(".mm-formula math").count() >= 3, "MathML formulas");
                    assertEquals("5", p.page.evaluate("document.body.dataset.step"), "walked through five steps");
                }
                if (section.equals("sweep")) {
                    assertTrue(p.page.textContent(".mm-sweep .mm-status-text").contains(gpu ? "on the GPU"
                            : "on the CPU"), p.page.textContent(".mm-sweep .mm-status-text"));
                }
                p.shot("mup-muon-" + section + "-" + width);
                p.assertClean();
            }
            p.close();
        }
    }

    @Test
    void aGarbageCoefficientTripleIsRefusedWithAMessage() {
        Pages p = Pages.open(Browser.cpu(), 1280, 900, "index.html#lab=mup-muon&section=ns&ns_coef=custom").ready();
        p.waitFor(".mm-ns canvas");
        // the walk through the steps ends paused on the last one
        p.page.waitForFunction("() => document.body.dataset.state === 'paused'");
        String formula = p.page.textContent(".mm-formula");
        assertFalse(p.page.locator(".coef-error").isVisible(), "a good default");
        for (String garbage : List.of("1, banana, 3", "<img src=x onerror=alert(1)>", "1, 2", "1e999, 0, 0",
                "3, 2, 1; 4, 5, 6")) {
            p.page.fill("#knob-ns_abc", garbage);
            p.page.press("#knob-ns_abc", "Enter");
            p.page.waitForTimeout(300);
            assertTrue(p.page.locator(".coef-error").isVisible(), "a message for " + garbage);
            assertTrue(p.page.textContent(".coef-error").startsWith("Your (a, b, c) was not used"),
                    p.page.textContent(".coef-error"));
            assertEquals(formula, p.page.textContent(".mm-formula"), "the iteration shown is unchanged");
        }
        assertTrue(p.page.textContent(".coef-error").contains("Triple") || p.page.textContent(".coef-error")
                .contains("One triple"), p.page.textContent(".coef-error"));
        assertEquals(0, p.page.locator(".mm-ns img").count(), "no markup from the text");
        p.page.fill("#knob-ns_abc", "1.5, -0.5, 0");
        p.page.press("#knob-ns_abc", "Enter");
        p.page.waitForTimeout(300);
        assertFalse(p.page.locator(".coef-error").isVisible(), "a good triple clears the message");
        assertTrue(p.page.textContent(".mm-formula").contains("1.5"), p.page.textContent(".mm-formula"));
        p.shot("mup-muon-garbage-1280");
        p.assertClean();
        p.close();
    }

    @Test
    void aConfiguredStateRoundTripsThroughTheUrl() {
        String hash = "#lab=mup-muon&seed=9&section=coord&c_layer=4&c_norm=1&ns_coef=schedule&ns_steps=7"
                + "&r_hidden=32&r_muon_lr=0.01&s_opt=sgd&s_base=64";
        Pages p = Pages.open(Browser.cpu(), 1280, 800, "index.html" + hash).ready();
        p.waitFor(".mm-coord canvas");
        String written = (String) p.page.evaluate("location.hash");
        Object knobs = p.page.evaluate("() => [...document.querySelectorAll('[data-knob] input, [data-knob] select, "
                + "[data-knob] textarea')].map(e => e.type === 'checkbox' ? String(e.checked) : e.value)");
        assertEquals(0, p.page.locator(".notice").count(), "no notices on a valid link");
        p.close();
        Pages q = Pages.open(Browser.cpu(), 1280, 800, "index.html" + written).ready();
        q.waitFor(".mm-coord canvas");
        assertEquals(written, q.page.evaluate("location.hash"));
        assertEquals(knobs, q.page.evaluate("() => [...document.querySelectorAll('[data-knob] input, [data-knob] "
                + "select, [data-knob] textarea')].map(e => e.type === 'checkbox' ? String(e.checked) : e.value)"));
        assertFalse(q.page.locator(".mm-race").isVisible(), "the section came back");
        q.page.click(".mm-tab[data-section=ns]");
        q.page.waitForTimeout(300);
        assertTrue(((String) q.page.evaluate("location.hash")).contains("section=ns"), "tabs write the URL");
        q.assertClean();
        q.close();
    }
}
