package descent.optim;

import descent.nn.Parameter;
import descent.tensor.Autograd;
import descent.tensor.Backend;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import descent.tensor.UpdateRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * What all optimizers share: the parameter list, the learning rate and its schedule, the step counter, per-parameter
 * state tensors (allocated on first use, persistent), and running an {@link UpdateRule} as one backend call per
 * parameter. Subclasses write only their update, as their paper writes it.
 */
public abstract class Optimizer {
    protected final List<Parameter> params;
    protected final Backend backend;
    protected float lr;
    private Schedule schedule = Schedule.constant();
    /** Steps taken so far; during {@link #update} it counts the current step (1 for the first, as in Adam's paper). */
    protected int t;
    private final HashMap<Parameter, Tensor[]> state = new HashMap<>();
    private final HashMap<Parameter, Buffers> buffers = new HashMap<>();

    private static final class Buffers {
        final descent.tensor.Buffer[] b;

        Buffers(Tensor[] s) {
            b = new descent.tensor.Buffer[s.length];
            for (int i = 0; i < s.length; i++) b[i] = s[i].buffer();
        }
    }

    protected Optimizer(List<Parameter> params, float lr) {
        if (params.isEmpty()) throw new IllegalArgumentException("no parameters to optimize");
        this.params = new ArrayList<>(params);
        this.backend = params.get(0).value.backend;
        this.lr = lr;
    }

    /** Short name shown in labs ("Adam", "Muon"). */
    public abstract String name();

    /** Updates one parameter whose gradient is ready; {@code lr} already includes the schedule and lrScale. */
    protected abstract void update(Parameter p, float lr);

    /** One optimization step over every parameter that received a gradient. */
    public void step() {
        t++;
        float now = lr * schedule.factor(t - 1);
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            for (Parameter p : params) {
                if (p.value.hasGrad()) update(p, now * p.lrScale);
            }
        }
    }

    public void zeroGrad() {
        for (Parameter p : params) p.value.zeroGrad();
    }

    /** Which rule updates this parameter (for optimizers that mix rules, see {@link Muon}). */
    public String ruleFor(Parameter p) {
        return name();
    }

    public List<Parameter> parameters() {
        return params;
    }

    public float learningRate() {
        return lr;
    }

    public Optimizer learningRate(float v) {
        lr = v;
        return this;
    }

    public Optimizer schedule(Schedule s) {
        schedule = s;
        return this;
    }

    public Schedule schedule() {
        return schedule;
    }

    public int stepsTaken() {
        return t;
    }

    /** The state tensors of a parameter, zero-initialised on first use. */
    protected Tensor[] state(Parameter p, int count) {
        Tensor[] s = state.get(p);
        if (s == null) {
            s = new Tensor[count];
            for (int i = 0; i < count; i++) s[i] = Tensor.zeros(backend, p.value.shape()).persistent();
            state.put(p, s);
            buffers.put(p, new Buffers(s));
        }
        return s;
    }

    /** Runs an elementwise rule on a parameter, its gradient and its state: one backend call. */
    protected void apply(UpdateRule rule, float[] hyper, Parameter p) {
        state(p, rule.stateCount());
        backend.update(rule, hyper, p.value.buffer(), p.value.gradBuffer(), buffers.get(p).b, p.size());
    }

    /** Like {@link #apply} but with a direction other than the raw gradient (Muon's orthogonalised momentum). */
    protected void applyWith(UpdateRule rule, float[] hyper, Parameter p, Tensor direction) {
        state(p, rule.stateCount());
        backend.update(rule, hyper, p.value.buffer(), direction.buffer(), buffers.get(p).b, p.size());
    }

    /** Bytes of optimizer state (what Adam costs over SGD). */
    public long stateBytes() {
        long n = 0;
        for (Tensor[] s : state.values()) for (Tensor x : s) n += 4L * x.size;
        return n;
    }

    /** Forgets all state and the step count, e.g. when a lab resets. */
    public void reset() {
        for (Tensor[] s : state.values()) for (Tensor x : s) x.release();
        state.clear();
        buffers.clear();
        t = 0;
    }
}
