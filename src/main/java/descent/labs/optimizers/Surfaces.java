package descent.labs.optimizers;

import java.util.List;

/**
 * The surfaces of the races, each a classic test function of the optimization literature, written as a formula our
 * own parser reads (so the page shows exactly what is computed).
 */
public final class Surfaces {
    private Surfaces() {
    }

    public static final List<String> IDS = List.of("quadratic", "rosenbrock", "beale", "himmelblau", "saddle", "valley",
            "custom");
    public static final List<String> TITLES = List.of("Quadratic (\u03ba, rotation)", "Rosenbrock", "Beale",
            "Himmelblau", "Saddle", "Narrow valley", "Your function");
    public static final String DEFAULT_CUSTOM = "x^2/4 + y^2 + sin(3x) sin(2y)/2";

    /**
     * f = ½ (λ₁ u² + λ₂ v²) in coordinates (u, v) rotated by {@code angleDeg}, with λ₁ = 1 and λ₂ = κ: the model of
     * every smooth minimum, and the surface momentum's theory is exact on. Written out as a formula in x and y.
     */
    public static Surface quadratic(double kappa, double angleDeg) {
        double th = Math.toRadians(angleDeg), c = Math.cos(th), s = Math.sin(th);
        // u = c x + s y, v = -s x + c y;  f = (u^2 + kappa v^2) / 2 = a x^2 + b x y + d y^2
        double a = 0.5 * (c * c + kappa * s * s);
        double b = (c * s - kappa * c * s);
        double d = 0.5 * (s * s + kappa * c * c);
        String formula = num(a) + "x^2 " + signed(b) + "x y " + signed(d) + "y^2";
        return new Surface("quadratic", "Quadratic", formula, Expr.parse(formula), new double[] {-3, 3, -3, 3},
                List.of(new double[] {0, 0}), 0, new double[] {-2.6, 1.7}, 1.0);
    }

    /** A built-in surface by id; {@code custom} parses the typed formula (and may throw {@link Expr.SyntaxError}). */
    public static Surface byId(String id, double kappa, double angleDeg, String typed) {
        return switch (id) {
            case "quadratic" -> quadratic(kappa, angleDeg);
            // Rosenbrock 1960: a curved valley whose floor is nearly flat; the minimum (1, 1) is easy to see, hard to reach
            case "rosenbrock" -> of("rosenbrock", "Rosenbrock", "(1 - x)^2 + 100(y - x^2)^2", -2, 2, -1, 3,
                    List.of(new double[] {1, 1}), new double[] {-1.2, 2.2}, 20);
            // Beale 1958: flat plateaus and steep walls, gradients spanning orders of magnitude
            case "beale" -> of("beale", "Beale", "(1.5 - x + x y)^2 + (2.25 - x + x y^2)^2 + (2.625 - x + x y^3)^2",
                    -4.5, 4.5, -4.5, 4.5, List.of(new double[] {3, 0.5}), new double[] {-2.5, 3.5}, 10);
            // Himmelblau 1972: four minima of equal height, which one you reach depends on where you start
            case "himmelblau" -> of("himmelblau", "Himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2", -5, 5, -5, 5,
                    List.of(new double[] {3, 2}, new double[] {-2.805118, 3.131312},
                            new double[] {-3.779310, -3.283186}, new double[] {3.584428, -1.848126}),
                    new double[] {-0.3, -0.9}, 10);
            // a saddle at the origin between minima at (0, ±1): started on the ridge, gradient descent stalls
            case "saddle" -> new Surface("saddle", "Saddle", "x^2/2 - y^2/2 + y^4/4",
                    Expr.parse("x^2/2 - y^2/2 + y^4/4"), new double[] {-2, 2, -2, 2},
                    List.of(new double[] {0, 1}, new double[] {0, -1}), -0.25, new double[] {-1.9, 0.001}, 0.5);
            // a long, bent, steep-walled valley: conditioning that changes direction as you go
            case "valley" -> of("valley", "Narrow valley", "x^2/20 + 5(y - sin(x))^2", -4, 4, -3, 3,
                    List.of(new double[] {0, 0}), new double[] {-3.6, 1.5}, 1.0);
            default -> custom(typed);
        };
    }

    /** A typed formula; its window, start and minimum are guessed from a grid, since nothing is known about it. */
    public static Surface custom(String typed) {
        Node f = Expr.parse(typed);
        double[] box = {-3, 3, -3, 3};
        double best = Double.POSITIVE_INFINITY, bx = 0, by = 0;
        int n = 121;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = box[0] + (box[1] - box[0]) * i / (n - 1), y = box[2] + (box[3] - box[2]) * j / (n - 1);
                double v = f.value(x, y);
                if (v < best) {
                    best = v;
                    bx = x;
                    by = y;
                }
            }
        }
        List<double[]> minima = Double.isFinite(best) ? List.of(new double[] {bx, by}) : List.of();
        double floor = Double.isFinite(best) ? best : 0;
        return new Surface("custom", "Your function", typed, f, box, minima, floor, new double[] {-2.5, 2.2}, 1.0);
    }

    private static Surface of(String id, String title, String formula, double x0, double x1, double y0, double y1,
            List<double[]> minima, double[] start, double spread) {
        return new Surface(id, title, formula, Expr.parse(formula), new double[] {x0, x1, y0, y1}, minima, 0, start,
                spread);
    }

    private static String num(double v) {
        return Double.toString(Math.round(v * 1e4) / 1e4);
    }

    private static String signed(double v) {
        return (v < 0 ? "- " : "+ ") + num(Math.abs(v));
    }
}
