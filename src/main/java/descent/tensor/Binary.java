package descent.tensor;

/** Elementwise functions of two broadcast operands, out = a op b. */
public enum Binary {
    ADD, SUB, MUL, DIV,
    /** max(a, b); the gradient goes to the larger operand, to a on ties */
    MAX
}
