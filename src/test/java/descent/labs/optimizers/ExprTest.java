package descent.labs.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import descent.tensor.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed-function parser: the documented grammar parses, derivatives are exact, bad input names its column. */
class ExprTest {
    static double f(String s, double x, double y) {
        return Expr.parse(s).value(x, y);
    }

    @Test
    void theDocumentedGrammarParses() {
        assertEquals(7, f("1 + 2 * 3", 0, 0), 1e-12);
        assertEquals(-9, f("-3^2", 0, 0), 1e-12, "unary minus binds looser than ^");
        assertEquals(Math.pow(2, 9), f("2^3^2", 0, 0), 1e-9, "^ is right-associative");
        assertEquals(0.25, f("2^-2", 0, 0), 1e-12);
        assertEquals(6, f("2x", 3, 0), 1e-12, "implicit multiplication");
        assertEquals(10, f("2(x + y)", 2, 3), 1e-12);
        assertEquals(6, f("x y", 2, 3), 1e-12);
        assertEquals(8, f("x**3", 2, 0), 1e-12);
        assertEquals(2.5, f("5 \u00f7 2", 0, 0), 1e-12);
        assertEquals(6, f("2 \u00d7 3", 0, 0), 1e-12);
        assertEquals(-1, f("2 \u2212 3", 0, 0), 1e-12);
        assertEquals(3, f("|x - y|", 1, 4), 1e-12);
        assertEquals(Math.PI + Math.E, f("pi + e", 0, 0), 1e-12);
        assertEquals(2 * Math.E, f("2e", 0, 0), 1e-12, "2e is two times e");
        assertEquals(2e3, f("2e3", 0, 0), 1e-9, "2e3 is a number");
        assertEquals(1.5e-3, f("1.5E-3", 0, 0), 1e-15);
        assertEquals(Math.sin(1) + Math.cos(2) + Math.exp(0.5) + Math.log(3) + Math.sqrt(5) + Math.abs(-2)
                + Math.tanh(0.3), f("sin(x) + cos(y) + exp(0.5) + log(3) + sqrt(5) + abs(-2) + tanh(0.3)", 1, 2), 1e-12);
        assertEquals(Math.pow(0.5, 1.5), f("x^y", 0.5, 1.5), 1e-12);
        assertEquals(4, f("(x - 1)^2", -1, 0), 1e-12, "whole powers of negative bases");
    }

    @Test
    void derivativesMatchFiniteDifferences() {
        String[] formulas = {"(1 - x)^2 + 100(y - x^2)^2", "sin(3x) cos(2y) / (1 + x^2)", "exp(-x^2 - y^2) * tanh(x y)",
            "sqrt(x^2 + y^2 + 1) + log(2 + sin(x))", "x^y + abs(x - 3y)", "(1.5 - x + x y)^2 / (2 + y^2)"};
        double h = 1e-5;
        Rng rng = new Rng(3);
        for (String s : formulas) {
            Node n = Expr.parse(s);
            for (int trial = 0; trial < 20; trial++) {
                double x = rng.uniform(0.2, 2), y = rng.uniform(0.2, 2);
                double[] j = n.eval(x, y).clone();
                double fx = (n.value(x + h, y) - n.value(x - h, y)) / (2 * h);
                double fy = (n.value(x, y + h) - n.value(x, y - h)) / (2 * h);
                double fxx = (n.value(x + h, y) - 2 * j[0] + n.value(x - h, y)) / (h * h);
                double fyy = (n.value(x, y + h) - 2 * j[0] + n.value(x, y - h)) / (h * h);
                double fxy = (n.value(x + h, y + h) - n.value(x + h, y - h) - n.value(x - h, y + h)
                        + n.value(x - h, y - h)) / (4 * h * h);
                String at = s + " at (" + x + ", " + y + ")";
                assertEquals(fx, j[1], 1e-5 * (1 + Math.abs(fx)), "fx " + at);
                assertEquals(fy, j[2], 1e-5 * (1 + Math.abs(fy)), "fy " + at);
                assertEquals(fxx, j[3], 2e-3 * (1 + Math.abs(fxx)), "fxx " + at);
                assertEquals(fxy, j[4], 2e-3 * (1 + Math.abs(fxy)), "fxy " + at);
                assertEquals(fyy, j[5], 2e-3 * (1 + Math.abs(fyy)), "fyy " + at);
            }
        }
    }

    @Test
    void hostileInputIsRefusedWithAColumn() {
        Expr.SyntaxError e = assertThrows(Expr.SyntaxError.class, () -> Expr.parse("alert(1)"));
        assertEquals(0, e.position);
        assertTrue(e.getMessage().contains("Unknown name 'alert'"), e.getMessage());
        e = assertThrows(Expr.SyntaxError.class, () -> Expr.parse("sin(x + (y * 2)"));
        assertEquals(15, e.position, e.getMessage());
        assertTrue(e.getMessage().contains("Missing ')'"), e.getMessage());
        e = assertThrows(Expr.SyntaxError.class, () -> Expr.parse("x + y)"));
        assertEquals(5, e.position);
        e = assertThrows(Expr.SyntaxError.class, () -> Expr.parse("x".repeat(10_000)));
        assertTrue(e.getMessage().contains("at most"), e.getMessage());
        e = assertThrows(Expr.SyntaxError.class, () -> Expr.parse("(".repeat(60) + "x" + ")".repeat(60)));
        assertTrue(e.getMessage().contains("Nested"), e.getMessage());
        e = assertThrows(Expr.SyntaxError.class, () -> Expr.parse("-".repeat(199) + "x"));
        assertTrue(e.getMessage().contains("Nested"), e.getMessage());
        for (String bad : List.of("", "   ", "x +", "* x", "sin x", "1..2", "x ^", "()", "x y z", "constructor",
                "window.location", "x; y", "x = 1", "\"x\"", "`x`", "x\u0000")) {
            assertThrows(Expr.SyntaxError.class, () -> Expr.parse(bad), bad);
        }
    }

    /** Random formulas from the grammar: they parse, and their canonical form parses to the same function. */
    @Test
    void randomGrammaticalFormulasRoundTrip() {
        Rng rng = new Rng(11);
        for (int i = 0; i < 2000; i++) {
            String s = randomFormula(rng, 0);
            if (s.length() > Expr.MAX_LENGTH) continue;
            Node n;
            try {
                n = Expr.parse(s);
            } catch (Expr.SyntaxError e) {
                fail("generated formula did not parse: " + s + ": " + e.getMessage());
                return;
            }
            Node back = Expr.parse(n.toString().length() <= Expr.MAX_LENGTH ? n.toString() : s);
            for (double[] p : new double[][] {{0.3, 0.7}, {1.1, -0.4}}) {
                double a = n.value(p[0], p[1]), b = back.value(p[0], p[1]);
                if (Double.isFinite(a)) assertEquals(a, b, 1e-9 * (1 + Math.abs(a)), s);
            }
        }
    }

    /**
     * Random strings over the formula alphabet and beyond: the parser either accepts or throws a SyntaxError whose
     * column lies inside the text (or just past its end), never any other exception; and a foreign character
     * inserted into a valid formula is reported at exactly its column.
     */
    @Test
    void randomStringsFailOnlyWithPositions() {
        Rng rng = new Rng(5);
        String alphabet = "xy0123456789.+-*/^()| esincoxpltqrabh$#;{}[]'\"=<>!&";
        int accepted = 0, rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            int len = 1 + rng.nextInt(24);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < len; k++) sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
            String s = sb.toString();
            try {
                Expr.parse(s);
                accepted++;
            } catch (Expr.SyntaxError e) {
                rejected++;
                assertTrue(e.position >= 0 && e.position <= s.length(), s + " -> " + e.position);
            } catch (RuntimeException e) {
                fail("not a SyntaxError for '" + s + "': " + e);
            }
        }
        assertTrue(accepted > 100 && rejected > 1000, accepted + " accepted, " + rejected + " rejected");
        for (int i = 0; i < 2000; i++) {
            String s = randomFormula(rng, 0);
            if (s.length() >= Expr.MAX_LENGTH) continue;
            int at = rng.nextInt(s.length() + 1);
            char bad = "$#;{}[]'\"=<>!&@?".charAt(rng.nextInt(16));
            String broken = s.substring(0, at) + bad + s.substring(at);
            Expr.SyntaxError e = assertThrows(Expr.SyntaxError.class, () -> Expr.parse(broken), broken);
            assertEquals(at, e.position, broken + ": " + e.getMessage());
        }
    }

    static String randomFormula(Rng rng, int depth) {
        int pick = depth > 4 ? rng.nextInt(3) : rng.nextInt(9);
        return switch (pick) {
            case 0 -> "x";
            case 1 -> "y";
            case 2 -> Integer.toString(rng.nextInt(10)) + (rng.nextInt(2) == 0 ? "" : "." + rng.nextInt(10));
            case 3 -> randomFormula(rng, depth + 1) + " + " + randomFormula(rng, depth + 1);
            case 4 -> randomFormula(rng, depth + 1) + " - " + randomFormula(rng, depth + 1);
            case 5 -> "(" + randomFormula(rng, depth + 1) + ") * " + randomFormula(rng, depth + 1);
            case 6 -> "(" + randomFormula(rng, depth + 1) + ")^" + (1 + rng.nextInt(3));
            case 7 -> Expr.FUNCTIONS.get(rng.nextInt(Expr.FUNCTIONS.size())) + "(" + randomFormula(rng, depth + 1)
                    + ")";
            default -> "-" + randomFormula(rng, depth + 1);
        };
    }
}
