package descent.labs.generative;

import descent.labs.Params;
import descent.tensor.Backend;
import descent.ui.LabContext;
import java.util.function.Supplier;
import org.teavm.jso.dom.html.HTMLElement;

final class FlowSection implements Section {
    FlowSection(LabContext ctx, HTMLElement root, Supplier<Backend> backend) {
    }

    public void reset(Params p) { }
    public void update(Params p) { }
    public void step() { }
    public long steps() { return 0; }
    public String divergence() { return null; }
    public void render() { }
    public void release() { }
}
