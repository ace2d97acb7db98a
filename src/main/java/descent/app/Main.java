package descent.app;

import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLDocument;

public final class Main {
    public static void main(String[] args) {
        HTMLDocument doc = Window.current().getDocument();
        doc.getBody().setAttribute("data-state", "ready");
        doc.getBody().appendChild(doc.createTextNode("hello from wasm"));
    }
}
