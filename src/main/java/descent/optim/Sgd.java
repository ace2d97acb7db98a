package descent.optim;

import descent.nn.Parameter;
import descent.tensor.UpdateRule;
import java.util.List;

/**
 * Stochastic gradient descent (Robbins and Monro 1951): p <- p - lr (g + wd p), with weight decay as an L2 term.
 * Hyperparameters in the kernel: [lr, wd].
 */
public final class Sgd extends Optimizer {
    public float weightDecay;

    static final UpdateRule RULE = new UpdateRule() {
        public String kernel() { return "sgd"; }
        public int stateCount() { return 0; }
        public void apply(float[] h, float[] p, float[] g, float[][] s, int n) {
            float lr = h[0], wd = h[1];
            for (int i = 0; i < n; i++) p[i] -= lr * (g[i] + wd * p[i]);
        }
    };

    private final float[] h = new float[2];

    public Sgd(List<Parameter> params, float lr) {
        super(params, lr);
    }

    @Override
    public String name() {
        return "SGD";
    }

    @Override
    protected void update(Parameter p, float lr) {
        h[0] = lr;
        h[1] = weightDecay;
        apply(RULE, h, p);
    }
}
