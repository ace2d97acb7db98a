package descent.nn;

import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A piece of network with parameters and sub-modules, like PyTorch's nn.Module but without reflection. */
public abstract class Module {
    protected final Backend backend;
    private final String prefix;
    private final List<Parameter> own = new ArrayList<>();
    private final List<Module> children = new ArrayList<>();
    private boolean training = true;

    protected Module(Backend backend, String prefix) {
        this.backend = backend;
        this.prefix = prefix;
    }

    public abstract Tensor forward(Tensor x);

    protected Parameter param(String name, Role role, Tensor value, int fanIn, int fanOut, float lrScale) {
        Parameter p = new Parameter(prefix.isEmpty() ? name : prefix + "." + name, role, value, fanIn, fanOut, lrScale);
        own.add(p);
        return p;
    }

    protected <M extends Module> M child(M m) {
        children.add(m);
        return m;
    }

    /** Every parameter of this module and its children, in construction order. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(own);
        for (Module c : children) all.addAll(c.parameters());
        return Collections.unmodifiableList(all);
    }

    public int parameterCount() {
        int n = 0;
        for (Parameter p : parameters()) n += p.size();
        return n;
    }

    /** Training mode enables dropout; evaluation mode makes the forward pass deterministic. */
    public void setTraining(boolean on) {
        training = on;
        for (Module c : children) c.setTraining(on);
    }

    public boolean isTraining() {
        return training;
    }

    public String prefix() {
        return prefix;
    }

    protected static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** Values of a fresh weight tensor, drawn from the module's generator. */
    protected static float[] normal(Rng rng, int n, double std) {
        return rng.normals(n, std);
    }
}
