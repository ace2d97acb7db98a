package descent.app;

import descent.labs.HashState;
import descent.ui.Dom;
import descent.ui.Js;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLTextAreaElement;

/** "Copy link" and "Copy embed code": the current state as a URL and as an iframe snippet for a course page. */
final class ShareBox {
    ShareBox(Shell shell, HTMLElement box) {
        HTMLElement details = Dom.add(box, "details.share-details");
        Dom.add(details, "summary", "Share or embed this state");
        Dom.add(details, "p.hint", "The link and the snippet carry every setting and the seed. Add "
                + "knob_hide=1 to the hash to lock a control (e.g. lr_hide=1).");
        HTMLTextAreaElement link = field(details, "Link", "share-link");
        HTMLTextAreaElement code = field(details, "Embed code", "embed-code");
        Runnable refresh = () -> {
            String hash = HashState.format(shell.params, shell.hidden);
            link.setValue(Js.baseUrl() + "index.html#" + hash);
            code.setValue(snippet(Js.baseUrl(), hash, shell.params.spec().title()));
        };
        Dom.on(details, "toggle", refresh);
        HTMLElement row = Dom.add(details, "div.share-actions");
        Dom.button(row, "", "Copy link", "Copy a link to this exact state", () -> {
            refresh.run();
            copy(link);
        }).setAttribute("data-action", "copy-link");
        Dom.button(row, "", "Copy embed code", "Copy an iframe snippet for a course page", () -> {
            refresh.run();
            copy(code);
        }).setAttribute("data-action", "copy-embed");
        refresh.run();
    }

    /** The iframe for a course page: lazy, responsive width, a height that fits most labs before resize messages. */
    static String snippet(String base, String hash, String title) {
        return "<iframe src=\"" + base + "embed.html#" + hash.replace("&", "&amp;").replace("\"", "%22")
                + "\" title=\"Descent: " + title + "\" width=\"100%\" height=\"720\" loading=\"lazy\" "
                + "style=\"border:0;max-width:100%\" allow=\"fullscreen\"></iframe>";
    }

    private static HTMLTextAreaElement field(HTMLElement parent, String label, String cls) {
        HTMLElement l = Dom.add(parent, "label.share-field", label);
        HTMLTextAreaElement t = (HTMLTextAreaElement) Dom.add(l, "textarea." + cls);
        t.setAttribute("readonly", "");
        t.setAttribute("rows", "2");
        t.setAttribute("spellcheck", "false");
        return t;
    }

    private static void copy(HTMLTextAreaElement t) {
        t.focus();
        t.select();
        if (!Js.copyText(t.getValue())) {
            Dom.doc().execCommand("copy");
        }
    }
}
