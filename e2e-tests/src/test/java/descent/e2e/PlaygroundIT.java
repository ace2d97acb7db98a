package descent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import descent.labs.HashState;
import descent.labs.playground.PlaygroundSpec;
import descent.labs.playground.PointCodec;
import descent.labs.playground.PointsCsv;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The playground lab in a real browser: trains, draws, edits, imports, diverges, steps through backprop. */
class PlaygroundIT {
    static final String LAB = "index.html#lab=playground";

    static void figureShots(Pages p, String name, String... figs) {
        for (String f : figs) {
            p.page.locator("figure[data-fig=" + f + "]").screenshot(new Locator.ScreenshotOptions().setPath(
                    Path.of(System.getProperty("descent.shots", "target/screenshots"), name + "-" + f + ".png")));
        }
    }

    /** Distinct colours sampled from every canvas of the lab's figures: a blank canvas has one. */
    @SuppressWarnings("unchecked")
    static List<Number> canvasColours(Pages p) {
        return (List<Number>) p.page.evaluate("() => [...document.querySelectorAll('.figures canvas')]"
                + ".filter(c => c.width > 1 && c.offsetParent !== null).map(c => {"
                + "  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; const seen = new Set();"
                + "  for (let i = 0; i < d.length; i += 4 * 37) seen.add((d[i] << 24) | (d[i + 1] << 16) | (d[i + 2] << 8) | d[i + 3]);"
                + "  return seen.size; })");
    }

    static double testAccuracy(Pages p) {
        Object v = p.page.evaluate("() => document.querySelector('.stats-line').dataset.testAccuracy || 'NaN'");
        return Double.parseDouble(v.toString());
    }

    @Test
    void trainsAndDrawsNonBlankCanvasesAtBothWidths() {
        for (int width : new int[] {1280, 360}) {
            Pages p = Pages.open(Browser.cpu(), width, width < 500 ? 640 : 900, LAB).ready();
            p.waitFor("figure[data-fig=boundary] canvas");
            p.waitForStep(500);
            p.page.waitForTimeout(500);
            List<Number> colours = canvasColours(p);
            assertTrue(colours.size() >= 4, "boundary, network, loss and confusion canvases: " + colours);
            for (Number n : colours) {
                assertTrue(n.intValue() > 8, "a canvas looks blank: " + colours);
            }
            assertEquals("running", p.state());
            assertEquals(0, p.horizontalOverflow(), "horizontal overflow at " + width);
            p.shot("playground-" + width);
            figureShots(p, "playground-" + width, "boundary", "network", "loss");
            p.assertClean();
            p.close();
        }
    }

    @Test
    void reachesItsLearningTargetOnXorInTheBrowser() {
        Pages p = Pages.open(Browser.cpu(), 1280, 900, LAB + "&data=xor&hidden=8,8&act=tanh&opt=adam&lr=0.01&seed=1")
                .ready();
        p.page.waitForFunction("() => Number(document.querySelector('.stats-line')?.dataset.testAccuracy) >= 0.95",
                null, new Page.WaitForFunctionOptions().setTimeout(30_000));
        assertTrue(testAccuracy(p) >= 0.95);
        p.assertClean();
        p.close();
    }

    @Test
    void aUrlWithEveryKnobSetRoundTrips() {
        String pts = PointCodec.encode(PointsCsv.parse("0.1,0.2,0\n-0.3,0.4,1\n0.5,-0.5,2\n0.6,0.6,1\n", false)
                .points());
        String every = "lab=playground&data=custom&classes=3&n=300&noise=0.1&test=0.3&batch=25&dseed=9&pts=" + pts
                + "&x1=0&x2=0&x1sq=1&x2sq=1&x1x2=1&sin1=1&sin2=1&hidden=8,6,4&act=relu&residual=1&dropout=0.2"
                + "&opt=adamw&lr=0.005&beta1=0.8&beta2=0.99&wd=0.01&sched=cosine&decay=500&seed=42&reg=l2"
                + "&reg_rate=0.01&show_test=1&discrete=1&regions=1&lr_hide=1";
        HashState.Parsed parsed = HashState.parse(every, List.of(PlaygroundSpec.SPEC));
        String expected = HashState.format(parsed.params(), Set.of("lr"));
        Pages p = Pages.open(Browser.cpu(), 1280, 900, "index.html#" + every).ready();
        p.waitFor("figure[data-fig=boundary] canvas");
        p.page.waitForTimeout(300);
        assertEquals("#" + expected, p.page.evaluate("location.hash"));
        assertEquals(0, p.page.locator(".notice-problem").count(), "no repairs for a valid state");
        assertEquals(0, p.page.locator("[data-knob=lr]").count(), "lr_hide hides the control");
        assertEquals("8,6,4", p.page.inputValue("#knob-hidden"));
        assertEquals("adamw", p.page.inputValue("#knob-opt"));
        assertTrue(p.page.isChecked("#knob-regions"));
        // the same state through the share box link opens the same lab state
        p.page.reload();
        p.ready();
        p.waitFor("figure[data-fig=boundary] canvas");
        assertEquals("#" + expected, p.page.evaluate("location.hash"));
        p.assertClean();
        p.close();
    }

    @Test
    void aCsvWithBadRowsIsReportedLineByLineAndThePreviousDataSurvives() {
        Pages p = Pages.open(Browser.cpu(), 1280, 900, LAB + "&data=moons").ready();
        p.waitFor(".data-tools");
        String before = (String) p.page.evaluate("location.hash");
        p.page.click(".data-tools details.paste summary");
        p.page.fill(".paste-box", "x,y,label\n0.1,0.2,0\n0.3,abc,1\n0.5\n0.2,0.2,7\n0.4,0.4,1\n");
        p.page.click("[data-action=import-paste]");
        p.waitFor(".import-problems li");
        List<String> items = p.page.locator(".import-problems li").allTextContents();
        assertEquals(List.of("line 3: y \u201cabc\u201d is not a number.",
                "line 4: expected 3 values (x,y,label), found 1.",
                "line 5: class 7 is outside 0\u20135 (the lab shows up to 6 classes)."), items);
        assertTrue(p.page.textContent(".import-problems").contains("unchanged"));
        assertEquals(before, p.page.evaluate("location.hash"), "the moons data is still loaded");
        p.page.fill(".paste-box", "x,y,label\n0.1,0.2,0\n0.3,0.1,1\n-0.5,0.5,0\n0.4,0.4,1\n");
        p.page.click("[data-action=import-paste]");
        p.page.waitForFunction("() => location.hash.includes('data=custom') && location.hash.includes('pts=c')");
        assertTrue(p.page.locator(".import-problems").isHidden());
        p.assertClean();
        p.close();
    }

    /** Left and top of the plot area inside the boundary canvas, and its side, in page pixels. */
    private static double[] plot(Locator canvas) {
        canvas.scrollIntoViewIfNeeded();
        var box = canvas.boundingBox();
        return new double[] {box.x + 34, box.y + 8, box.width - 40};
    }

    @Test
    void drawingPointsByTouchWorks() {
        Pages p = Pages.open(Browser.cpu(), 360, 640, LAB + "&data=custom").ready();
        p.waitFor("figure[data-fig=boundary] canvas");
        p.page.click("[data-tool=edit-points]");
        Locator canvas = p.page.locator("figure[data-fig=boundary] canvas");
        // notices may appear above the figure while points are added and move it: measure it before each gesture
        double[] at;
        // tap points of class 0 on the left, then of class 1 on the right
        for (int i = 0; i < 4; i++) {
            at = plot(canvas);
            p.page.touchscreen().tap(at[0] + at[2] * (0.15 + 0.05 * i), at[1] + at[2] * (0.2 + 0.15 * i));
        }
        p.page.click(".class-palette [data-class='1']");
        for (int i = 0; i < 4; i++) {
            at = plot(canvas);
            p.page.touchscreen().tap(at[0] + at[2] * (0.8 - 0.05 * i), at[1] + at[2] * (0.2 + 0.15 * i));
        }
        p.page.waitForFunction("() => (location.hash.match(/pts=c([A-Za-z0-9_-]*)/) || ['', ''])[1].length == 48");
        // drag the first point with a finger, then long-press the last one away
        at = plot(canvas);
        double side = at[2];
        double x0 = at[0] + side * 0.15, y0 = at[1] + side * 0.2;
        touch(canvas, "pointerdown", x0, y0);
        for (int k = 1; k <= 5; k++) {
            touch(canvas, "pointermove", x0 + 8 * k, y0 + 6 * k);
        }
        touch(canvas, "pointerup", x0 + 40, y0 + 30);
        at = plot(canvas);
        double x7 = at[0] + side * 0.65, y7 = at[1] + side * 0.65;
        touch(canvas, "pointerdown", x7, y7);
        p.page.waitForTimeout(800);
        touch(canvas, "pointerup", x7, y7);
        p.page.waitForFunction("() => (location.hash.match(/pts=c([A-Za-z0-9_-]*)/) || ['', ''])[1].length == 42");
        String hash = (String) p.page.evaluate("location.hash");
        String packed = hash.replaceAll(".*pts=([A-Za-z0-9_-]*).*", "$1");
        PointCodec.Points pts = PointCodec.decode(packed);
        assertEquals(7, pts.size());
        assertTrue(Math.abs(pts.xy()[0] - (-1.2 + 2.4 * (0.15 + 40 / side))) < 0.05, "the first point moved");
        p.waitForStep(50);
        p.shot("playground-360-drawn");
        assertEquals(0, p.horizontalOverflow());
        p.assertClean();
        p.close();
    }

    /** A synthetic finger event: Playwright's touchscreen only taps, drags and long presses need pointer events. */
    static void touch(Locator canvas, String type, double x, double y) {
        canvas.dispatchEvent(type, java.util.Map.of("pointerId", 7, "pointerType", "touch", "isPrimary", true,
                "clientX", x, "clientY", y, "bubbles", true, "button", 0));
    }

    @Test
    void theDivergingPresetReachesTheDivergedStateAndResetRecovers() {
        Pages p = Pages.open(Browser.cpu(), 1280, 900, LAB).ready();
        p.page.click("[data-preset='Too large a learning rate diverges']");
        p.page.waitForFunction("() => document.body.dataset.state === 'diverged'");
        String banner = p.page.textContent(".banner-error");
        assertTrue(banner.matches("(?s).*diverged at step \\d+ \u2014 try a smaller learning rate.*"), banner);
        p.shot("playground-1280-diverged");
        p.page.click(".banner-error button");
        p.page.waitForFunction("() => document.body.dataset.state !== 'diverged'");
        assertTrue(p.page.locator(".banner-error").isHidden());
        p.assertClean();
        p.close();
    }

    @Test
    void backpropStepsThroughOnePhaseAtATime() {
        Pages p = Pages.open(Browser.cpu(), 1280, 900, LAB + "&data=xor&hidden=3&lr=0.3&batch=4", true).ready();
        p.waitFor("figure[data-fig=network] canvas");
        p.page.click("[data-tool=step-through-backprop]");
        long start = p.step();
        String[] phases = {"Forward", "Loss", "Backward", "Update"};
        for (String phase : phases) {
            p.page.click("[data-action=next-phase]");
            p.page.waitForFunction("(n) => document.querySelector('.phases li.current')?.textContent === n", phase);
        }
        p.page.waitForFunction("(n) => Number(document.body.dataset.step) === n", (double) (start + 1));
        figureShots(p, "playground-backprop", "network");
        // the run bar's Step advances a phase too
        p.page.click("[data-action=step]");
        p.page.waitForFunction("() => document.querySelector('.phases li.current')?.textContent === 'Forward'");
        p.assertClean();
        p.close();
    }

    @Test
    void tappingThePlaneShowsTheTangentPlaneInMathMl() {
        Pages p = Pages.open(Browser.cpu(), 1280, 900, LAB + "&act=relu&hidden=6,6&regions=1").ready();
        p.waitForStep(300);
        Locator canvas = p.page.locator("figure[data-fig=boundary] canvas");
        var box = canvas.boundingBox();
        p.page.mouse().click(box.x + 34 + (box.width - 40) * 0.6, box.y + 8 + (box.width - 40) * 0.3);
        p.waitFor(".local-map math");
        assertTrue(p.page.textContent(".local-map").contains("Exact on this whole linear region"));
        assertTrue(p.page.textContent("figure[data-fig=boundary] figcaption").matches(".*\\d+ linear regions.*"));
        figureShots(p, "playground-regions", "boundary");
        p.assertClean();
        p.close();
    }

    @Test
    void multiclassAndRegressionDraw() {
        Pages p = Pages.open(Browser.cpu(), 1280, 900, LAB + "&data=spiral&classes=3&hidden=16,16&act=relu&opt=adam"
                + "&lr=0.01&show_test=1").ready();
        p.waitForStep(3000);
        figureShots(p, "playground-multiclass", "boundary", "confusion");
        p.close();
        p = Pages.open(Browser.cpu(), 1280, 900, LAB + "&data=multigauss&hidden=8,8&opt=adam&lr=0.01").ready();
        p.waitForStep(3000);
        figureShots(p, "playground-regression", "boundary", "network");
        p.assertClean();
        p.close();
    }

    @Test
    void runsWithAWebGpuAdapterToo() {
        Pages p = Pages.open(Browser.webgpu(), 1280, 900, LAB).ready();
        p.waitForStep(200);
        assertTrue(canvasColours(p).size() >= 4);
        p.assertClean();
        p.close();
    }
}
