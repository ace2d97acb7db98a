package descent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every op forward and backward, and every optimizer, on the CPU and on the (software) WebGPU adapter in the same
 * page: each case must agree within its stated tolerance, and every shader must compile without a warning.
 */
class GpuParityIT {
    @Test
    void everyKernelMatchesTheCpuReference() {
        Pages p = Pages.open(Browser.webgpu(), 1280, 900, "index.html#lab=selftest&mode=parity");
        try {
            p.page.waitForFunction("() => { const r = document.querySelector('.selftest');"
                    + " return (r && r.dataset.parity) || document.body.dataset.state === 'error'; }", null, new Page.WaitForFunctionOptions().setTimeout(600_000));
        } catch (RuntimeException e) {
            throw new AssertionError("the parity page did not finish; problems: " + p.problems + "; state "
                    + p.state() + "; text: " + p.page.evaluate("document.body.innerText"), e);
        }
        @SuppressWarnings("unchecked")
        List<String> failures = (List<String>) p.page.evaluate("() => Array.from(document.querySelectorAll("
                + "'.parity tr[data-pass=\"0\"]')).map(tr => tr.innerText.replace(/\\s+/g, ' '))");
        @SuppressWarnings("unchecked")
        List<String> warnings = (List<String>) p.page.evaluate("() => Array.from(document.querySelectorAll("
                + "'.compiler-warning')).map(e => e.innerText)");
        String cases = (String) p.page.evaluate("document.querySelector('.selftest').dataset.cases");
        System.out.println("parity: " + cases + " cases, failures " + failures.size());
        failures.forEach(f -> System.out.println("  " + f));
        warnings.forEach(w -> System.out.println("  warning " + w));
        try {
            p.page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of(
                    System.getProperty("descent.shots", "target/screenshots"), "selftest-parity.png")));
        } catch (RuntimeException e) {
            System.out.println("no screenshot: " + e.getMessage());
        }
        assertEquals(List.of(), failures, "cases beyond tolerance");
        assertEquals(List.of(), warnings, "shader compiler warnings");
        assertEquals("pass", p.page.evaluate("document.querySelector('.selftest').dataset.parity"));
        assertTrue(Integer.parseInt(cases) > 200, cases);
        p.assertClean();
        p.close();
    }
}
