package descent.optim;

import descent.nn.Parameter;
import descent.tensor.UpdateRule;
import java.util.List;

/**
 * RMSProp (Tieleman and Hinton 2012, Coursera lecture 6.5): s <- rho s + (1 - rho) g^2; p <- p - lr g / (sqrt(s) +
 * eps). AdaGrad with a forgetting average instead of a sum. Kernel hyperparameters: [lr, rho, eps].
 */
public final class RmsProp extends Optimizer {
    public float rho = 0.99f;
    public float eps = 1e-8f;

    static final UpdateRule RULE = new UpdateRule() {
        public String kernel() { return "rmsprop"; }
        public int stateCount() { return 1; }
        public void apply(float[] h, float[] p, float[] g, float[][] s, int n) {
            float lr = h[0], rho = h[1], eps = h[2];
            float[] sq = s[0];
            for (int i = 0; i < n; i++) {
                sq[i] = rho * sq[i] + (1 - rho) * g[i] * g[i];
                p[i] -= lr * g[i] / ((float) Math.sqrt(sq[i]) + eps);
            }
        }
    };

    private final float[] h = new float[3];

    public RmsProp(List<Parameter> params, float lr) {
        super(params, lr);
    }

    @Override
    public String name() {
        return "RMSProp";
    }

    @Override
    protected void update(Parameter p, float lr) {
        h[0] = lr;
        h[1] = rho;
        h[2] = eps;
        apply(RULE, h, p);
    }
}
