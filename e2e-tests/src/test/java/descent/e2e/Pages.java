package descent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opening pages the way a student does, collecting every console error, page error and failed request. */
public final class Pages {
    public final Page page;
    public final List<String> problems = new ArrayList<>();
    public final List<String> foreignRequests = new ArrayList<>();

    private Pages(Page page) {
        this.page = page;
    }

    public static Pages open(com.microsoft.playwright.Browser browser, int width, int height, String path) {
        return open(browser, width, height, path, false);
    }

    public static Pages open(com.microsoft.playwright.Browser browser, int width, int height, String path,
            boolean reducedMotion) {
        com.microsoft.playwright.Browser.NewContextOptions options =
                new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height).setDeviceScaleFactor(1)
                .setHasTouch(width < 500).setIsMobile(false);
        if (reducedMotion) {
            options.setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE);
        }
        BrowserContext context = browser.newContext(options);
        Pages p = new Pages(context.newPage());
        String base = Browser.baseUrl();
        p.page.onConsoleMessage(m -> {
            if (m.type().equals("error") || m.type().equals("warning") && m.text().contains("Content Security")) {
                p.problems.add("console " + m.type() + ": " + m.text());
            }
        });
        p.page.onPageError(e -> p.problems.add("page error: " + e));
        p.page.onRequestFailed(r -> p.problems.add("request failed: " + r.url() + " " + r.failure()));
        p.page.onResponse(r -> {
            if (r.status() >= 400) {
                p.problems.add("HTTP " + r.status() + ": " + r.url());
            }
        });
        p.page.onRequest(r -> {
            if (!r.url().startsWith(base) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) {
                p.foreignRequests.add(r.url());
            }
        });
        p.page.navigate(base + path);
        return p;
    }

    /** Waits until the app has left the loading state; generously, as a software WebGPU adapter opens slowly. */
    public Pages ready() {
        try {
            page.waitForFunction("() => document.body.dataset.state && document.body.dataset.state !== 'loading'",
                    null, new Page.WaitForFunctionOptions().setTimeout(45_000));
        } catch (RuntimeException e) {
            throw new AssertionError("the app did not start; problems: " + problems + "; page text: "
                    + page.evaluate("document.body.innerText"), e);
        }
        return this;
    }

    /** Waits for a selector; on timeout the error carries what the page showed and every problem seen. */
    public void waitFor(String selector) {
        try {
            page.waitForSelector(selector, new Page.WaitForSelectorOptions().setTimeout(20_000));
        } catch (RuntimeException e) {
            throw new AssertionError("no " + selector + " appeared; state " + state() + "; problems: " + problems
                    + "; page text: " + page.evaluate("document.body.innerText"), e);
        }
    }

    public String state() {
        return (String) page.evaluate("document.body.dataset.state");
    }

    public long step() {
        Object s = page.evaluate("document.body.dataset.step || '0'");
        return Long.parseLong(s.toString());
    }

    public void waitForStep(long atLeast) {
        // Playwright passes numbers as double; a boxed Long is refused as an argument type
        page.waitForFunction("(n) => Number(document.body.dataset.step || 0) >= n", (double) atLeast);
    }

    public void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of(System.getProperty("descent.shots", "target/screenshots"), name + ".png")));
    }

    /** Horizontal overflow in CSS pixels (0 when the page fits its viewport). */
    public int horizontalOverflow() {
        Object o = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        return ((Number) o).intValue();
    }

    public void assertClean() {
        assertEquals(List.of(), problems, "console errors, page errors or failed requests");
        assertEquals(List.of(), foreignRequests, "requests to other origins");
    }

    public void close() {
        page.context().close();
    }

}
