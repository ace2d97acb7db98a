package descent.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of importing user data: either a value or the problems found, each naming its line. An import never
 * changes what is already loaded; the caller swaps in the value only on success.
 */
public final class ImportResult<T> {
    /** One problem: line 0 means the input as a whole. */
    public static final class Problem {
        public final int line;
        public final String message;

        Problem(int line, String message) {
            this.line = line;
            this.message = message;
        }

        @Override
        public String toString() {
            return line > 0 ? "line " + line + ": " + message : message;
        }
    }

    private final T value;
    private final List<Problem> problems;

    private ImportResult(T value, List<Problem> problems) {
        this.value = value;
        this.problems = Collections.unmodifiableList(problems);
    }

    public static <T> ImportResult<T> ok(T value) {
        return new ImportResult<>(value, new ArrayList<>());
    }

    public static <T> ImportResult<T> failed(List<Problem> problems) {
        if (problems.isEmpty()) throw new IllegalArgumentException("a failure needs a problem");
        return new ImportResult<>(null, problems);
    }

    public static <T> ImportResult<T> failed(int line, String message) {
        List<Problem> p = new ArrayList<>();
        p.add(new Problem(line, message));
        return failed(p);
    }

    static Problem problem(int line, String message) {
        return new Problem(line, message);
    }

    public boolean ok() {
        return value != null;
    }

    /** The imported value; throws if the import failed. */
    public T value() {
        if (value == null) throw new IllegalStateException("import failed: " + message());
        return value;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** All problems as one message for the page, one per line. */
    public String message() {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(p);
        }
        return sb.toString();
    }
}
