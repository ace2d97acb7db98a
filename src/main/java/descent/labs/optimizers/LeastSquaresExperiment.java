package descent.labs.optimizers;

import descent.nn.Parameter;
import descent.nn.Role;
import descent.optim.Optimizer;
import descent.optim.Schedule;
import descent.tensor.Backend;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Implicit regularization on an underdetermined least-squares problem, min ½‖Ax − b‖² with A of shape (M, N) and
 * M < N: infinitely many x fit exactly, and which one an optimizer returns is decided by the optimizer, not the loss.
 * Gradient descent (and heavy ball) only ever move along the rows of A, so from x₀ they land on the exact fit closest
 * to x₀ in ℓ2 — from zero, the minimum-norm solution A⁺b. Sign descent moves every coordinate by the same amount and
 * lands elsewhere (in 2-D from zero: the minimum-ℓ∞ solution); Adam behaves like it.
 *
 * <p>Each method runs in the engine on its own copy of x. GD and heavy ball use a constant step 1/L scaled by the
 * lab's knob (L = largest eigenvalue of AᵀA); sign descent and Adam use a cosine decay so they settle instead of
 * rattling around the solution set.
 */
public final class LeastSquaresExperiment {
    public static final List<Method> METHODS = List.of(Method.GD, Method.MOMENTUM, Method.ADAM, Method.SIGN);

    public final int m, n;
    // A: (M, N) row-major; b: (M); x0: (N)
    public final double[] a, b, x0;
    /** The exact fit closest to x₀: x₀ + Aᵀ(AAᵀ)⁻¹(b − Ax₀). From x₀ = 0 it is A⁺b, the minimum-norm solution. */
    public final double[] closestSolution;
    public final double smoothness;
    public final int maxSteps;
    private final Tensor aT, bT;
    private final List<Parameter> xs = new ArrayList<>();
    private final List<Optimizer> opts = new ArrayList<>();
    // x after each step, per method: (methods, T + 1, N)
    private final List<float[][]> paths = new ArrayList<>();
    private int steps;

    public LeastSquaresExperiment(Backend backend, double[] a, double[] b, double[] x0, int m, int n, double lrScale,
            double signLr, int maxSteps) {
        this.a = a;
        this.b = b;
        this.x0 = x0;
        this.m = m;
        this.n = n;
        this.maxSteps = maxSteps;
        closestSolution = closestSolution(a, b, x0, m, n);
        smoothness = largestEigenvalueOfGram(a, m, n);
        aT = Tensor.of(backend, toFloat(a), m, n).persistent();
        bT = Tensor.of(backend, toFloat(b), m, 1).persistent();
        for (Method method : METHODS) {
            Parameter x = new Parameter("x_" + method.key, Role.HIDDEN, Tensor.of(backend, toFloat(x0), n, 1), n, 1,
                    1f);
            // heavy ball with β = 0.9 takes steps 1/(1 − β) = 10× its lr in the long run: scale it to match GD's
            double lr = method == Method.GD ? lrScale / smoothness
                    : method == Method.MOMENTUM ? lrScale / smoothness * (1 - 0.9) : signLr;
            Optimizer o = new Method.Setting(method, lr, 0.9, 0.999).build(List.of(x));
            if (method.scaleFree()) o.schedule(Schedule.cosine(maxSteps, 0.001f));
            xs.add(x);
            opts.add(o);
            float[][] path = new float[maxSteps + 1][];
            path[0] = x.value.toHost();
            paths.add(path);
        }
    }

    /** One step of every method. */
    public void step() {
        if (done()) return;
        steps++;
        for (int k = 0; k < xs.size(); k++) {
            Parameter x = xs.get(k);
            try (Scope s = Scope.open()) {
                opts.get(k).zeroGrad();
                aT.matmul(x.value).sub(bT).square().sum().mul(0.5f).backward();
                opts.get(k).step();
            }
            paths.get(k)[steps] = x.value.toHost();
        }
    }

    public boolean done() {
        return steps >= maxSteps;
    }

    public int steps() {
        return steps;
    }

    /** Method k's x after t steps: (N) */
    public float[] at(int k, int t) {
        return paths.get(k)[Math.min(t, steps)];
    }

    /** Method k's current x. */
    public float[] solution(int k) {
        return at(k, steps);
    }

    /** ‖Ax − b‖. */
    public double residual(float[] x) {
        double s = 0;
        for (int i = 0; i < m; i++) {
            double r = -b[i];
            for (int j = 0; j < n; j++) r += a[i * n + j] * x[j];
            s += r * r;
        }
        return Math.sqrt(s);
    }

    /** ‖x − closest solution‖₂. */
    public double distanceToClosest(float[] x) {
        double s = 0;
        for (int j = 0; j < n; j++) s += (x[j] - closestSolution[j]) * (x[j] - closestSolution[j]);
        return Math.sqrt(s);
    }

    /** ‖x‖₁, ‖x‖₂, ‖x‖∞. */
    public static double[] norms(float[] x) {
        double l1 = 0, l2 = 0, inf = 0;
        for (float v : x) {
            l1 += Math.abs(v);
            l2 += (double) v * v;
            inf = Math.max(inf, Math.abs(v));
        }
        return new double[] {l1, Math.sqrt(l2), inf};
    }

    public static double[] norms(double[] x) {
        float[] f = toFloat(x);
        return norms(f);
    }

    /** x₀ + Aᵀ(AAᵀ)⁻¹(b − Ax₀): the projection of x₀ onto the solution set (A must have full row rank). */
    public static double[] closestSolution(double[] a, double[] b, double[] x0, int m, int n) {
        double[] gram = new double[m * m], r = new double[m];
        for (int i = 0; i < m; i++) {
            r[i] = b[i];
            for (int j = 0; j < n; j++) r[i] -= a[i * n + j] * x0[j];
            for (int k = 0; k < m; k++) {
                double s = 0;
                for (int j = 0; j < n; j++) s += a[i * n + j] * a[k * n + j];
                gram[i * m + k] = s;
            }
        }
        double[] z = solve(gram, r, m);
        double[] x = x0.clone();
        for (int j = 0; j < n; j++) for (int i = 0; i < m; i++) x[j] += a[i * n + j] * z[i];
        return x;
    }

    /** Gaussian elimination with partial pivoting on a small dense system; the inputs are copied. */
    static double[] solve(double[] mat, double[] rhs, int m) {
        double[] g = mat.clone(), r = rhs.clone();
        for (int c = 0; c < m; c++) {
            int piv = c;
            for (int i = c + 1; i < m; i++) if (Math.abs(g[i * m + c]) > Math.abs(g[piv * m + c])) piv = i;
            for (int k = 0; k < m; k++) {
                double t = g[c * m + k];
                g[c * m + k] = g[piv * m + k];
                g[piv * m + k] = t;
            }
            double t = r[c];
            r[c] = r[piv];
            r[piv] = t;
            for (int i = c + 1; i < m; i++) {
                double f = g[i * m + c] / g[c * m + c];
                for (int k = c; k < m; k++) g[i * m + k] -= f * g[c * m + k];
                r[i] -= f * r[c];
            }
        }
        double[] z = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double s = r[i];
            for (int k = i + 1; k < m; k++) s -= g[i * m + k] * z[k];
            z[i] = s / g[i * m + i];
        }
        return z;
    }

    /** L, the largest eigenvalue of AᵀA (= of AAᵀ), by power iteration on the small M×M Gram matrix. */
    static double largestEigenvalueOfGram(double[] a, int m, int n) {
        double[] v = new double[m];
        java.util.Arrays.fill(v, 1);
        double lambda = 0;
        for (int it = 0; it < 200; it++) {
            double[] w = new double[m];
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < m; k++) {
                    double s = 0;
                    for (int j = 0; j < n; j++) s += a[i * n + j] * a[k * n + j];
                    w[i] += s * v[k];
                }
            }
            double norm = 0;
            for (double x : w) norm += x * x;
            norm = Math.sqrt(norm);
            if (norm == 0) return 1;
            for (int i = 0; i < m; i++) v[i] = w[i] / norm;
            lambda = norm;
        }
        return lambda;
    }

    static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    public void release() {
        for (Optimizer o : opts) o.reset();
        for (Parameter x : xs) x.value.release();
        aT.release();
        bT.release();
    }
}
