package descent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Embedding: the iframe reports its height, obeys only descent:* messages, and the copied snippet reproduces state. */
class EmbedIT {
    /** A course page on another origin (about:blank) embedding a lab; it records the messages it receives. */
    static Page coursePage(String embedPath) {
        Page page = Browser.webgpu().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1000, 900)).newPage();
        return course(page, "<h1>Week 1</h1><script>window.msgs = [];"
                + "addEventListener('message', e => msgs.push(e.data));</script>"
                + "<iframe id=f width=800 height=500 src='" + Browser.baseUrl() + embedPath + "'></iframe>");
    }

    /**
     * Serves {@code body} as a page of another origin, as a course website would be: a second real server on
     * 127.0.0.1 (not localhost, so another origin; real, so the browser's local-network checks see a local page).
     */
    static Page course(Page page, String body) {
        try {
            HttpServer course = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
            byte[] html = ("<!doctype html><html><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
            course.createContext("/", ex -> {
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, html.length);
                ex.getResponseBody().write(html);
                ex.close();
            });
            course.start();
            page.context().onClose(c -> course.stop(0));
            page.navigate("http://127.0.0.1:" + course.getAddress().getPort() + "/week1.html");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return page;
    }

    static Frame frame(Page page) {
        Frame f = null;
        for (int i = 0; i < 200 && f == null; i++) {
            f = page.frames().stream().filter(x -> x.url().contains("embed.html")).findFirst().orElse(null);
            page.waitForTimeout(50);
        }
        if (f == null) {
            throw new AssertionError("the embed frame never loaded; frames: "
                    + page.frames().stream().map(Frame::url).toList());
        }
        f.waitForFunction("() => document.body.dataset.state && document.body.dataset.state !== 'loading'");
        return f;
    }

    @Test
    void embedPostsItsHeightAndHasAnOpenFullLink() {
        Page page = coursePage("embed.html#lab=diagnostics");
        Frame f = frame(page);
        page.waitForFunction("() => msgs.some(m => m && m.type === 'descent:resize' && m.height > 100)");
        String href = f.getAttribute(".open-full", "href");
        assertTrue(href.endsWith("index.html#lab=diagnostics"), href);
        assertEquals(0, f.locator(".topbar").count(), "minimal chrome");
        page.context().close();
    }

    @Test
    void embedFollowsDescentMessagesAndIgnoresOthers() {
        String lab = trainingLab();
        Page page = coursePage("embed.html#lab=" + lab);
        Frame f = frame(page);
        f.waitForFunction("() => Number(document.body.dataset.step) > 2");
        page.evaluate("() => document.getElementById('f').contentWindow.postMessage({type: 'pause'}, '*')");
        page.evaluate("() => document.getElementById('f').contentWindow.postMessage('descent:pause', '*')");
        page.waitForTimeout(300);
        assertEquals("running", f.evaluate("document.body.dataset.state"));
        page.evaluate("() => document.getElementById('f').contentWindow.postMessage({type: 'descent:pause'}, '*')");
        f.waitForFunction("() => document.body.dataset.state === 'paused'");
        Object before = f.evaluate("document.body.dataset.step");
        page.waitForTimeout(400);
        assertEquals(before, f.evaluate("document.body.dataset.step"), "paused means no steps");
        page.evaluate("() => document.getElementById('f').contentWindow.postMessage({type: 'descent:step'}, '*')");
        f.waitForFunction("n => Number(document.body.dataset.step) === n + 1",
                Integer.parseInt(before.toString()));
        page.context().close();
    }

    @Test
    void copiedEmbedCodeLoadsTheSameState() {
        String lab = trainingLab();
        Pages p = Pages.open(Browser.cpu(), 1280, 900, "index.html#lab=" + lab + "&seed=4242").ready();
        p.waitFor(".figures > *");
        p.page.click(".share-details summary");
        p.page.click("[data-action=copy-embed]");
        String snippet = p.page.inputValue(".embed-code");
        assertTrue(snippet.startsWith("<iframe src=\"") && snippet.contains("loading=\"lazy\""), snippet);
        String hash = (String) p.page.evaluate("location.hash");
        p.close();
        Page page = course(Browser.cpu().newContext().newPage(), snippet);
        Frame f = frame(page);
        assertEquals(hash, f.evaluate("location.hash"));
        page.context().close();
    }

    @Test
    void reducedMotionMeansNoAutoplay() {
        String lab = trainingLab();
        Pages p = Pages.open(Browser.cpu(), 1280, 800, "index.html#lab=" + lab, true).ready();
        p.waitFor(".figures > *");
        p.page.waitForTimeout(1500);
        assertEquals(0, p.step());
        assertTrue(List.of("ready", "paused").contains(p.state()), p.state());
        p.page.click("[data-action=play]");
        p.waitForStep(2);
        p.assertClean();
        p.close();
    }

    /** The first lab in the gallery that trains. */
    static String trainingLab() {
        for (String lab : LabsIT.labs()) {
            if (!lab.equals("diagnostics")) {
                return lab;
            }
        }
        throw new AssertionError("no training lab in the gallery yet");
    }
}
