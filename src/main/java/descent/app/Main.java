package descent.app;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.typedarrays.Float32Array;

public final class Main {
    public static void main(String[] args) {
        HTMLDocument doc = Window.current().getDocument();
        doc.getBody().setAttribute("data-state", "ready");
        FloatBuffer fb = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder()).asFloatBuffer();
        Float32Array a = Float32Array.fromJavaBuffer(fb);
        doc.getBody().appendChild(doc.createTextNode("hello from wasm " + a.getLength()));
        Window.current().requestAnimationFrame(t -> doc.getBody().setAttribute("data-step", "1"));
    }
}
