package descent.optim;

import descent.nn.Parameter;
import descent.tensor.UpdateRule;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015, Algorithm 1), with optional L2 weight decay added to the gradient (the coupled form that
 * {@link AdamW} fixes):
 * <pre>
 *   m <- b1 m + (1 - b1) g            first moment
 *   v <- b2 v + (1 - b2) g^2          second moment
 *   m^ = m / (1 - b1^t), v^ = v / (1 - b2^t)    bias corrections, computed on the host per step
 *   p <- p - lr m^ / (sqrt(v^) + eps)
 * </pre>
 * Kernel hyperparameters: [lr, b1, b2, eps, 1 - b1^t, 1 - b2^t, wd].
 */
public final class Adam extends Optimizer {
    public float beta1 = 0.9f, beta2 = 0.999f, eps = 1e-8f;
    public float weightDecay;

    static final UpdateRule RULE = new UpdateRule() {
        public String kernel() { return "adam"; }
        public int stateCount() { return 2; }
        public void apply(float[] h, float[] p, float[] g, float[][] s, int n) {
            float lr = h[0], b1 = h[1], b2 = h[2], eps = h[3], c1 = h[4], c2 = h[5], wd = h[6];
            float[] m = s[0], v = s[1];
            for (int i = 0; i < n; i++) {
                float gi = g[i] + wd * p[i];
                m[i] = b1 * m[i] + (1 - b1) * gi;
                v[i] = b2 * v[i] + (1 - b2) * gi * gi;
                float mHat = m[i] / c1, vHat = v[i] / c2;
                p[i] -= lr * mHat / ((float) Math.sqrt(vHat) + eps);
            }
        }
    };

    private final float[] h = new float[7];

    public Adam(List<Parameter> params, float lr) {
        super(params, lr);
    }

    @Override
    public String name() {
        return "Adam";
    }

    @Override
    protected void update(Parameter p, float lr) {
        h[0] = lr;
        h[1] = beta1;
        h[2] = beta2;
        h[3] = eps;
        h[4] = (float) (1 - Math.pow(beta1, t));
        h[5] = (float) (1 - Math.pow(beta2, t));
        h[6] = weightDecay;
        apply(RULE, h, p);
    }
}
