package descent.optim;

import descent.nn.Parameter;
import descent.tensor.UpdateRule;
import java.util.List;

/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms", Algorithm 2):
 * <pre>
 *   c <- b1 m + (1 - b1) g           interpolate momentum and gradient
 *   p <- p - lr (sign(c) + wd p)     every coordinate moves by exactly lr
 *   m <- b2 m + (1 - b2) g           the momentum is updated after, with a slower b2
 * </pre>
 * Kernel hyperparameters: [lr, b1, b2, wd].
 */
public final class Lion extends Optimizer {
    public float beta1 = 0.9f, beta2 = 0.99f;
    public float weightDecay;

    static final UpdateRule RULE = new UpdateRule() {
        public String kernel() { return "lion"; }
        public int stateCount() { return 1; }
        public void apply(float[] h, float[] p, float[] g, float[][] s, int n) {
            float lr = h[0], b1 = h[1], b2 = h[2], wd = h[3];
            float[] m = s[0];
            for (int i = 0; i < n; i++) {
                float c = b1 * m[i] + (1 - b1) * g[i];
                p[i] -= lr * (Math.signum(c) + wd * p[i]);
                m[i] = b2 * m[i] + (1 - b2) * g[i];
            }
        }
    };

    private final float[] h = new float[4];

    public Lion(List<Parameter> params, float lr) {
        super(params, lr);
    }

    @Override
    public String name() {
        return "Lion";
    }

    @Override
    protected void update(Parameter p, float lr) {
        h[0] = lr;
        h[1] = beta1;
        h[2] = beta2;
        h[3] = p.isMatrix() ? weightDecay : 0f;
        apply(RULE, h, p);
    }
}
