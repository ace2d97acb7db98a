package descent.labs.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.tensor.CpuBackend;
import descent.tensor.Rng;
import org.junit.jupiter.api.Test;

/** Different optimizers, different solutions: least squares and separable logistic regression. */
class ImplicitBiasTest {
    static LeastSquaresExperiment solve(double[] a, double[] b, double[] x0, int m, int n, int steps) {
        LeastSquaresExperiment e = new LeastSquaresExperiment(new CpuBackend(), a, b, x0, m, n, 1.0, 0.05, steps);
        while (!e.done()) e.step();
        return e;
    }

    static double[] problem(Rng rng, int count, double std) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) v[i] = rng.normal() * std;
        return v;
    }

    /** The pseudo-inverse solution A⁺b = Aᵀ(AAᵀ)⁻¹b is where gradient descent from zero ends, to 1e-4. */
    @Test
    void gradientDescentFindsThePseudoInverseSolution() {
        int m = 5, n = 20;
        Rng rng = new Rng(7);
        double[] a = problem(rng, m * n, 1 / Math.sqrt(n)), b = problem(rng, m, 1);
        LeastSquaresExperiment e = solve(a, b, new double[n], m, n, 3000);
        float[] gd = e.solution(LeastSquaresExperiment.METHODS.indexOf(Method.GD));
        float[] hb = e.solution(LeastSquaresExperiment.METHODS.indexOf(Method.MOMENTUM));
        for (int j = 0; j < n; j++) {
            assertEquals(e.closestSolution[j], gd[j], 1e-4, "GD coordinate " + j);
            assertEquals(e.closestSolution[j], hb[j], 1e-4, "heavy-ball coordinate " + j);
        }
        // the closed form is the pseudo-inverse: it fits exactly and is orthogonal to the null space (lies in A's rows)
        assertTrue(e.residual(LeastSquaresExperiment.toFloat(e.closestSolution)) < 1e-5);
    }

    @Test
    void signDescentAndAdamLandElsewhere() {
        int m = 5, n = 20;
        Rng rng = new Rng(7);
        double[] a = problem(rng, m * n, 1 / Math.sqrt(n)), b = problem(rng, m, 1);
        LeastSquaresExperiment e = solve(a, b, new double[n], m, n, 3000);
        double minNorm = LeastSquaresExperiment.norms(e.closestSolution)[1];
        for (Method method : new Method[] {Method.SIGN, Method.ADAM}) {
            float[] x = e.solution(LeastSquaresExperiment.METHODS.indexOf(method));
            assertTrue(e.residual(x) < 0.05, method + " fits: residual " + e.residual(x));
            assertTrue(e.distanceToClosest(x) > 0.1 * minNorm, method + " is " + e.distanceToClosest(x)
                    + " from the min-norm solution of norm " + minNorm);
            assertTrue(LeastSquaresExperiment.norms(x)[1] > minNorm, "any other fit has a larger l2 norm");
        }
    }

    /** In 2-D with one equation a·x = b, sign descent from zero walks the diagonal: the minimum-ℓ∞ fit. */
    @Test
    void inTwoDimensionsSignDescentFindsTheMinimumLinfSolution() {
        double[] a = {Math.cos(0.35), Math.sin(0.35)}, b = {1};
        LeastSquaresExperiment e = solve(a, b, new double[2], 1, 2, 600);
        float[] sign = e.solution(LeastSquaresExperiment.METHODS.indexOf(Method.SIGN));
        double t = 1 / (Math.abs(a[0]) + Math.abs(a[1]));
        assertEquals(t, sign[0], 2e-3);
        assertEquals(t, sign[1], 2e-3);
        float[] gd = e.solution(0);
        assertEquals(a[0], gd[0], 1e-4);
        assertEquals(a[1], gd[1], 1e-4);
    }

    /** From x₀ ≠ 0, gradient descent lands on the exact fit closest to x₀, not on the minimum-norm one. */
    @Test
    void gradientDescentFindsTheSolutionClosestToItsStart() {
        double[] a = {1, 2}, b = {2}, x0 = {1.5, -1};
        LeastSquaresExperiment e = solve(a, b, x0, 1, 2, 800);
        float[] gd = e.solution(0);
        // projection of x0 onto a·x = b: x0 + a (b − a·x0)/‖a‖²
        double r = (2 - (1.5 - 2)) / 5;
        assertEquals(1.5 + r, gd[0], 1e-4);
        assertEquals(-1 + 2 * r, gd[1], 1e-4);
    }

    @Test
    void onSeparableDataEachMethodHeadsForItsOwnMaxMargin() {
        MarginExperiment e = new MarginExperiment(new CpuBackend(), 24, 3, 4.0, 0.05);
        assertTrue(Math.toDegrees(Math.abs(e.l2Angle - e.linfAngle)) > 5, "the two separators differ");
        assertTrue(e.margin(e.l2Angle, false) >= e.margin(e.linfAngle, false) - 1e-9);
        assertTrue(e.margin(e.linfAngle, true) >= e.margin(e.l2Angle, true) - 1e-9);
        for (int t = 0; t < 3000; t++) e.step();
        int gd = MarginExperiment.METHODS.indexOf(Method.GD), sign = MarginExperiment.METHODS.indexOf(Method.SIGN);
        int adam = MarginExperiment.METHODS.indexOf(Method.ADAM);
        assertTrue(e.angleTo(gd, 3000, e.l2Angle) < e.angleTo(gd, 100, e.l2Angle), "GD closes in on the l2 one");
        assertTrue(e.angleTo(gd, 3000, e.l2Angle) < e.angleTo(gd, 3000, e.linfAngle));
        assertTrue(e.angleTo(sign, 3000, e.linfAngle) < e.angleTo(sign, 3000, e.l2Angle));
        assertTrue(e.angleTo(adam, 3000, e.linfAngle) < e.angleTo(adam, 3000, e.l2Angle));
        assertTrue(e.margin(gd, false) > 0 && e.margin(sign, true) > 0, "both separate the data");
    }
}
