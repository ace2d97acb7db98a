package descent.labs.optimizers;

import static descent.ui.MathML.frac;
import static descent.ui.MathML.id;
import static descent.ui.MathML.num;
import static descent.ui.MathML.op;
import static descent.ui.MathML.paren;
import static descent.ui.MathML.row;
import static descent.ui.MathML.sqrt;
import static descent.ui.MathML.sup;

import descent.ui.Fmt;
import descent.ui.MathML;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;

/**
 * The optimizers lab's formulas, built with {@link MathML}: {@link #formula} renders a function as our parser
 * understood it ({@link Node}), so a typed surface reads back exactly as it will be minimised.
 */
final class Formulas {
    private Formulas() {
    }

    /** A display-style {@code <math>} element appended to {@code parent}. */
    static Element show(HTMLElement parent, org.teavm.jso.dom.xml.Node... c) {
        Element m = MathML.math(true, c);
        parent.appendChild(m);
        return m;
    }

    /** A parsed formula as MathML, with parentheses only where precedence needs them. */
    static Element formula(Node n) {
        return switch (n.kind) {
            case CONST -> n.value == Math.PI ? id("\u03c0") : n.value == Math.E ? id("e") : num(number(n.value));
            case X -> id("x");
            case Y -> id("y");
            case NEG -> row(op("\u2212"), wrap(n.a, 2));
            case ADD -> row(formula(n.a), op("+"), wrap(n.b, 1));
            case SUB -> row(formula(n.a), op("\u2212"), wrap(n.b, 2));
            case MUL -> row(wrap(n.a, 2), implicit(n) ? op("\u2062") : op("\u00b7"), wrap(n.b, 3));
            case DIV -> frac(formula(n.a), formula(n.b));
            case POW -> sup(wrap(n.a, 4), formula(n.b));
            case CALL -> n.function.equals("sqrt") ? sqrt(formula(n.a)) : n.function.equals("abs")
                    ? row(op("|"), formula(n.a), op("|")) : row(id(n.function), paren(formula(n.a)));
        };
    }

    /** Binding strength: 1 sums, 2 products, 3 unary minus, 4 powers, 5 atoms. */
    private static int strength(Node n) {
        return switch (n.kind) {
            case ADD, SUB -> 1;
            case MUL -> 2;
            case NEG -> 3;
            case POW -> 4;
            case CONST -> n.value < 0 ? 3 : 5;
            default -> 5;
        };
    }

    private static Element wrap(Node n, int need) {
        return strength(n) < need ? paren(formula(n)) : formula(n);
    }

    /** "2x" reads better than "2·x": a number times a letter or a bracket is written without a dot. */
    private static boolean implicit(Node n) {
        return n.a.kind == Node.Kind.CONST && n.b.kind != Node.Kind.CONST;
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return Fmt.sig(v, 6).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
