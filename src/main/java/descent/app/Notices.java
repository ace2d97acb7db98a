package descent.app;

import descent.ui.Dom;
import java.util.List;
import java.util.function.Consumer;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * What the page tells the user: notices (a value that was corrected, a fallback to the CPU), at most four and each
 * once, and the error banner (a divergence, a failure) with the one action that recovers. Banner actions go through
 * {@code post}, so they run on the run loop's thread like every other command.
 */
final class Notices {
    private final HTMLElement notices;
    private final HTMLElement banner;
    private final Consumer<Runnable> post;

    /** The banner and the notices, appended to {@code parent} in that order. */
    Notices(HTMLElement parent, Consumer<Runnable> post) {
        this.post = post;
        banner = Dom.add(parent, "div.banner.banner-error");
        banner.setHidden(true);
        banner.setAttribute("role", "alert");
        notices = Dom.add(parent, "div.notices");
        notices.setAttribute("aria-live", "polite");
    }

    void notice(String message, boolean problem) {
        // the same message again (a lab repeating itself while the user edits) is not news: keep one copy
        for (int i = 0; i < notices.getChildren().getLength(); i++) {
            HTMLElement old = (HTMLElement) notices.getChildren().item(i);
            if (message.equals(old.getAttribute("data-message"))) {
                return;
            }
        }
        while (notices.getChildren().getLength() >= 4) {
            notices.removeChild(notices.getFirstChild());
        }
        HTMLElement n = Dom.add(notices, problem ? "div.notice.notice-problem" : "div.notice");
        n.setAttribute("data-message", message);
        Dom.add(n, "span", message);
        Dom.button(n, "notice-close", "\u00d7", "Dismiss", () -> n.getParentNode().removeChild(n));
    }

    void noticeAll(List<String> list) {
        for (String n : list) {
            notice(n, true);
        }
    }

    void banner(String message, String actionLabel, Runnable action) {
        Dom.clear(banner);
        Dom.add(banner, "span", message);
        if (actionLabel != null) {
            Dom.button(banner, "", actionLabel, null, () -> post.accept(action));
        }
        banner.setHidden(false);
    }

    void clearBanner() {
        banner.setHidden(true);
    }
}
