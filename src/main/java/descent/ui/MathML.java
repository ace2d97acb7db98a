package descent.ui;

import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;
import org.teavm.jso.dom.xml.Node;

/**
 * Formulas as MathML, which every current browser renders natively: build nodes with these helpers, all text set
 * through {@code textContent}.
 *
 * <pre>{@code
 * Element f = MathML.math(MathML.row(
 *         MathML.sub("y", "1"), MathML.op("="), MathML.num(0.42), MathML.op("+"),
 *         MathML.frac(MathML.id("a"), MathML.id("b"))));
 * parent.appendChild(f);
 * }</pre>
 */
public final class MathML {
    static final String NS = "http://www.w3.org/1998/Math/MathML";

    private MathML() {
    }

    public static Element el(String tag, Node... children) {
        Element e = Dom.doc().createElementNS(NS, tag);
        for (Node c : children) {
            e.appendChild(c);
        }
        return e;
    }

    private static Element leaf(String tag, String text) {
        Element e = Dom.doc().createElementNS(NS, tag);
        e.setTextContent(text);
        return e;
    }

    /** A {@code <math>} root; {@code display} block or inline. */
    public static Element math(boolean block, Node... children) {
        Element m = el("math", children);
        m.setAttribute("display", block ? "block" : "inline");
        return m;
    }

    public static Element math(Node... children) {
        return math(false, children);
    }

    /** An identifier (italic for one letter, as in print). */
    public static Element id(String name) {
        return leaf("mi", name);
    }

    /** An operator: +, −, =, ≈, (, ). */
    public static Element op(String o) {
        return leaf("mo", o);
    }

    /** A number as written; negative numbers get a proper minus sign. */
    public static Element num(String text) {
        return leaf("mn", text.replace('-', '\u2212'));
    }

    /** A number with three significant digits. */
    public static Element num(double v) {
        return num(Fmt.sig(v, 3));
    }

    public static Element text(String t) {
        return leaf("mtext", t);
    }

    public static Element row(Node... children) {
        return el("mrow", children);
    }

    /** {@code base} with subscript {@code index}: x₁. */
    public static Element sub(String base, String index) {
        return el("msub", id(base), num(index));
    }

    public static Element sub(Node base, Node index) {
        return el("msub", base, index);
    }

    public static Element sup(Node base, Node exponent) {
        return el("msup", base, exponent);
    }

    public static Element frac(Node top, Node bottom) {
        return el("mfrac", top, bottom);
    }

    public static Element sqrt(Node inner) {
        return el("msqrt", inner);
    }

    /** {@code inner} in parentheses. */
    public static Element paren(Node inner) {
        return row(op("("), inner, op(")"));
    }

    /** A gap of one em between two formulas on a line. */
    public static Element space() {
        Element e = el("mspace");
        e.setAttribute("width", "1em");
        return e;
    }

    /** A coefficient times a term, written the way people write it: "+ 0.31 x₁" or "− 0.31 x₁". */
    public static void addTerm(Element row, double coefficient, Node term, boolean first) {
        String mag = Fmt.sig(Math.abs(coefficient), 3);
        if (first) {
            if (coefficient < 0) {
                row.appendChild(op("\u2212"));
            }
        } else {
            row.appendChild(op(coefficient < 0 ? "\u2212" : "+"));
        }
        row.appendChild(num(mag));
        if (term != null) {
            row.appendChild(op("\u2062"));
            row.appendChild(term);
        }
    }

    /** Replaces the content of {@code host} with {@code formula}. */
    public static void show(HTMLElement host, Element formula) {
        Dom.clear(host);
        host.appendChild(formula);
    }
}
