package descent.optim;

import descent.nn.Parameter;
import descent.tensor.UpdateRule;
import java.util.List;

/**
 * Heavy-ball momentum (Polyak 1964): v <- mu v + g; p <- p - lr v. Unrolled, p_{t+1} = p_t - lr g_t + mu (p_t -
 * p_{t-1}): the ball keeps a fraction mu of its last displacement. On a quadratic with condition number kappa and the
 * tuned lr and mu, the error shrinks like ((sqrt kappa - 1) / (sqrt kappa + 1))^t. Kernel hyperparameters: [lr, mu, wd].
 */
public final class Momentum extends Optimizer {
    public float momentum;
    public float weightDecay;

    static final UpdateRule RULE = new UpdateRule() {
        public String kernel() { return "momentum"; }
        public int stateCount() { return 1; }
        public void apply(float[] h, float[] p, float[] g, float[][] s, int n) {
            float lr = h[0], mu = h[1], wd = h[2];
            float[] v = s[0];
            for (int i = 0; i < n; i++) {
                v[i] = mu * v[i] + (g[i] + wd * p[i]);
                p[i] -= lr * v[i];
            }
        }
    };

    private final float[] h = new float[3];

    public Momentum(List<Parameter> params, float lr, float momentum) {
        super(params, lr);
        this.momentum = momentum;
    }

    @Override
    public String name() {
        return "Momentum";
    }

    @Override
    protected void update(Parameter p, float lr) {
        h[0] = lr;
        h[1] = momentum;
        h[2] = weightDecay;
        apply(RULE, h, p);
    }
}
