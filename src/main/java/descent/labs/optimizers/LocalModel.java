package descent.labs.optimizers;

import descent.tensor.Backend;
import java.util.ArrayList;
import java.util.List;

/**
 * The locally linear view at a point p: the first-order model f(p) + g·d (a plane: it knows only which way is down),
 * the second-order model f(p) + g·d + ½ dᵀHd (a bowl or a saddle: it also knows how the slope bends), and where one
 * step of each optimizer, started fresh at p, lands. Adam's diagonal preconditioner P = diag(1/(√v̂ + ε)) turns the
 * bowl with Hessian H into one with Hessian P^½ H P^½: the surface Adam "sees".
 */
public final class LocalModel {
    public final double x, y, f, gx, gy, hxx, hxy, hyy;
    /** Where one step of each method lands from (x, y), in the order given. */
    public final List<double[]> landings = new ArrayList<>();
    /** The Newton step -H⁻¹g's landing, null when H is not positive definite (no minimum to jump to). */
    public final double[] newton;

    public LocalModel(Backend backend, Surface s, double x, double y, List<Method.Setting> settings) {
        this.x = x;
        this.y = y;
        double[] j = s.jet(x, y).clone();
        f = j[0];
        gx = j[1];
        gy = j[2];
        hxx = j[3];
        hxy = j[4];
        hyy = j[5];
        for (Method.Setting m : settings) {
            Racer r = new Racer(backend, m, x, y);
            r.record(s);
            r.step(s, 0, 0);
            landings.add(new double[] {r.x(r.size() - 1), r.y(r.size() - 1)});
            r.release();
        }
        double det = hxx * hyy - hxy * hxy;
        if (hxx > 0 && det > 0) {
            newton = new double[] {x - (hyy * gx - hxy * gy) / det, y - (-hxy * gx + hxx * gy) / det};
        } else {
            newton = null;
        }
    }

    /** The first-order model at p + (dx, dy). */
    public double linear(double dx, double dy) {
        return f + gx * dx + gy * dy;
    }

    /** The second-order model at p + (dx, dy). */
    public double quadratic(double dx, double dy) {
        return linear(dx, dy) + 0.5 * (hxx * dx * dx + 2 * hxy * dx * dy + hyy * dy * dy);
    }

    /** Eigenvalues of the Hessian, larger first. */
    public double[] curvatures() {
        return eigen(hxx, hxy, hyy);
    }

    /**
     * The Hessian Adam sees, P^½ H P^½ with P = diag(px, py), as {hxx, hxy, hyy}: in Adam's rescaled coordinates its
     * step is plain gradient descent on this bowl.
     */
    public double[] preconditioned(double px, double py) {
        double sx = Math.sqrt(px), sy = Math.sqrt(py);
        return new double[] {hxx * px, hxy * sx * sy, hyy * py};
    }

    /** Eigenvalues of the symmetric 2×2 [[a, b], [b, d]], larger first. */
    public static double[] eigen(double a, double b, double d) {
        double mean = (a + d) / 2, r = Math.hypot((a - d) / 2, b);
        return new double[] {mean + r, mean - r};
    }

    /** Condition number |λmax / λmin| of a symmetric 2×2, infinite when singular. */
    public static double condition(double a, double b, double d) {
        double[] e = eigen(a, b, d);
        double lo = Math.min(Math.abs(e[0]), Math.abs(e[1])), hi = Math.max(Math.abs(e[0]), Math.abs(e[1]));
        return lo == 0 ? Double.POSITIVE_INFINITY : hi / lo;
    }

    /**
     * Adam's second-moment estimate v̂ after following {@code r}'s path with β₂, from the exact gradients along it (the
     * racer's noise is not replayed); at a point with no path, v̂ = g², the first step's value.
     */
    public static double[] adamSecondMoment(Surface s, Racer r, double beta2) {
        double vx = 0, vy = 0, c = 0;
        int steps = r == null ? 0 : r.size() - 1;
        for (int t = 0; t < steps; t++) {
            double[] j = s.jet(r.x(t), r.y(t));
            vx = beta2 * vx + (1 - beta2) * j[1] * j[1];
            vy = beta2 * vy + (1 - beta2) * j[2] * j[2];
            c = 1 - Math.pow(beta2, t + 1);
        }
        if (steps == 0) return null;
        return new double[] {vx / c, vy / c};
    }
}
