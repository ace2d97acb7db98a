package descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.nn.Parameter;
import descent.nn.Role;
import descent.tensor.Backend;
import descent.tensor.CpuBackend;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every optimizer against its update written out by hand. The problem is f(p) = (1/2)(p1^2 + 4 p2^2) from
 * p = (1, -0.5), so g = (p1, 4 p2) and the first gradient is (1, -2).
 */
class OptimizerTest {
    final Backend be = new CpuBackend();
    static final double[] CURV = {1, 4};

    Parameter start() {
        return new Parameter("p", Role.HIDDEN, Tensor.of(be, new float[] {1f, -0.5f}, 1, 2), 1, 2, 1f);
    }

    /** Runs three steps and returns the three iterates (3, 2). */
    double[][] run(Function<List<Parameter>, Optimizer> make) {
        Parameter p = start();
        Optimizer opt = make.apply(List.of(p));
        Tensor curvature = Tensor.of(be, new float[] {1, 4}, 2);
        double[][] out = new double[3][];
        for (int t = 0; t < 3; t++) {
            try (Scope s = Scope.open()) {
                opt.zeroGrad();
                p.value.square().mul(curvature).sum().mul(0.5f).backward();
                opt.step();
            }
            float[] v = p.value.toHost();
            out[t] = new double[] {v[0], v[1]};
        }
        return out;
    }

    static void near(double[][] expected, double[][] actual, String what) {
        for (int t = 0; t < 3; t++) {
            for (int i = 0; i < 2; i++) {
                assertEquals(expected[t][i], actual[t][i], 1e-6 * (1 + Math.abs(expected[t][i])),
                        what + " step " + (t + 1) + " coordinate " + i);
            }
        }
    }

    @Test
    void sgdByHand() {
        // p <- p - 0.1 g: (1, -0.5) -> (0.9, -0.3) -> (0.81, -0.18) -> (0.729, -0.108)
        near(new double[][] {{0.9, -0.3}, {0.81, -0.18}, {0.729, -0.108}}, run(ps -> new Sgd(ps, 0.1f)), "SGD");
    }

    @Test
    void momentumByHand() {
        // v1 = g0 = (1, -2), p1 = (0.9, -0.3); g1 = (0.9, -1.2), v2 = 0.9 v1 + g1 = (1.8, -3.0), p2 = (0.72, 0);
        // g2 = (0.72, 0), v3 = (2.34, -2.7), p3 = (0.486, 0.27)
        near(new double[][] {{0.9, -0.3}, {0.72, 0.0}, {0.486, 0.27}}, run(ps -> new Momentum(ps, 0.1f, 0.9f)),
                "heavy ball");
    }

    @Test
    void nesterovByHand() {
        // v1 = (1, -2), p1 = p0 - 0.1 (g0 + 0.9 v1) = (0.81, -0.12); g1 = (0.81, -0.48), v2 = (1.71, -2.28),
        // p2 = p1 - 0.1 (g1 + 0.9 v2) = (0.5751, 0.1332); g2 = (0.5751, 0.5328), v3 = (2.1141, -1.5192),
        // p3 = p2 - 0.1 (g2 + 0.9 v3) = (0.327321, 0.216648)
        near(new double[][] {{0.81, -0.12}, {0.5751, 0.1332}, {0.327321, 0.216648}},
                run(ps -> new Nesterov(ps, 0.1f, 0.9f)), "Nesterov");
    }

    @Test
    void adagradByHand() {
        double[][] e = new double[3][];
        double[] p = {1, -0.5}, sum = new double[2];
        for (int t = 0; t < 3; t++) {
            for (int i = 0; i < 2; i++) {
                double g = CURV[i] * p[i];
                sum[i] += g * g;
                p[i] -= 0.1 * g / (Math.sqrt(sum[i]) + 1e-10);
            }
            e[t] = p.clone();
        }
        // first step moves each coordinate by exactly lr: (0.9, -0.4)
        assertEquals(0.9, e[0][0], 1e-9);
        near(e, run(ps -> new AdaGrad(ps, 0.1f)), "AdaGrad");
    }

    @Test
    void rmspropByHand() {
        double[][] e = new double[3][];
        double[] p = {1, -0.5}, sq = new double[2];
        for (int t = 0; t < 3; t++) {
            for (int i = 0; i < 2; i++) {
                double g = CURV[i] * p[i];
                sq[i] = 0.9 * sq[i] + 0.1 * g * g;
                p[i] -= 0.01 * g / (Math.sqrt(sq[i]) + 1e-8);
            }
            e[t] = p.clone();
        }
        // first step: g / sqrt(0.1 g^2) = sign(g) sqrt(10), so p1 = p0 - 0.01 sqrt(10) sign(g0)
        assertEquals(1 - 0.01 * Math.sqrt(10), e[0][0], 1e-9);
        near(e, run(ps -> {
            RmsProp o = new RmsProp(ps, 0.01f);
            o.rho = 0.9f;
            return o;
        }), "RMSProp");
    }

    static double[][] adamByHand(double lr, double wdCoupled, double wdDecoupled) {
        double b1 = 0.9, b2 = 0.999, eps = 1e-8;
        double[][] e = new double[3][];
        double[] p = {1, -0.5}, m = new double[2], v = new double[2];
        for (int t = 1; t <= 3; t++) {
            for (int i = 0; i < 2; i++) {
                double g = CURV[i] * p[i] + wdCoupled * p[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mHat = m[i] / (1 - Math.pow(b1, t)), vHat = v[i] / (1 - Math.pow(b2, t));
                p[i] -= lr * (mHat / (Math.sqrt(vHat) + eps) + wdDecoupled * p[i]);
            }
            e[t - 1] = p.clone();
        }
        return e;
    }

    @Test
    void adamByHand() {
        double[][] e = adamByHand(0.1, 0, 0);
        // bias correction makes the first step exactly lr sign(g): (0.9, -0.4)
        assertEquals(0.9, e[0][0], 1e-7);
        assertEquals(-0.4, e[0][1], 1e-7);
        near(e, run(ps -> new Adam(ps, 0.1f)), "Adam");
        near(adamByHand(0.1, 0.5, 0), run(ps -> {
            Adam a = new Adam(ps, 0.1f);
            a.weightDecay = 0.5f;
            return a;
        }), "Adam with L2");
    }

    @Test
    void adamwDecaysDecoupled() {
        near(adamByHand(0.1, 0, 0.5), run(ps -> {
            AdamW a = new AdamW(ps, 0.1f);
            a.weightDecay = 0.5f;
            return a;
        }), "AdamW");
    }

    @Test
    void lionByHand() {
        // m0 = 0: c = 0.1 g, sign(c) = sign(g), so each step moves every coordinate by lr while signs hold
        double[][] e = new double[3][];
        double[] p = {1, -0.5}, m = new double[2];
        for (int t = 0; t < 3; t++) {
            for (int i = 0; i < 2; i++) {
                double g = CURV[i] * p[i];
                double c = 0.9 * m[i] + 0.1 * g;
                p[i] -= 0.1 * Math.signum(c);
                m[i] = 0.99 * m[i] + 0.01 * g;
            }
            e[t] = p.clone();
        }
        near(new double[][] {{0.9, -0.4}, {0.8, -0.3}, {0.7, -0.2}}, e, "Lion by hand");
        near(e, run(ps -> new Lion(ps, 0.1f)), "Lion");
    }

    @Test
    void signDescentByHand() {
        near(new double[][] {{0.75, -0.25}, {0.5, 0.0}, {0.25, 0.0}}, run(ps -> new SignDescent(ps, 0.25f)),
                "sign descent");
    }

    @Test
    void everyOptimizerConvergesOnAQuadratic() {
        List<Function<List<Parameter>, Optimizer>> all = List.of(
                ps -> new Sgd(ps, 0.2f), ps -> new Momentum(ps, 0.05f, 0.9f), ps -> new Nesterov(ps, 0.05f, 0.9f),
                ps -> new AdaGrad(ps, 0.5f), ps -> new RmsProp(ps, 0.01f), ps -> new Adam(ps, 0.05f),
                ps -> new AdamW(ps, 0.05f), ps -> new Lion(ps, 0.03f), ps -> new SignDescent(ps, 0.01f));
        for (Function<List<Parameter>, Optimizer> make : all) {
            Parameter p = start();
            Optimizer opt = make.apply(List.of(p));
            opt.schedule(Schedule.cosine(400, 0f)); // anneal so the sign-based methods settle too
            Tensor curvature = Tensor.of(be, new float[] {1, 4}, 2);
            for (int t = 0; t < 400; t++) {
                try (Scope s = Scope.open()) {
                    opt.zeroGrad();
                    p.value.square().mul(curvature).sum().mul(0.5f).backward();
                    opt.step();
                }
            }
            float[] v = p.value.toHost();
            assertTrue(Math.abs(v[0]) < 0.02 && Math.abs(v[1]) < 0.02,
                    opt.name() + " ends at (" + v[0] + ", " + v[1] + ")");
        }
    }

    @Test
    void schedules() {
        assertEquals(1f, Schedule.constant().factor(1000));
        assertEquals(0.25f, Schedule.step(10, 0.5f).factor(25), 1e-7);
        assertEquals(1f, Schedule.cosine(100, 0.1f).factor(0), 1e-7);
        assertEquals(0.55f, Schedule.cosine(100, 0.1f).factor(50), 1e-6);
        assertEquals(0.1f, Schedule.cosine(100, 0.1f).factor(100), 1e-7);
        Schedule w = Schedule.warmup(4, Schedule.constant());
        assertArrayEquals(new float[] {0.25f, 0.5f, 0.75f, 1f, 1f},
                new float[] {w.factor(0), w.factor(1), w.factor(2), w.factor(3), w.factor(4)});
    }

    @Test
    void clipByGlobalNorm() {
        Parameter a = new Parameter("a", Role.HIDDEN, Tensor.of(be, new float[] {3}, 1), 1, 1, 1f);
        Parameter b = new Parameter("b", Role.HIDDEN, Tensor.of(be, new float[] {4}, 1), 1, 1, 1f);
        a.value.mul(a.value).mul(0.5f).add(b.value.mul(b.value).mul(0.5f)).sum().backward(); // grads (3, 4), norm 5
        float norm = Clip.globalNorm(List.of(a, b), 1f).item();
        assertEquals(5f, norm, 1e-6);
        assertEquals(0.6f, a.value.grad().item(), 1e-6);
        assertEquals(0.8f, b.value.grad().item(), 1e-6);
        Clip.globalNorm(List.of(a, b), 10f); // below the threshold nothing changes
        assertEquals(0.6f, a.value.grad().item(), 1e-6);
    }
}
