package descent.optim;

import descent.nn.Parameter;
import descent.tensor.UpdateRule;
import java.util.List;

/**
 * Nesterov's accelerated gradient in the form of Sutskever et al. 2013 (as PyTorch writes it): v <- mu v + g;
 * p <- p - lr (g + mu v), i.e. the step looks ahead along the updated velocity. Kernel hyperparameters: [lr, mu, wd].
 */
public final class Nesterov extends Optimizer {
    public float momentum;
    public float weightDecay;

    static final UpdateRule RULE = new UpdateRule() {
        public String kernel() { return "nesterov"; }
        public int stateCount() { return 1; }
        public void apply(float[] h, float[] p, float[] g, float[][] s, int n) {
            float lr = h[0], mu = h[1], wd = h[2];
            float[] v = s[0];
            for (int i = 0; i < n; i++) {
                float gi = g[i] + wd * p[i];
                v[i] = mu * v[i] + gi;
                p[i] -= lr * (gi + mu * v[i]);
            }
        }
    };

    private final float[] h = new float[3];

    public Nesterov(List<Parameter> params, float lr, float momentum) {
        super(params, lr);
        this.momentum = momentum;
    }

    @Override
    public String name() {
        return "Nesterov";
    }

    @Override
    protected void update(Parameter p, float lr) {
        h[0] = lr;
        h[1] = momentum;
        h[2] = weightDecay;
        apply(RULE, h, p);
    }
}
