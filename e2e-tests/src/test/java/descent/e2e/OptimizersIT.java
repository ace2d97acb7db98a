package descent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The optimizers lab: every section draws, a hostile typed function changes nothing but an error, URLs round-trip. */
class OptimizersIT {
    static final List<String> SECTIONS = List.of("races", "momentum", "implicit", "norms");

    @Test
    void everySectionDrawsAtBothWidths() {
        for (int width : new int[] {1280, 360}) {
            for (String section : SECTIONS) {
                String hash = "lab=optimizers&section=" + section;
                Pages p = Pages.open(width > 500 ? Browser.webgpu() : Browser.cpu(), width, width > 500 ? 900 : 740,
                        "index.html#" + hash).ready();
                p.waitFor(".optim-" + section + " canvas");
                p.page.waitForTimeout(700);
                assertTrue(p.page.locator(".optim-" + section).isVisible(), section);
                Canvases.assertNonBlank(p, "optimizers/" + section);
                assertEquals(0, p.horizontalOverflow(), section + " overflows at " + width);
                if (section.equals("momentum")) {
                    assertTrue(p.page.locator(".momentum-formulas math").count() >= 6, "MathML formulas");
                }
                p.shot("optimizers-" + section + "-" + width);
                p.assertClean();
                p.close();
            }
        }
    }

    @Test
    void hostileTypedFunctionsShowAnErrorAndChangeNothingElse() {
        Pages p = Pages.open(Browser.cpu(), 1280, 900, "index.html#lab=optimizers&surface=custom&steps=5000").ready();
        p.waitFor(".race-map canvas");
        String formulaBefore = p.page.textContent(".race-map .optim-formula");
        for (String hostile : List.of("alert(1)", "sin(x + (y", "x".repeat(10_000), "x) + (y")) {
            long stepBefore = p.step();
            p.page.fill("#knob-fn", hostile);
            p.page.press("#knob-fn", "Enter");
            p.page.waitForTimeout(300);
            boolean errorShown = p.page.locator(".fn-error").isVisible()
                    || p.page.locator("[data-knob=fn] .knob-hint").textContent().contains("Too long");
            assertTrue(errorShown, "an error for " + hostile.substring(0, Math.min(20, hostile.length())));
            assertEquals(formulaBefore, p.page.textContent(".race-map .optim-formula"), "the surface is unchanged");
            assertTrue(p.step() >= stepBefore, "the race was not restarted");
            // running, or paused because the race reached its last step meanwhile; never an error
            assertTrue(List.of("running", "paused").contains(p.state()), p.state());
        }
        assertTrue(p.page.textContent(".fn-error").contains("Column"), p.page.textContent(".fn-error"));
        p.shot("optimizers-hostile-fn-1280");
        p.assertClean();
        p.close();
    }

    @Test
    void aConfiguredStateRoundTripsThroughTheUrl() {
        String hash = "#lab=optimizers&seed=4&section=momentum&m_kappa=50&m_alpha=0.8&m_beta=0.7&surface=beale"
                + "&nag=1&noise=0.5";
        Pages p = Pages.open(Browser.cpu(), 1280, 800, "index.html" + hash).ready();
        p.waitFor(".optim-momentum canvas");
        String written = (String) p.page.evaluate("location.hash");
        Object knobs = p.page.evaluate("() => [...document.querySelectorAll('[data-knob] input, [data-knob] select')]"
                + ".map(e => e.type === 'checkbox' ? String(e.checked) : e.value)");
        assertTrue(p.page.locator(".notice").count() == 0, "no notices on a valid link");
        p.close();
        Pages q = Pages.open(Browser.cpu(), 1280, 800, "index.html" + written).ready();
        q.waitFor(".optim-momentum canvas");
        assertEquals(written, q.page.evaluate("location.hash"));
        assertEquals(knobs, q.page.evaluate("() => [...document.querySelectorAll('[data-knob] input, "
                + "[data-knob] select')].map(e => e.type === 'checkbox' ? String(e.checked) : e.value)"));
        assertFalse(q.page.locator(".optim-races").isVisible(), "the section came back too");
        q.page.click(".optim-tab[data-section=races]");
        q.page.waitForTimeout(300);
        assertTrue(((String) q.page.evaluate("location.hash")).contains("section=races")
                || !((String) q.page.evaluate("location.hash")).contains("section="), "tabs write the URL");
        q.assertClean();
        q.close();
    }
}
