package descent.labs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The URL hash as the single source of a lab's state: {@code #lab=playground&lr=0.03&seed=7&lr_hide=1}.
 *
 * <p>Parsing never throws: garbage, NaN, out-of-range values, unknown keys and unknown labs are clamped or dropped,
 * and each repair is reported as a notice for the page to show (as text, never as HTML).
 */
public final class HashState {
    /** Longer hashes are refused whole: no lab needs more, and a pasted novel should not stall the page. */
    public static final int MAX_HASH = 8192;

    /** The result of parsing a hash: {@code spec} is null for the gallery. */
    public record Parsed(LabSpec spec, Params params, Set<String> hidden, List<String> notices) {
    }

    private HashState() {
    }

    public static Parsed parse(String hash, Collection<LabSpec> labs) {
        List<String> notices = new ArrayList<>();
        if (hash == null) {
            hash = "";
        }
        if (hash.startsWith("#")) {
            hash = hash.substring(1);
        }
        if (hash.length() > MAX_HASH) {
            notices.add("The link's settings are " + hash.length() + " characters long (the limit is " + MAX_HASH
                    + "); they were ignored.");
            return new Parsed(null, null, Set.of(), notices);
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : hash.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            if (key == null || value == null) {
                notices.add("A setting with broken %-encoding was ignored.");
                continue;
            }
            pairs.add(new String[] {key, value});
        }
        String labId = null;
        for (String[] kv : pairs) {
            if (kv[0].equals("lab")) {
                labId = kv[1];
            }
        }
        LabSpec spec = null;
        if (labId != null) {
            for (LabSpec s : labs) {
                if (s.id().equals(labId)) {
                    spec = s;
                }
            }
            if (spec == null) {
                notices.add("There is no lab called \u201c" + shorten(labId) + "\u201d; here is the gallery.");
            }
        }
        if (spec == null) {
            return new Parsed(null, null, Set.of(), notices);
        }
        Params params = new Params(spec);
        Set<String> hidden = new LinkedHashSet<>();
        for (String[] kv : pairs) {
            String key = kv[0];
            if (key.equals("lab")) {
                continue;
            }
            if (key.endsWith("_hide")) {
                String knob = key.substring(0, key.length() - "_hide".length());
                if (spec.knob(knob) != null && (kv[1].equals("1") || kv[1].equals("true"))) {
                    hidden.add(knob);
                } else if (spec.knob(knob) == null) {
                    notices.add("Unknown setting \u201c" + shorten(key) + "\u201d was ignored.");
                }
                continue;
            }
            Knob k = spec.knob(key);
            if (k == null) {
                notices.add("Unknown setting \u201c" + shorten(key) + "\u201d was ignored.");
                continue;
            }
            apply(k, kv[1], params, notices);
        }
        return new Parsed(spec, params, hidden, notices);
    }

    /** Validates one incoming value; on trouble keeps the default (or clamps) and says so. */
    public static void apply(Knob k, String raw, Params params, List<String> notices) {
        String label = k.label + " (" + k.name + ")";
        switch (k.type) {
            case NUMBER, INT -> {
                double v = parseNumber(raw);
                if (Double.isNaN(v)) {
                    notices.add(label + ": \u201c" + shorten(raw) + "\u201d is not a number; using the default.");
                    return;
                }
                if (k.type == Knob.Type.INT && v != Math.rint(v)) {
                    notices.add(label + ": " + shorten(raw) + " is not a whole number; rounded.");
                    v = Math.rint(v);
                }
                if (v < k.min || v > k.max) {
                    double c = Math.max(k.min, Math.min(k.max, v));
                    notices.add(label + ": " + shorten(raw) + " is outside [" + format(k.min) + ", " + format(k.max)
                            + "]; using " + format(c) + ".");
                    v = c;
                }
                params.set(k.name, k.type == Knob.Type.INT ? (Object) (int) v : (Object) v);
            }
            case BOOL -> {
                if (raw.equals("1") || raw.equals("true")) {
                    params.set(k.name, true);
                } else if (raw.equals("0") || raw.equals("false")) {
                    params.set(k.name, false);
                } else {
                    notices.add(label + ": \u201c" + shorten(raw) + "\u201d is not 0 or 1; using the default.");
                }
            }
            case CHOICE -> {
                if (k.options.contains(raw)) {
                    params.set(k.name, raw);
                } else {
                    notices.add(label + ": \u201c" + shorten(raw) + "\u201d is not one of " + String.join(", ",
                            k.options) + "; using the default.");
                }
            }
            case TEXT -> {
                if (raw.length() > k.maxLength()) {
                    notices.add(label + ": the text is " + raw.length() + " characters; the limit is "
                            + k.maxLength() + ". Using the default.");
                } else {
                    params.set(k.name, raw);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /** The hash for a state: the lab, the seed, every knob that differs from its default, then the hidden ones. */
    public static String format(Params params, Set<String> hidden) {
        StringBuilder sb = new StringBuilder("lab=").append(params.spec().id());
        for (Knob k : params.spec().knobs()) {
            if (k.name.equals("seed") || !params.isDefault(k.name)) {
                sb.append('&').append(k.name).append('=').append(encode(formatValue(k, params.get(k.name))));
            }
        }
        for (Knob k : params.spec().knobs()) {
            if (hidden.contains(k.name)) {
                sb.append('&').append(k.name).append("_hide=1");
            }
        }
        return sb.toString();
    }

    public static String formatValue(Knob k, Object value) {
        return switch (k.type) {
            case NUMBER -> format(((Number) value).doubleValue());
            case INT -> Integer.toString(((Number) value).intValue());
            case BOOL -> ((Boolean) value) ? "1" : "0";
            case CHOICE, TEXT -> (String) value;
        };
    }

    /** Shortest decimal that reads back to the same double, without exponent for everyday magnitudes. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + s.substring(e + 1);
    }

    /** A strict decimal parser: digits, one dot, optional exponent. No hex, no NaN, no Infinity. */
    public static double parseNumber(String s) {
        if (s.isEmpty() || s.length() > 32 || !s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?")) {
            return Double.NaN;
        }
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? v : Double.NaN;
    }

    /** Percent-decoding of UTF-8; null when the encoding is broken. '+' stays '+' (this is a hash, not a form). */
    public static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] bytes = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else {
                int cp = s.codePointAt(i);
                byte[] utf = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (n + utf.length > bytes.length) {
                    bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2 + utf.length);
                }
                for (byte b : utf) {
                    bytes[n++] = b;
                }
                i += Character.charCount(cp) - 1;
            }
        }
        return new String(bytes, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Percent-encodes everything but unreserved characters and a few that read well in a hash. */
    public static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~,:*()!/".indexOf(c)
                    >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 15));
            }
        }
        return sb.toString();
    }

    static String shorten(String s) {
        String clean = s.replaceAll("[\\p{Cntrl}]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "\u2026" : clean;
    }
}
