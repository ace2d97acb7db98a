package descent.labs.mupmuon;

import descent.labs.HashState;
import java.util.ArrayList;
import java.util.List;

/**
 * The odd polynomials a Newton–Schulz iteration applies, one (a, b, c) per step: X ← a X + b (X Xᵀ) X + c (X Xᵀ)² X
 * maps every singular value σ to p(σ) = a σ + b σ³ + c σ⁵ and keeps the singular vectors. A schedule shorter than
 * the step count repeats its last triple, as Polar Express does.
 */
public final class NsSchedule {
    public static final int MAX_TRIPLES = 10;
    public static final double MAX_ABS = 100;

    /** Newton–Schulz's classic cubic: p(σ) = (3σ − σ³)/2 has p(1) = 1 and p′(1) = 0, so σ → 1 quadratically. */
    public static final NsSchedule CUBIC = new NsSchedule(List.of(new double[] {1.5, -0.5, 0}));

    /**
     * Jordan's quintic for Muon (2024): slope 3.4445 at 0 so small singular values grow fast, at the price of not
     * converging: after a few steps the values oscillate in a band around 1 instead of settling on it.
     */
    public static final NsSchedule QUINTIC = new NsSchedule(List.of(new double[] {3.4445, -4.7750, 2.0315}));

    /**
     * Polar Express (Amsel, Persson, Musco and Gower 2025, Algorithm 1) without its safety factor: a different
     * minimax-optimal quintic per step, aggressive first and converging last, ending on (15/8, −5/4, 3/8).
     */
    public static final String POLAR_EXPRESS = "8.2872, -23.596, 17.300; 4.1071, -2.9478, 0.54484; "
            + "3.9487, -2.9089, 0.55182; 3.3184, -2.4885, 0.51005; 2.3007, -1.6689, 0.41881; "
            + "1.8913, -1.2680, 0.37680; 1.875, -1.25, 0.375";

    private final List<double[]> triples;

    public NsSchedule(List<double[]> triples) {
        if (triples.isEmpty()) throw new IllegalArgumentException("a schedule needs at least one triple");
        this.triples = List.copyOf(triples);
    }

    /** What a typed schedule became: a schedule, or a message saying what is wrong with the text. */
    public record Parsed(NsSchedule schedule, String error) {
        public boolean ok() {
            return schedule != null;
        }
    }

    /** Triple {@code step} (0-based); past the end of the schedule, the last one. */
    public double[] at(int step) {
        return triples.get(Math.min(step, triples.size() - 1));
    }

    public int length() {
        return triples.size();
    }

    /** p_step(σ) = a σ + b σ³ + c σ⁵. */
    public double apply(int step, double s) {
        double[] t = at(step);
        double s2 = s * s;
        return s * (t[0] + s2 * (t[1] + s2 * t[2]));
    }

    /** The first {@code k} steps composed: p_{k−1}(… p_1(p_0(σ))). */
    public double compose(int k, double s) {
        for (int i = 0; i < k; i++) s = apply(i, s);
        return s;
    }

    /**
     * The band [min, max] of p composed k times over σ ∈ [lo, hi], sampled finely (and at both ends): where
     * Newton–Schulz sends every singular value it is given in that range.
     */
    public double[] band(int k, double lo, double hi, int samples) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= samples; i++) {
            // geometric sampling: small singular values are where the polynomials differ most
            double s = lo * Math.pow(hi / lo, (double) i / samples);
            double y = compose(k, s);
            min = Math.min(min, y);
            max = Math.max(max, y);
        }
        return new double[] {min, max};
    }

    /**
     * Parses "a, b, c" triples separated by semicolons or new lines, each optionally in parentheses; "−" counts as a
     * minus. {@code single} demands exactly one triple (the "your (a, b, c)" knob). Never throws: garbage gives a
     * message that says what to type instead.
     */
    public static Parsed parse(String text, boolean single) {
        if (text == null || text.isBlank()) return new Parsed(null, "Type three numbers a, b, c, e.g. 3.4445, −4.775, 2.0315.");
        String[] groups = text.replace('\u2212', '-').trim().split("\\s*[;\\n|]\\s*");
        List<double[]> out = new ArrayList<>();
        for (String g : groups) {
            String body = g.trim();
            if (body.isEmpty()) continue;
            if (body.startsWith("(") || body.startsWith("[")) body = body.substring(1);
            if (body.endsWith(")") || body.endsWith("]")) body = body.substring(0, body.length() - 1);
            String[] parts = body.trim().split("\\s*,\\s*|\\s+");
            int n = out.size() + 1;
            String where = single ? "" : "Triple " + n + ": ";
            if (parts.length != 3) {
                return new Parsed(null, where + "needs exactly three numbers a, b, c (found " + parts.length + ").");
            }
            double[] t = new double[3];
            for (int i = 0; i < 3; i++) {
                double v = HashState.parseNumber(parts[i]);
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    return new Parsed(null, where + "\u201c" + shorten(parts[i]) + "\u201d is not a number.");
                }
                if (Math.abs(v) > MAX_ABS) {
                    return new Parsed(null, where + "keep coefficients between \u2212100 and 100.");
                }
                t[i] = v;
            }
            out.add(t);
        }
        if (out.isEmpty()) return new Parsed(null, "Type three numbers a, b, c.");
        if (single && out.size() != 1) return new Parsed(null, "One triple a, b, c here; the schedule takes several.");
        if (out.size() > MAX_TRIPLES) return new Parsed(null, "At most " + MAX_TRIPLES + " triples, one per step.");
        return new Parsed(new NsSchedule(out), null);
    }

    private static String shorten(String s) {
        return s.length() > 12 ? s.substring(0, 12) + "\u2026" : s;
    }

    /** The schedule as text that {@link #parse} reads back. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (double[] t : triples) {
            if (sb.length() > 0) sb.append("; ");
            sb.append(HashState.format(t[0])).append(", ").append(HashState.format(t[1])).append(", ")
                    .append(HashState.format(t[2]));
        }
        return sb.toString();
    }
}
