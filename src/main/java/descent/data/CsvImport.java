package descent.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Imports 2-D labelled points from CSV text, one {@code x,y,label} per line. An optional header line naming the
 * columns is skipped, blank lines are ignored. Every problem names its line: wrong column count, a value that is not
 * a number, NaN or infinity, a label that is not a whole number 0-9, binary data, too many rows, an empty file.
 * At most {@link #MAX_PROBLEMS} problems are listed.
 */
public final class CsvImport {
    private CsvImport() {}

    public static final int MAX_ROWS = 10_000;
    public static final int MAX_PROBLEMS = 5;
    /** Generous for 10,000 rows of three numbers, and a bound on what a paste can make us scan. */
    public static final int MAX_CHARS = 1_000_000;

    public static ImportResult<Dataset> points(String text) {
        if (text == null || text.trim().isEmpty()) return ImportResult.failed(0, "the file is empty");
        if (text.length() > MAX_CHARS) {
            return ImportResult.failed(0, "the file has " + text.length() + " characters; the limit is " + MAX_CHARS);
        }
        List<ImportResult.Problem> problems = new ArrayList<>();
        float[] xy = new float[2 * Math.min(MAX_ROWS, 1024)];
        int[] labels = new int[Math.min(MAX_ROWS, 1024)];
        int rows = 0, maxLabel = -1, lineNo = 0;
        boolean first = true;
        int start = 0;
        while (start <= text.length() && problems.size() < MAX_PROBLEMS) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            String line = text.substring(start, end);
            start = end + 1;
            lineNo++;
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            String binary = firstBinary(line);
            if (binary != null) {
                problems.add(ImportResult.problem(lineNo, "contains " + binary + ": this is not a CSV text file"));
                break;
            }
            if (line.trim().isEmpty()) {
                if (end == text.length()) break;
                continue;
            }
            String[] cols = line.split(",", -1);
            if (first && isHeader(cols)) {
                first = false;
                continue;
            }
            first = false;
            if (cols.length != 3) {
                problems.add(ImportResult.problem(lineNo, "expected 3 columns (x,y,label), found " + cols.length));
                continue;
            }
            if (rows == MAX_ROWS) {
                problems.add(ImportResult.problem(lineNo, "more than " + MAX_ROWS + " rows; the limit is " + MAX_ROWS));
                break;
            }
            Float x = number(cols[0], "x", lineNo, problems);
            Float y = number(cols[1], "y", lineNo, problems);
            Integer label = label(cols[2], lineNo, problems);
            if (x == null || y == null || label == null) continue;
            if (rows == labels.length) {
                labels = java.util.Arrays.copyOf(labels, Math.min(MAX_ROWS, 2 * rows));
                xy = java.util.Arrays.copyOf(xy, 2 * labels.length);
            }
            xy[2 * rows] = x;
            xy[2 * rows + 1] = y;
            labels[rows] = label;
            maxLabel = Math.max(maxLabel, label);
            rows++;
            if (end == text.length()) break;
        }
        if (!problems.isEmpty()) return ImportResult.failed(problems);
        if (rows == 0) return ImportResult.failed(0, "the file has a header but no data rows");
        return ImportResult.ok(Dataset.classification("imported points", java.util.Arrays.copyOf(xy, 2 * rows), 2,
                java.util.Arrays.copyOf(labels, rows), Math.max(2, maxLabel + 1)));
    }

    private static boolean isHeader(String[] cols) {
        for (String c : cols) {
            String t = c.trim();
            if (!t.isEmpty() && Character.isLetter(t.charAt(0)) && !t.equalsIgnoreCase("nan")
                    && !t.toLowerCase().startsWith("inf")) {
                return true;
            }
        }
        return false;
    }

    private static String firstBinary(String line) {
        for (int i = 0; i < line.length(); i++) {
            String bad = TextImport.binaryCharacter(line.charAt(i));
            if (bad != null) return bad;
        }
        return null;
    }

    private static Float number(String raw, String column, int line, List<ImportResult.Problem> problems) {
        String t = raw.trim();
        if (t.isEmpty()) {
            problems.add(ImportResult.problem(line, "column " + column + " is empty"));
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            problems.add(ImportResult.problem(line, "'" + shorten(t) + "' in column " + column + " is not a number"));
            return null;
        }
        if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) > 1e30) {
            problems.add(ImportResult.problem(line, column + " is " + shorten(t) + "; only finite numbers are allowed"));
            return null;
        }
        return (float) v;
    }

    private static Integer label(String raw, int line, List<ImportResult.Problem> problems) {
        String t = raw.trim();
        int v;
        try {
            v = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            v = -1;
        }
        if (v < 0 || v > 9) {
            problems.add(ImportResult.problem(line, "label '" + shorten(t) + "' is not a whole number from 0 to 9"));
            return null;
        }
        return v;
    }

    private static String shorten(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }
}
