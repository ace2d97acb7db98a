package descent.app;

import descent.labs.LabSpec;
import descent.ui.Dom;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/** The front page: one card per lab, in syllabus order. */
final class Gallery {
    private Gallery() {
    }

    static void show(HTMLElement app, Registry registry, List<String> notices) {
        Dom.clear(app);
        Dom.doc().setTitle("Descent \u2014 a visual lab for deep learning");
        HTMLElement intro = Dom.add(app, "section.intro");
        Dom.add(intro, "h1", "Train real networks, live, in your browser.");
        Dom.add(intro, "p", "Each lab follows a lecture of a university deep-learning course. Nothing to install: "
                + "the networks train on your GPU through WebGPU, or on the CPU where WebGPU is missing. Every "
                + "setting lives in the link, so you can share or embed exactly what you see.");
        for (String n : notices) {
            HTMLElement box = Dom.add(app, "div.notice.notice-problem");
            Dom.add(box, "span", n);
        }
        HTMLElement grid = Dom.add(app, "ul.gallery");
        grid.setAttribute("aria-label", "Labs");
        for (LabSpec spec : registry.gallery()) {
            HTMLElement li = Dom.add(grid, "li.card");
            li.setAttribute("data-card", spec.id());
            HTMLElement a = Dom.add(li, "a.card-link");
            a.setAttribute("href", "#lab=" + spec.id());
            HTMLElement img = Dom.add(a, "img.thumb");
            img.setAttribute("src", "thumbs/" + spec.id() + ".svg");
            img.setAttribute("alt", "");
            img.setAttribute("width", "320");
            img.setAttribute("height", "180");
            HTMLElement text = Dom.add(a, "div.card-text");
            Dom.add(text, "span.lecture", spec.lecture());
            Dom.add(text, "h2", spec.title());
            Dom.add(text, "p", spec.pitch());
        }
    }
}
