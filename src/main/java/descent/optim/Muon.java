package descent.optim;

import descent.nn.Parameter;
import descent.nn.Role;
import descent.tensor.Tensor;
import descent.tensor.UpdateRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Muon (Jordan et al. 2024, "Muon: an optimizer for hidden layers in neural networks") for 2-D hidden weights:
 * <pre>
 *   m <- mu m + g                       momentum
 *   u = nesterov ? g + mu m : m
 *   O = NewtonSchulz(u)                 approximately U V^T of u = U S V^T: every singular value pushed to ~1
 *   p <- p - lr sqrt(max(1, fanOut / fanIn)) O - lr wd p
 * </pre>
 * The orthogonalised update is steepest descent under the spectral norm (Bernstein and Newhouse 2024), which is why
 * it suits matrices that map width to width. Every other parameter (input and output layers, biases, gains) is
 * trained by an inner {@link AdamW}; {@link #ruleFor} tells which rule each parameter gets.
 *
 * <p>Newton-Schulz runs as matmuls on the backend, never on the host.
 */
public final class Muon extends Optimizer {
    /** Jordan's quintic coefficients, tuned so the iteration's slope at 0 is large (3.4445) while it stays bounded. */
    public float a = 3.4445f, b = -4.7750f, c = 2.0315f;
    public int steps = 5;
    public float momentum = 0.95f;
    public boolean nesterov = true;
    public float weightDecay;
    private final AdamW adamw;
    private final List<Parameter> muonParams = new ArrayList<>();

    /** m <- mu m + g. Kernel hyperparameters: [mu]. */
    static final UpdateRule MOMENTUM = new UpdateRule() {
        public String kernel() { return "muon_momentum"; }
        public int stateCount() { return 1; }
        public void apply(float[] h, float[] p, float[] g, float[][] s, int n) {
            float mu = h[0];
            float[] m = s[0];
            for (int i = 0; i < n; i++) m[i] = mu * m[i] + g[i];
        }
    };

    /** p <- p - step o - decay p, where the "gradient" slot carries O. Kernel hyperparameters: [step, decay]. */
    static final UpdateRule APPLY = new UpdateRule() {
        public String kernel() { return "muon_apply"; }
        public int stateCount() { return 0; }
        public void apply(float[] h, float[] p, float[] o, float[][] s, int n) {
            float step = h[0], decay = h[1];
            for (int i = 0; i < n; i++) p[i] -= step * o[i] + decay * p[i];
        }
    };

    private final float[] hm = new float[1], ha = new float[2];

    /** {@code lr} for the Muon matrices (0.02 is typical), {@code adamLr} for everything else (3e-4 is typical). */
    public Muon(List<Parameter> params, float lr, float adamLr) {
        super(params, lr);
        List<Parameter> rest = new ArrayList<>();
        for (Parameter p : params) {
            if (usesMuon(p)) muonParams.add(p);
            else rest.add(p);
        }
        adamw = rest.isEmpty() ? null : new AdamW(rest, adamLr);
    }

    /** The assignment rule: 2-D weights in hidden roles. */
    public static boolean usesMuon(Parameter p) {
        return p.role == Role.HIDDEN && p.value.rank() == 2;
    }

    @Override
    public String name() {
        return "Muon";
    }

    @Override
    public String ruleFor(Parameter p) {
        return usesMuon(p) ? "Muon" : "AdamW";
    }

    /** The inner AdamW for non-hidden parameters, to tune its hyperparameters (null if every parameter uses Muon). */
    public AdamW adamw() {
        return adamw;
    }

    @Override
    public void step() {
        super.step();
        if (adamw != null) {
            adamw.schedule(schedule());
            adamw.step();
        }
    }

    @Override
    protected void update(Parameter p, float lr) {
        if (!usesMuon(p)) return; // the inner AdamW does these
        hm[0] = momentum;
        apply(MOMENTUM, hm, p);
        Tensor m = state(p, 1)[0];
        Tensor u = nesterov ? p.value.grad().add(m.mul(momentum)) : m;
        Tensor o = newtonSchulz(u, a, b, c, steps);
        ha[0] = lr * (float) Math.sqrt(Math.max(1.0, (double) p.fanOut / p.fanIn));
        ha[1] = lr * weightDecay;
        applyWith(APPLY, ha, p, o);
    }

    /**
     * Quintic Newton-Schulz iteration X <- a X + (b A + c A^2) X with A = X X^T, from X = G / ||G||_F. Each step maps
     * every singular value s to a s + b s^3 + c s^5 while keeping the singular vectors. It works on the wide
     * orientation (rows <= cols) so A is the smaller Gram matrix.
     */
    public static Tensor newtonSchulz(Tensor g, float a, float b, float c, int steps) {
        boolean tall = g.dim(0) > g.dim(1);
        Tensor x = tall ? g.transpose() : g;
        x = x.div(x.square().sum().sqrt().add(1e-7f));
        for (int i = 0; i < steps; i++) {
            Tensor gram = x.matmul(x.transpose());
            Tensor poly = gram.mul(b).add(gram.matmul(gram).mul(c));
            x = x.mul(a).add(poly.matmul(x));
        }
        return tall ? x.transpose() : x;
    }
}
