package descent.labs.attention;

import descent.ui.Dom;
import descent.ui.Fmt;
import java.util.function.Consumer;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLTextAreaElement;

/**
 * Paste your own text for the character-level task. The limit is stated up front and enforced by
 * {@link PastedText#check}; the text stays in the page (a link cannot carry 200 000 characters), and is only ever
 * put into the page as text, never as HTML.
 */
final class TextTool {
    private final HTMLTextAreaElement area;
    private final HTMLElement message;

    TextTool(HTMLElement parent, Consumer<String> submit) {
        HTMLElement box = Dom.add(parent, "section.attn-text-tool");
        Dom.add(box, "h2", "Your text");
        HTMLElement label = Dom.add(box, "label", "Paste any text to train a character model on it");
        label.setAttribute("for", "attn-text");
        area = (HTMLTextAreaElement) Dom.add(box, "textarea.attn-textarea");
        area.setId("attn-text");
        area.setAttribute("rows", "4");
        area.setAttribute("spellcheck", "false");
        Dom.add(box, "p.hint", "From " + PastedText.MIN_CHARS + " to " + Fmt.compact(PastedText.MAX_CHARS)
                + " characters, any script, at most " + PastedText.MAX_VOCAB + " different ones. It stays in this "
                + "page: links do not carry it.");
        Dom.button(box, "", "Train on this text", "Check the text and train the character model on it",
                () -> submit.accept(area.getValue())).setAttribute("data-action", "use-text");
        message = Dom.add(box, "p.attn-text-message");
        message.setAttribute("role", "status");
    }

    void message(String text, boolean problem) {
        Dom.text(message, text);
        Dom.toggleClass(message, "problem", problem);
    }
}
