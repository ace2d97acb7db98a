package descent.optim;

import descent.nn.Parameter;
import descent.tensor.UpdateRule;
import java.util.List;

/**
 * AdamW (Loshchilov and Hutter 2019, Algorithm 2): Adam with weight decay decoupled from the adaptive step,
 * <pre>
 *   m <- b1 m + (1 - b1) g;  v <- b2 v + (1 - b2) g^2
 *   p <- p - lr (m^ / (sqrt(v^) + eps) + wd p)
 * </pre>
 * so decay shrinks every weight at the same relative rate instead of being divided by sqrt(v^). The decay is scaled by
 * the (scheduled) learning rate, as in PyTorch. Kernel hyperparameters: [lr, b1, b2, eps, 1 - b1^t, 1 - b2^t, wd].
 */
public final class AdamW extends Optimizer {
    public float beta1 = 0.9f, beta2 = 0.999f, eps = 1e-8f;
    public float weightDecay = 0.01f;

    static final UpdateRule RULE = new UpdateRule() {
        public String kernel() { return "adamw"; }
        public int stateCount() { return 2; }
        public void apply(float[] h, float[] p, float[] g, float[][] s, int n) {
            float lr = h[0], b1 = h[1], b2 = h[2], eps = h[3], c1 = h[4], c2 = h[5], wd = h[6];
            float[] m = s[0], v = s[1];
            for (int i = 0; i < n; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                float mHat = m[i] / c1, vHat = v[i] / c2;
                p[i] -= lr * (mHat / ((float) Math.sqrt(vHat) + eps) + wd * p[i]);
            }
        }
    };

    private final float[] h = new float[7];

    public AdamW(List<Parameter> params, float lr) {
        super(params, lr);
    }

    @Override
    public String name() {
        return "AdamW";
    }

    @Override
    protected void update(Parameter p, float lr) {
        h[0] = lr;
        h[1] = beta1;
        h[2] = beta2;
        h[3] = eps;
        h[4] = (float) (1 - Math.pow(beta1, t));
        h[5] = (float) (1 - Math.pow(beta2, t));
        // norm gains and biases are conventionally not decayed
        h[6] = p.isMatrix() ? weightDecay : 0f;
        apply(RULE, h, p);
    }
}
