package descent.labs.optimizers;

import descent.ui.Dom;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * MathML, built element by element in the MathML namespace (which every current browser renders natively), with text
 * only through textContent. {@link #formula} renders a parsed {@link Node}, so the page shows the function exactly as
 * our parser understood it.
 */
final class MathMl {
    private MathMl() {
    }

    @JSBody(params = "tag", script = "return document.createElementNS('http://www.w3.org/1998/Math/MathML', tag);")
    private static native HTMLElement create(String tag);

    static HTMLElement el(String tag, HTMLElement... children) {
        HTMLElement e = create(tag);
        for (HTMLElement c : children) e.appendChild(c);
        return e;
    }

    static HTMLElement leaf(String tag, String text) {
        HTMLElement e = create(tag);
        Dom.text(e, text);
        return e;
    }

    static HTMLElement mi(String s) {
        return leaf("mi", s);
    }

    static HTMLElement mn(String s) {
        return leaf("mn", s);
    }

    static HTMLElement mo(String s) {
        return leaf("mo", s);
    }

    static HTMLElement row(HTMLElement... c) {
        return el("mrow", c);
    }

    static HTMLElement frac(HTMLElement a, HTMLElement b) {
        return el("mfrac", a, b);
    }

    static HTMLElement sup(HTMLElement a, HTMLElement b) {
        return el("msup", a, b);
    }

    static HTMLElement sub(HTMLElement a, HTMLElement b) {
        return el("msub", a, b);
    }

    static HTMLElement sqrt(HTMLElement a) {
        return el("msqrt", a);
    }

    static HTMLElement mtext(String s) {
        return leaf("mtext", s);
    }

    static HTMLElement mspace() {
        HTMLElement e = create("mspace");
        e.setAttribute("width", "1em");
        return e;
    }

    static HTMLElement paren(HTMLElement a) {
        return row(mo("("), a, mo(")"));
    }

    /** A display-style {@code <math>} element appended to {@code parent}. */
    static HTMLElement math(HTMLElement parent, HTMLElement... c) {
        HTMLElement m = el("math", c);
        m.setAttribute("display", "block");
        parent.appendChild(m);
        return m;
    }

    /** A parsed formula as MathML, with parentheses only where precedence needs them. */
    static HTMLElement formula(Node n) {
        return switch (n.kind) {
            case CONST -> n.value == Math.PI ? mi("\u03c0") : n.value == Math.E ? mi("e") : mn(number(n.value));
            case X -> mi("x");
            case Y -> mi("y");
            case NEG -> row(mo("\u2212"), wrap(n.a, 2));
            case ADD -> row(formula(n.a), mo("+"), wrap(n.b, 1));
            case SUB -> row(formula(n.a), mo("\u2212"), wrap(n.b, 2));
            case MUL -> row(wrap(n.a, 2), implicit(n) ? mo("\u2062") : mo("\u00b7"), wrap(n.b, 3));
            case DIV -> frac(formula(n.a), formula(n.b));
            case POW -> sup(wrap(n.a, 4), formula(n.b));
            case CALL -> n.function.equals("sqrt") ? sqrt(formula(n.a)) : n.function.equals("abs")
                    ? row(mo("|"), formula(n.a), mo("|")) : row(mi(n.function), paren(formula(n.a)));
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

    private static HTMLElement wrap(Node n, int need) {
        return strength(n) < need ? paren(formula(n)) : formula(n);
    }

    /** "2x" reads better than "2·x": a number times a letter or a bracket is written without a dot. */
    private static boolean implicit(Node n) {
        return n.a.kind == Node.Kind.CONST && n.b.kind != Node.Kind.CONST;
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return descent.ui.Fmt.sig(v, 6).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
