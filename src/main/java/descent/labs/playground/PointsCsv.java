package descent.labs.playground;

import descent.labs.playground.PointCodec.Points;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV import and export of a 2-D dataset, {@code x,y,label} per line. Import is all or nothing: any bad row rejects
 * the file, every bad row is named by its line number, and the lab keeps its current data. Labels are classes 0–5
 * (or -1/1, read as 0/1); a label that is not a whole number makes the file a regression set of real targets.
 */
public final class PointsCsv {
    public static final int MAX_CHARS = 200_000;
    static final int MAX_LISTED = 8;

    /** What an import produced: points (null on failure), the problems by line, and notes on what was adjusted. */
    public record Result(Points points, List<String> problems, List<String> notes) {
        public boolean ok() {
            return points != null;
        }
    }

    private PointsCsv() {
    }

    /**
     * Parses {@code text}. {@code preferRegression} reads whole-number labels as targets (the lab is on a regression
     * dataset); otherwise they are classes.
     */
    public static Result parse(String text, boolean preferRegression) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return fail("The file is empty.");
        }
        if (text.length() > MAX_CHARS) {
            return fail("The file has " + text.length() + " characters; the limit is " + MAX_CHARS + ".");
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowLine = new ArrayList<>();
        int bad = 0;
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            int no = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (first && f.length >= 1 && looksLikeHeader(f)) {
                first = false;
                continue;
            }
            first = false;
            if (f.length != 3) {
                bad = report(problems, bad, "line " + no + ": expected 3 values (x,y,label), found " + f.length
                        + ".");
                continue;
            }
            double[] v = new double[3];
            String[] names = {"x", "y", "label"};
            boolean rowOk = true;
            for (int k = 0; k < 3; k++) {
                v[k] = number(f[k].trim());
                if (Double.isNaN(v[k])) {
                    bad = report(problems, bad, "line " + no + ": " + names[k] + " \u201c" + shorten(f[k].trim())
                            + "\u201d is not a number.");
                    rowOk = false;
                    break;
                }
            }
            if (rowOk) {
                rows.add(v);
                rowLine.add(no);
            }
        }
        if (rows.size() > PlaygroundSpec.MAX_CUSTOM_POINTS) {
            bad = report(problems, bad, "The file has " + rows.size() + " points; the lab takes at most "
                    + PlaygroundSpec.MAX_CUSTOM_POINTS + " (so a link can carry them).");
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            return fail("The file has no data rows.");
        }
        boolean regression = preferRegression;
        boolean plusMinus = true;
        for (double[] r : rows) {
            if (r[2] != Math.rint(r[2])) {
                regression = true;
            }
            if (r[2] != 1 && r[2] != -1) {
                plusMinus = false;
            }
        }
        int n = rows.size();
        int[] labels = regression ? null : new int[n];
        float[] targets = regression ? new float[n] : null;
        if (!regression) {
            for (int i = 0; i < n; i++) {
                double c = rows.get(i)[2];
                if (plusMinus) {
                    c = c > 0 ? 1 : 0;
                } else if (c < 0 || c > 5) {
                    bad = report(problems, bad, "line " + rowLine.get(i) + ": class " + Csv.format(c)
                            + " is outside 0\u20135 (the lab shows up to 6 classes).");
                    continue;
                }
                labels[i] = (int) c;
            }
            if (plusMinus) {
                notes.add("Labels \u22121 and 1 were read as classes 0 and 1.");
            }
        }
        if (bad > MAX_LISTED) {
            problems.add("\u2026 and " + (bad - MAX_LISTED) + " more bad row" + (bad - MAX_LISTED == 1 ? "" : "s")
                    + ".");
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems, notes);
        }
        float[] xy = new float[2 * n];
        double[] range = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            range[0] = Math.min(range[0], r[0]);
            range[1] = Math.max(range[1], r[0]);
            range[2] = Math.min(range[2], r[1]);
            range[3] = Math.max(range[3], r[1]);
        }
        double cx = 0, cy = 0, scale = 1;
        if (range[0] < -PointCodec.COORD || range[1] > PointCodec.COORD || range[2] < -PointCodec.COORD
                || range[3] > PointCodec.COORD) {
            // one scale for both axes keeps shapes (circles stay circles)
            cx = (range[0] + range[1]) / 2;
            cy = (range[2] + range[3]) / 2;
            scale = 1 / Math.max(1e-12, Math.max(range[1] - range[0], range[3] - range[2]) / 2);
            notes.add("Coordinates spanning x \u2208 [" + Csv.format(range[0]) + ", " + Csv.format(range[1])
                    + "], y \u2208 [" + Csv.format(range[2]) + ", " + Csv.format(range[3])
                    + "] were scaled into the lab's square [\u22121, 1]\u00b2.");
        }
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            xy[2 * i] = PointCodec.quantizeCoord((r[0] - cx) * scale);
            xy[2 * i + 1] = PointCodec.quantizeCoord((r[1] - cy) * scale);
        }
        if (regression) {
            double big = 0;
            for (double[] r : rows) {
                big = Math.max(big, Math.abs(r[2]));
            }
            double ts = big > PointCodec.TARGET ? 1 / big : 1;
            if (ts != 1) {
                notes.add("Targets up to " + Csv.format(big) + " were divided by " + Csv.format(big)
                        + " to fit [\u22121, 1].");
            }
            for (int i = 0; i < n; i++) {
                targets[i] = PointCodec.quantizeTarget(rows.get(i)[2] * ts);
            }
        }
        return new Result(new Points(xy, labels, targets), problems, notes);
    }

    private static int report(List<String> problems, int bad, String message) {
        if (bad < MAX_LISTED) {
            problems.add(message);
        }
        return bad + 1;
    }

    private static Result fail(String message) {
        return new Result(null, List.of(message), List.of());
    }

    private static boolean looksLikeHeader(String[] f) {
        for (String s : f) {
            if (Double.isNaN(number(s.trim())) && s.trim().matches(".*[A-Za-z_].*")) {
                return true;
            }
        }
        return false;
    }

    /** A finite decimal number, or NaN: no hex, no "Infinity", no "NaN". */
    static double number(String s) {
        if (s.isEmpty() || s.length() > 40 || !s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?")) {
            return Double.NaN;
        }
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? v : Double.NaN;
    }

    private static String shorten(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 24 ? clean.substring(0, 24) + "\u2026" : clean;
    }

    /** The dataset as CSV with a header; classes as integers, targets as decimals. */
    public static String format(Points p, boolean[] isTest) {
        StringBuilder sb = new StringBuilder(isTest == null ? "x,y,label\n" : "x,y,label,split\n");
        for (int i = 0; i < p.size(); i++) {
            sb.append(Csv.format(p.xy()[2 * i])).append(',').append(Csv.format(p.xy()[2 * i + 1])).append(',');
            sb.append(p.regression() ? Csv.format(p.targets()[i]) : Integer.toString(p.labels()[i]));
            if (isTest != null) {
                sb.append(isTest[i] ? ",test" : ",train");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Plain number formatting that reads back exactly (no locale, no unicode minus). */
    static final class Csv {
        private Csv() {
        }

        static String format(double v) {
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            return Float.toString((float) v).replace("E", "e");
        }
    }
}
