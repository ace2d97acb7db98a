package descent.labs.optimizers;

import descent.tensor.DetMath;

/**
 * A parsed formula as a tree. {@link #eval} returns the value with its exact first and second derivatives (forward-mode
 * "jets": every node carries f, ∂f/∂x, ∂f/∂y, ∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²), so a typed surface has the true gradient for
 * the optimizers and the true Hessian for the local quadratic model — no finite differences. Transcendentals go
 * through {@link DetMath} so a race reproduces bit for bit in the browser and on the JVM.
 */
public final class Node {
    public enum Kind { CONST, X, Y, NEG, ADD, SUB, MUL, DIV, POW, CALL }

    public final Kind kind;
    public final double value;
    public final String function;
    public final Node a, b;
    /** Jet layout: [f, fx, fy, fxx, fxy, fyy]; each node owns its scratch so evaluation allocates nothing. */
    private final double[] jet = new double[6], aux = new double[6], aux2 = new double[6];

    static final Node X = new Node(Kind.X, 0, null, null, null);
    static final Node Y = new Node(Kind.Y, 0, null, null, null);

    private Node(Kind kind, double value, String function, Node a, Node b) {
        this.kind = kind;
        this.value = value;
        this.function = function;
        this.a = a;
        this.b = b;
    }

    static Node constant(double v) {
        return new Node(Kind.CONST, v, null, null, null);
    }

    static Node negate(Node n) {
        return n.kind == Kind.CONST ? constant(-n.value) : new Node(Kind.NEG, 0, null, n, null);
    }

    static Node call(String f, Node arg) {
        return new Node(Kind.CALL, 0, f, arg, null);
    }

    static Node binary(char op, Node l, Node r) {
        Kind k = switch (op) {
            case '+' -> Kind.ADD;
            case '-' -> Kind.SUB;
            case '*' -> Kind.MUL;
            case '/' -> Kind.DIV;
            default -> Kind.POW;
        };
        return new Node(k, 0, null, l, r);
    }

    /** True when the subtree mentions neither x nor y. */
    public boolean isConstant() {
        return switch (kind) {
            case CONST -> true;
            case X, Y -> false;
            default -> a.isConstant() && (b == null || b.isConstant());
        };
    }

    /** f(x, y) alone. */
    public double value(double x, double y) {
        return eval(x, y)[0];
    }

    /** The jet at (x, y): [f, fx, fy, fxx, fxy, fyy]. The array is reused by the next call. */
    public double[] eval(double x, double y) {
        double[] o = jet;
        switch (kind) {
            case CONST -> set(o, value, 0, 0, 0, 0, 0);
            case X -> set(o, x, 1, 0, 0, 0, 0);
            case Y -> set(o, y, 0, 1, 0, 0, 0);
            case NEG -> {
                double[] u = a.eval(x, y);
                for (int i = 0; i < 6; i++) o[i] = -u[i];
            }
            case ADD, SUB -> {
                double[] u = a.eval(x, y), v = b.eval(x, y);
                double s = kind == Kind.ADD ? 1 : -1;
                for (int i = 0; i < 6; i++) o[i] = u[i] + s * v[i];
            }
            case MUL -> product(o, a.eval(x, y), b.eval(x, y));
            case DIV -> {
                double[] u = a.eval(x, y), v = b.eval(x, y);
                double t = v[0];
                // 1/v through the chain rule, then the product rule: one code path for both
                chain(aux, v, 1 / t, -1 / (t * t), 2 / (t * t * t));
                product(o, u, aux);
            }
            case POW -> power(o, x, y);
            case CALL -> call(o, a.eval(x, y));
            default -> throw new IllegalStateException();
        }
        return o;
    }

    private void power(double[] o, double x, double y) {
        double[] u = a.eval(x, y);
        if (b.isConstant()) {
            double c = b.value(x, y), t = u[0];
            // t^c with its two derivatives; integer c keeps negative bases meaningful: (x-1)^2 for every x
            chain(o, u, pow(t, c), c * pow(t, c - 1), c * (c - 1) * pow(t, c - 2));
            return;
        }
        // u^v = exp(v log u), defined for u > 0
        chain(aux, u, DetMath.log(u[0]), 1 / u[0], -1 / (u[0] * u[0]));
        product(aux2, b.eval(x, y), aux);
        double e = DetMath.exp(aux2[0]);
        chain(o, aux2, e, e, e);
    }

    private void call(double[] o, double[] u) {
        double t = u[0];
        switch (function) {
            case "sin" -> {
                double s = DetMath.sin(t), c = DetMath.cos(t);
                chain(o, u, s, c, -s);
            }
            case "cos" -> {
                double s = DetMath.sin(t), c = DetMath.cos(t);
                chain(o, u, c, -s, -c);
            }
            case "exp" -> {
                double e = DetMath.exp(t);
                chain(o, u, e, e, e);
            }
            case "log" -> chain(o, u, DetMath.log(t), 1 / t, -1 / (t * t));
            case "sqrt" -> {
                double r = Math.sqrt(t);
                chain(o, u, r, 0.5 / r, -0.25 / (r * t));
            }
            case "abs" -> chain(o, u, Math.abs(t), Math.signum(t), 0);
            case "tanh" -> {
                double h = DetMath.tanh(t), d = 1 - h * h;
                chain(o, u, h, d, -2 * h * d);
            }
            default -> throw new IllegalStateException(function);
        }
    }

    /** o = φ(u) as a jet, from φ, φ' and φ'' at u's value: the chain rule to second order. */
    private static void chain(double[] o, double[] u, double f, double d1, double d2) {
        double ux = u[1], uy = u[2];
        o[0] = f;
        o[1] = d1 * ux;
        o[2] = d1 * uy;
        o[3] = d2 * ux * ux + d1 * u[3];
        o[4] = d2 * ux * uy + d1 * u[4];
        o[5] = d2 * uy * uy + d1 * u[5];
    }

    /** o = u v as a jet: the product rule to second order. */
    private static void product(double[] o, double[] u, double[] v) {
        double f = u[0] * v[0];
        double fx = u[1] * v[0] + u[0] * v[1];
        double fy = u[2] * v[0] + u[0] * v[2];
        double fxx = u[3] * v[0] + 2 * u[1] * v[1] + u[0] * v[3];
        double fxy = u[4] * v[0] + u[1] * v[2] + u[2] * v[1] + u[0] * v[4];
        double fyy = u[5] * v[0] + 2 * u[2] * v[2] + u[0] * v[5];
        set(o, f, fx, fy, fxx, fxy, fyy);
    }

    /** t^c; whole exponents by repeated squaring (exact signs for negative t), others as exp(c log t). */
    static double pow(double t, double c) {
        if (c == Math.rint(c) && Math.abs(c) <= 64) {
            long n = (long) Math.abs(c);
            double r = 1, base = t;
            while (n > 0) {
                if ((n & 1) != 0) r *= base;
                base *= base;
                n >>= 1;
            }
            return c < 0 ? 1 / r : r;
        }
        if (t == 0) return c > 0 ? 0 : Double.POSITIVE_INFINITY;
        return t > 0 ? DetMath.exp(c * DetMath.log(t)) : Double.NaN;
    }

    private static void set(double[] o, double f, double fx, double fy, double fxx, double fxy, double fyy) {
        o[0] = f;
        o[1] = fx;
        o[2] = fy;
        o[3] = fxx;
        o[4] = fxy;
        o[5] = fyy;
    }

    /** A canonical, fully parenthesised form that parses back to the same function (used by tests and the URL). */
    @Override
    public String toString() {
        return switch (kind) {
            case CONST -> value < 0 ? "(" + value + ")" : Double.toString(value);
            case X -> "x";
            case Y -> "y";
            case NEG -> "(-" + a + ")";
            case ADD -> "(" + a + "+" + b + ")";
            case SUB -> "(" + a + "-" + b + ")";
            case MUL -> "(" + a + "*" + b + ")";
            case DIV -> "(" + a + "/" + b + ")";
            case POW -> "(" + a + "^" + b + ")";
            case CALL -> function + "(" + a + ")";
        };
    }
}
