package descent.e2e;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Makes the README's screenshots in web/screenshots/: the gallery and each lab after a few seconds of training, at
 * 1280 px (the first screenful) and 360 px. Not part of {@code mvn verify} (the name does not end in IT); run it with
 * {@code mvn verify -Dit.test=ReadmeShots -Dtest=skip -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReadmeShots {
    static final Path OUT = Path.of("web/screenshots");
    /** Lab, hash suffix, milliseconds of training before the picture. */
    static final List<String[]> SHOTS = List.of(
            new String[] {"playground", "&data=spiral&hidden=16,16,16&act=relu&opt=adam&lr=0.01&regions=1", "9000"},
            new String[] {"optimizers", "", "5000"},
            new String[] {"landscape", "", "12000"},
            new String[] {"mup-muon", "", "6000"},
            new String[] {"attention", "", "12000"},
            new String[] {"generative", "", "9000"});

    @Test
    void shoot() {
        Pages g = Pages.open(Browser.cpu(), 1280, 800, "index.html").ready();
        g.waitFor(".gallery a");
        g.page.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve("gallery.png")));
        g.close();
        for (String[] s : SHOTS) {
            for (int width : new int[] {1280, 360}) {
                Pages p = Pages.open(Browser.webgpu(), width, width > 500 ? 800 : 740,
                        "index.html#lab=" + s[0] + s[1]).ready();
                p.waitFor(".figures > *");
                p.page.waitForTimeout(Integer.parseInt(s[2]));
                p.page.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve(s[0] + "-" + width + ".png")));
                p.close();
            }
        }
    }
}
