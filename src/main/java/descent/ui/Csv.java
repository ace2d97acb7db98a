package descent.ui;

import java.util.List;

/**
 * CSV text for exports (RFC 4180): comma-separated, fields with commas, quotes or line breaks quoted, numbers in
 * plain ASCII with enough digits to round-trip a float. Pure Java.
 *
 * <pre>{@code
 * Csv csv = new Csv().row("step", "loss");
 * csv.row(10, 0.25);
 * Js.download("loss.csv", "text/csv", csv.toString());
 * }</pre>
 */
public final class Csv {
    private final StringBuilder sb = new StringBuilder();

    /** One row; numbers are written with {@link #number}, everything else with {@code String.valueOf}. */
    public Csv row(Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object f = fields[i];
            sb.append(f instanceof Number n ? number(n.doubleValue()) : field(String.valueOf(f)));
        }
        sb.append('\n');
        return this;
    }

    public Csv rows(List<Object[]> rows) {
        for (Object[] r : rows) {
            row(r);
        }
        return this;
    }

    /** Shortest decimal that reads back as the same float; integers without a point; NaN as empty. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Float.toString((float) v);
        return s.replace("E", "e");
    }

    public static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
