package descent.labs.optimizers;

import java.util.List;

/**
 * A typed function of x and y, parsed by our own recursive-descent parser: nothing a student types is ever evaluated as
 * JavaScript. The grammar, loosest binding first:
 * <pre>
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '/') unary | unary-without-sign)*     "2x" and "3(x+y)" multiply implicitly
 *   unary   := ('-' | '+') unary | power
 *   power   := atom ('^' unary)?                                  right-associative, so -x^2 = -(x^2), 2^-x works
 *   atom    := number | x | y | pi | e | name '(' sum ')' | '(' sum ')' | '|' sum '|'
 *   name    := sin cos exp log sqrt abs tanh
 * </pre>
 * Also accepted: '**' for '^', and the typographic − × ÷ · that a copied formula may contain. Every error names the
 * column where it was found, so the page can point at it.
 */
public final class Expr {
    /** Anything longer is refused before parsing: no formula on a surface needs more. */
    public static final int MAX_LENGTH = 200;
    /** Deeper nesting is refused, so a pasted "((((..." cannot exhaust the stack. */
    public static final int MAX_DEPTH = 40;
    public static final List<String> FUNCTIONS = List.of("sin", "cos", "exp", "log", "sqrt", "abs", "tanh");

    /** A syntax error at a 0-based character {@code position} of the input. */
    public static final class SyntaxError extends RuntimeException {
        public final int position;
        public final String problem;

        SyntaxError(int position, String problem) {
            super(problem + " (column " + (position + 1) + ")");
            this.position = position;
            this.problem = problem;
        }
    }

    private final String src;
    private int pos;
    private int depth;

    private Expr(String src) {
        this.src = src;
    }

    /** Parses a formula in x and y; throws {@link SyntaxError} naming the column of the first problem. */
    public static Node parse(String text) {
        if (text == null || text.isBlank()) throw new SyntaxError(0, "The formula is empty");
        if (text.length() > MAX_LENGTH) {
            throw new SyntaxError(MAX_LENGTH, "The formula is " + text.length() + " characters; at most " + MAX_LENGTH
                    + " are allowed");
        }
        // a character that belongs to no token is the clearest error there is: report it before anything else
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && ".+-*/^()|\u2212\u00d7\u00f7\u00b7"
                    .indexOf(c) < 0) {
                throw new SyntaxError(i, "'" + (Character.isISOControl(c) ? "?" : String.valueOf(c))
                        + "' is not part of a formula; use + - * / ^ ( ) and | | for abs");
            }
        }
        Expr p = new Expr(text);
        Node n = p.sum();
        p.skipSpace();
        if (p.pos < text.length()) {
            char c = text.charAt(p.pos);
            throw new SyntaxError(p.pos, c == ')' ? "This ')' has no matching '('" : "Unexpected '" + c + "'");
        }
        return n;
    }

    // ---- grammar --------------------------------------------------------------------------------------------

    private Node sum() {
        Node left = product();
        while (true) {
            skipSpace();
            char c = peek();
            if (c == '+' || c == '-' || c == '\u2212') {
                pos++;
                left = Node.binary(c == '+' ? '+' : '-', left, product());
            } else {
                return left;
            }
        }
    }

    private Node product() {
        Node left = unary();
        while (true) {
            skipSpace();
            char c = peek();
            if ((c == '*' && !ahead("**")) || c == '\u00d7' || c == '\u00b7') {
                pos++;
                left = Node.binary('*', left, unary());
            } else if (c == '/' || c == '\u00f7') {
                pos++;
                left = Node.binary('/', left, unary());
            } else if (startsAtom(c)) {
                left = Node.binary('*', left, power()); // implicit: 2x, 3(x+y), x y
            } else {
                return left;
            }
        }
    }

    private Node unary() {
        skipSpace();
        char c = peek();
        if (c == '-' || c == '\u2212' || c == '+') {
            pos++;
            enter();
            Node inner = unary();
            depth--;
            return c == '+' ? inner : Node.negate(inner);
        }
        return power();
    }

    private Node power() {
        Node base = atom();
        skipSpace();
        if (peek() == '^' || ahead("**")) {
            pos += peek() == '^' ? 1 : 2;
            enter();
            Node exponent = unary();
            depth--;
            return Node.binary('^', base, exponent);
        }
        return base;
    }

    private Node atom() {
        skipSpace();
        int start = pos;
        if (pos >= src.length()) throw new SyntaxError(pos, "The formula ends where a number, x, y or '(' should come");
        char c = src.charAt(pos);
        if (Character.isDigit(c) || c == '.') return number();
        if (c == '(' || c == '|') {
            pos++;
            enter();
            Node inner = sum();
            depth--;
            skipSpace();
            char close = c == '(' ? ')' : '|';
            if (peek() != close) {
                throw new SyntaxError(pos, "Missing '" + close + "' to close the '" + c + "' at column " + (start + 1));
            }
            pos++;
            return c == '(' ? inner : Node.call("abs", inner);
        }
        if (Character.isLetter(c)) {
            while (pos < src.length() && Character.isLetter(src.charAt(pos))) pos++;
            String name = src.substring(start, pos);
            switch (name) {
                case "x": return Node.X;
                case "y": return Node.Y;
                case "pi": case "\u03c0": return Node.constant(Math.PI);
                case "e": return Node.constant(Math.E);
                default: break;
            }
            if (!FUNCTIONS.contains(name)) {
                throw new SyntaxError(start, "Unknown name '" + shorten(name) + "'; use x, y, pi, e or "
                        + String.join(", ", FUNCTIONS));
            }
            skipSpace();
            if (peek() != '(') throw new SyntaxError(pos, "'" + name + "' needs its argument in parentheses");
            int open = pos++;
            enter();
            Node arg = sum();
            depth--;
            skipSpace();
            if (peek() != ')') {
                throw new SyntaxError(pos, "Missing ')' to close the '(' at column " + (open + 1));
            }
            pos++;
            return Node.call(name, arg);
        }
        if (c == ')') throw new SyntaxError(pos, "This ')' has no matching '(' or comes too early");
        throw new SyntaxError(pos, "Unexpected '" + c + "'");
    }

    private Node number() {
        int start = pos;
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) pos++;
        // an exponent only when digits follow, so "2e" still reads as 2 times Euler's number
        if (pos + 1 < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
            } else {
                pos = save;
            }
        }
        String text = src.substring(start, pos);
        if (text.equals(".") || text.indexOf('.') != text.lastIndexOf('.')) {
            throw new SyntaxError(start, "'" + shorten(text) + "' is not a number");
        }
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) throw new SyntaxError(start, "The number '" + shorten(text) + "' is too large");
        return Node.constant(v);
    }

    // ---- lexing helpers ---------------------------------------------------------------------------------------

    private boolean startsAtom(char c) {
        return Character.isLetterOrDigit(c) || c == '(' || c == '.' || c == '\u03c0';
    }

    private void enter() {
        if (++depth > MAX_DEPTH) throw new SyntaxError(pos, "Nested more than " + MAX_DEPTH + " levels deep");
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
    }

    private char peek() {
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    private boolean ahead(String s) {
        return src.startsWith(s, pos);
    }

    private static String shorten(String s) {
        return s.length() > 12 ? s.substring(0, 12) + "\u2026" : s;
    }
}
