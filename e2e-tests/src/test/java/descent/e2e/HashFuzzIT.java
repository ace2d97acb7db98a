package descent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile and random URL hashes: the page repairs or refuses them, shows a notice, and never runs what they carry. */
class HashFuzzIT {
    /** {@code knobs} holds "lab/knob" pairs; each gets one hostile value, the kinds taken in turn. */
    static List<String> hostileHashes(List<String> labs, List<String> knobs) {
        List<String> out = new ArrayList<>(List.of(
                "lab=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
                "lab=<img src=x onerror=window.__pwned=1>",
                "lab=diagnostics&x=<svg/onload=window.__pwned=1>",
                "lab=" + "a".repeat(100_000),
                "lab=diagnostics&" + "k=v&".repeat(20_000),
                "lab=%E0%A4%A", "lab=%", "lab=%%%", "%00", "lab=\u0000", "lab=diagnostics&seed=1e999",
                "lab=__proto__", "lab=constructor", "lab=toString", "&&&&", "=", "lab=", "lab=diagnostics&lab=nope",
                "lab=javascript:alert(1)", "lab=diagnostics&seed=NaN&seed=-Infinity", "lab=😀"));
        String[] values = {"=%3Cb%3Ex%3C%2Fb%3E", "=NaN", "=1e308", "=-0", "_hide=<x>"};
        for (int i = 0; i < knobs.size(); i++) {
            String[] labKnob = knobs.get(i).split("/", 2);
            out.add("lab=" + labKnob[0] + "&" + labKnob[1] + values[i % values.length]);
        }
        Random r = new Random(182);
        String alphabet = "lab=&%#?<>\"'/\\;:()[]{}0123456789.eE-+_xyzdiagnosticsplayground\u00e9\u4e2d";
        while (out.size() < 260) {
            StringBuilder sb = new StringBuilder(r.nextBoolean() ? "lab=" + labs.get(r.nextInt(labs.size())) + "&" : "");
            int n = r.nextInt(120);
            for (int i = 0; i < n; i++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void twoHundredHostileHashesCauseNoErrorAndNoInjection() {
        Pages p = Pages.open(Browser.cpu(), 1280, 800, "index.html").ready();
        p.waitFor(".card");
        @SuppressWarnings("unchecked")
        List<String> labs = (List<String>) p.page.evaluate(
                "[...document.querySelectorAll('[data-card]')].map(e => e.dataset.card)");
        @SuppressWarnings("unchecked")
        List<String> knobs = new ArrayList<>();
        for (String lab : labs) {
            p.page.evaluate("h => { location.hash = h; }", "lab=" + lab);
            p.page.waitForFunction("id => document.body.dataset.lab === id", lab);
            @SuppressWarnings("unchecked")
            List<String> k = (List<String>) p.page.evaluate(
                    "[...document.querySelectorAll('[data-knob]')].map(e => e.dataset.knob)");
            for (String name : k) {
                if (!knobs.contains(lab + "/" + name)) {
                    knobs.add(lab + "/" + name);
                }
            }
        }
        List<String> hashes = hostileHashes(labs, knobs);
        assertTrue(hashes.size() >= 200);
        for (String h : hashes) {
            p.page.evaluate("h => { location.hash = h; }", h);
            p.page.waitForTimeout(15);
        }
        p.page.waitForTimeout(500);
        assertEquals(null, p.page.evaluate("window.__pwned"));
        assertEquals(0, ((Number) p.page.evaluate("document.querySelectorAll('main script, main img[onerror], "
                + "main svg[onload], main b').length")).intValue(), "injected markup");
        assertNotEquals("error", p.state());
        p.assertClean();
        p.close();
    }

    @Test
    void aHostileFirstLoadShowsNoticesAndTheGallery() {
        Pages p = Pages.open(Browser.cpu(), 360, 640, "index.html#lab=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E")
                .ready();
        p.waitFor(".notice");
        assertTrue(p.page.textContent(".notice").contains("no lab called"), p.page.textContent(".notice"));
        p.waitFor(".card");
        assertEquals(null, p.page.evaluate("window.__pwned"));
        assertEquals(0, p.horizontalOverflow());
        p.assertClean();
        p.close();
    }
}
