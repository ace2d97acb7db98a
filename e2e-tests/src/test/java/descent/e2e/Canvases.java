package descent.e2e;

import com.microsoft.playwright.Locator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** "Non-blank" judged from pixels on screen, so it works for Canvas2D and WebGPU canvases alike. */
public final class Canvases {
    private Canvases() {
    }

    /** Distinct colours (quantised to 4 bits per channel) in an element's screenshot. */
    public static int colours(Locator element) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(element.screenshot()));
            Set<Integer> seen = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 2) {
                for (int x = 0; x < img.getWidth(); x += 2) {
                    seen.add(img.getRGB(x, y) >> 4 & 0x0f0f0f);
                }
            }
            return seen.size();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every visible canvas in the lab's figures shows something (at least a few colours) within seconds. */
    public static void assertNonBlank(Pages p, String lab) {
        Locator canvases = p.page.locator(".figures canvas");
        int n = canvases.count();
        if (n == 0) {
            throw new AssertionError(lab + ": no canvas in the figures");
        }
        for (int i = 0; i < n; i++) {
            Locator c = canvases.nth(i);
            if (!c.isVisible() || c.boundingBox() == null || c.boundingBox().width < 8
                    || c.boundingBox().height < 8) {
                continue;
            }
            c.scrollIntoViewIfNeeded();
            int colours = colours(c);
            // a figure may still be computing its first picture (a loss-landscape slice): give it 30 s to appear
            for (long end = System.currentTimeMillis() + 30_000; colours < 3 && System.currentTimeMillis() < end; ) {
                p.page.waitForTimeout(500);
                colours = colours(c);
            }
            if (colours < 3) {
                throw new AssertionError(lab + ": canvas " + i + " looks blank (" + colours + " colours)");
            }
        }
    }
}
