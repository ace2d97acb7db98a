package descent.tensor;

/** Helpers for shapes: row-major {@code int[]}, last axis fastest; a rank-0 shape {} holds one scalar. */
public final class Shape {
    private Shape() {}

    public static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in " + str(shape));
            n *= d;
        }
        return n;
    }

    public static String str(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }

    public static boolean same(int[] a, int[] b) {
        if (a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) return false;
        return true;
    }

    /** Resolves a possibly negative axis (-1 is the last) and checks it. */
    public static int axis(int[] shape, int axis) {
        int a = axis < 0 ? axis + shape.length : axis;
        if (a < 0 || a >= shape.length) {
            throw new IllegalArgumentException("axis " + axis + " out of range for " + str(shape));
        }
        return a;
    }

    /** Product of the dimensions before {@code axis}. */
    public static int outer(int[] shape, int axis) {
        int n = 1;
        for (int i = 0; i < axis; i++) n *= shape[i];
        return n;
    }

    /** Product of the dimensions after {@code axis}. */
    public static int inner(int[] shape, int axis) {
        int n = 1;
        for (int i = axis + 1; i < shape.length; i++) n *= shape[i];
        return n;
    }

    /** Dense row-major strides. */
    public static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** The broadcast of two shapes by NumPy's rule (align on the right, 1 stretches). */
    public static int[] broadcast(int[] a, int[] b) {
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.length ? 1 : a[i - (r - a.length)];
            int db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("shapes " + str(a) + " and " + str(b) + " do not broadcast");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Strides of {@code shape} read as {@code out} (right-aligned), 0 along broadcast axes. */
    public static int[] broadcastStrides(int[] shape, int[] out) {
        int[] dense = strides(shape);
        int[] s = new int[out.length];
        int off = out.length - shape.length;
        for (int i = 0; i < out.length; i++) {
            s[i] = i < off || shape[i - off] == 1 ? 0 : dense[i - off];
        }
        return s;
    }

    /** The shape without {@code axis}, or with it set to 1 when {@code keep}. */
    public static int[] reduced(int[] shape, int axis, boolean keep) {
        if (keep) {
            int[] s = shape.clone();
            s[axis] = 1;
            return s;
        }
        int[] s = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) if (i != axis) s[j++] = shape[i];
        return s;
    }

    /** Resolves one -1 entry of a reshape target against a total size. */
    public static int[] infer(int[] target, int size) {
        int[] s = target.clone();
        int unknown = -1, known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (unknown >= 0) throw new IllegalArgumentException("more than one -1 in " + str(target));
                unknown = i;
            } else {
                known *= s[i];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || size % known != 0) {
                throw new IllegalArgumentException("cannot reshape " + size + " elements to " + str(target));
            }
            s[unknown] = size / known;
        }
        if (size(s) != size) throw new IllegalArgumentException("cannot reshape " + size + " elements to " + str(target));
        return s;
    }
}
