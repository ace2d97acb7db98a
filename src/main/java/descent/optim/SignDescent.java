package descent.optim;

import descent.nn.Parameter;
import descent.tensor.UpdateRule;
import java.util.List;

/**
 * Sign descent (signSGD, Bernstein et al. 2018): p <- p - lr sign(g). Steepest descent under the infinity norm: every
 * coordinate moves by lr whatever the gradient's size. Kernel hyperparameters: [lr].
 */
public final class SignDescent extends Optimizer {
    static final UpdateRule RULE = new UpdateRule() {
        public String kernel() { return "sign_descent"; }
        public int stateCount() { return 0; }
        public void apply(float[] h, float[] p, float[] g, float[][] s, int n) {
            float lr = h[0];
            for (int i = 0; i < n; i++) p[i] -= lr * Math.signum(g[i]);
        }
    };

    private final float[] h = new float[1];

    public SignDescent(List<Parameter> params, float lr) {
        super(params, lr);
    }

    @Override
    public String name() {
        return "Sign descent";
    }

    @Override
    protected void update(Parameter p, float lr) {
        h[0] = lr;
        apply(RULE, h, p);
    }
}
