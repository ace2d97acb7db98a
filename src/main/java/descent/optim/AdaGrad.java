package descent.optim;

import descent.nn.Parameter;
import descent.tensor.UpdateRule;
import java.util.List;

/**
 * AdaGrad (Duchi, Hazan and Singer 2011): G <- G + g^2; p <- p - lr g / (sqrt(G) + eps). Each coordinate's step
 * shrinks with the total squared gradient it has seen. Kernel hyperparameters: [lr, eps].
 */
public final class AdaGrad extends Optimizer {
    public float eps = 1e-10f;

    static final UpdateRule RULE = new UpdateRule() {
        public String kernel() { return "adagrad"; }
        public int stateCount() { return 1; }
        public void apply(float[] h, float[] p, float[] g, float[][] s, int n) {
            float lr = h[0], eps = h[1];
            float[] sum = s[0];
            for (int i = 0; i < n; i++) {
                sum[i] += g[i] * g[i];
                p[i] -= lr * g[i] / ((float) Math.sqrt(sum[i]) + eps);
            }
        }
    };

    private final float[] h = new float[2];

    public AdaGrad(List<Parameter> params, float lr) {
        super(params, lr);
    }

    @Override
    public String name() {
        return "AdaGrad";
    }

    @Override
    protected void update(Parameter p, float lr) {
        h[0] = lr;
        h[1] = eps;
        apply(RULE, h, p);
    }
}
