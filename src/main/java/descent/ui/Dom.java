package descent.ui;

import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Element construction in one place. Text always goes in through {@code textContent}: nothing a user or a URL
 * supplies is ever parsed as HTML.
 */
public final class Dom {
    private Dom() {
    }

    public static HTMLDocument doc() {
        return Window.current().getDocument();
    }

    /** {@code el("button.primary.big")} makes a button with two classes. */
    public static HTMLElement el(String tagAndClasses) {
        String[] parts = tagAndClasses.split("\\.");
        HTMLElement e = doc().createElement(parts[0]);
        if (parts.length > 1) {
            StringBuilder cls = new StringBuilder();
            for (int i = 1; i < parts.length; i++) {
                cls.append(i > 1 ? " " : "").append(parts[i]);
            }
            e.setClassName(cls.toString());
        }
        return e;
    }

    public static HTMLElement el(String tagAndClasses, String text) {
        HTMLElement e = el(tagAndClasses);
        text(e, text);
        return e;
    }

    public static HTMLElement add(HTMLElement parent, String tagAndClasses) {
        HTMLElement e = el(tagAndClasses);
        parent.appendChild(e);
        return e;
    }

    public static HTMLElement add(HTMLElement parent, String tagAndClasses, String text) {
        HTMLElement e = el(tagAndClasses, text);
        parent.appendChild(e);
        return e;
    }

    public static void text(HTMLElement e, String text) {
        e.setTextContent(text);
    }

    public static void clear(HTMLElement e) {
        while (e.getFirstChild() != null) {
            e.removeChild(e.getFirstChild());
        }
    }

    public static HTMLElement button(HTMLElement parent, String cls, String label, String title, Runnable action) {
        HTMLElement b = add(parent, "button" + (cls.isEmpty() ? "" : "." + cls), label);
        b.setAttribute("type", "button");
        if (title != null && !title.isEmpty()) {
            b.setAttribute("title", title);
            b.setAttribute("aria-label", title);
        }
        if (action != null) {
            on(b, "click", action);
        }
        return b;
    }

    public static void on(HTMLElement e, String type, Runnable action) {
        e.addEventListener(type, (EventListener<Event>) evt -> action.run());
    }

    public static void attr(HTMLElement e, String name, String value) {
        e.setAttribute(name, value);
    }

    public static void toggleClass(HTMLElement e, String cls, boolean on) {
        if (on) {
            e.getClassList().add(cls);
        } else {
            e.getClassList().remove(cls);
        }
    }

    public static HTMLElement body() {
        return doc().getBody();
    }
}
