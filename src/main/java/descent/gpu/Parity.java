package descent.gpu;

import descent.tensor.Backend;
import descent.tensor.Buffer;
import descent.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the same op on two backends with the same seeded inputs and compares the outputs: the check that a WGSL
 * kernel computes what the CPU reference computes. Pure Java (only {@code descent.tensor}), so the JVM tests run it
 * CPU against CPU and the parity page runs it CPU against WebGPU.
 *
 * <p>The error of a case is normwise: max |gpu - cpu| over max |cpu| across all its outputs (a relative error that
 * does not blow up on the entries that happen to be near zero). Backward ops start from random gradient buffers, so
 * the accumulate-into contract is checked too.
 */
public final class Parity {
    /** The outcome of one case. */
    public record Result(String name, double error, double tolerance, String note) {
        public boolean passed() {
            return error <= tolerance && !Double.isNaN(error);
        }
    }

    /** One op at one shape: builds inputs from {@link Inputs}, runs, returns the buffers to compare. */
    public interface Body {
        Buffer[] run(Inputs in);
    }

    public record Case(String name, double tolerance, Body body) {
    }

    /** Seeded inputs on one backend; both backends see identical values because the seed is per case. */
    public static final class Inputs {
        public final Backend be;
        private final Rng rng;
        private final List<Buffer> made = new ArrayList<>();

        Inputs(Backend be, long seed) {
            this.be = be;
            this.rng = new Rng(seed);
        }

        private Buffer of(float[] v) {
            Buffer b = be.alloc(v.length);
            be.write(b, v);
            made.add(b);
            return b;
        }

        /** Uniform in [-2, 2). */
        public Buffer rand(int n) {
            return of(rng.uniforms(n, -2, 2));
        }

        /** Uniform in [lo, hi). */
        public Buffer uniform(int n, double lo, double hi) {
            return of(rng.uniforms(n, lo, hi));
        }

        /** Exact integers in [0, bound), as float32 (labels, row indices). */
        public Buffer indices(int n, int bound) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = rng.nextInt(bound);
            }
            return of(v);
        }

        public Buffer zeros(int n) {
            return of(new float[n]);
        }

        public Buffer values(float... v) {
            return of(v);
        }

        void releaseAll() {
            for (Buffer b : made) {
                be.release(b);
            }
            made.clear();
        }
    }

    private Parity() {
    }

    /** Runs one case on both backends; exceptions count as failures with their message as the note. */
    public static Result run(Case c, Backend reference, Backend subject, long seed) {
        Inputs ri = new Inputs(reference, seed);
        Inputs si = new Inputs(subject, seed);
        try {
            Buffer[] want = c.body().run(ri);
            Buffer[] got = c.body().run(si);
            double maxDiff = 0;
            double maxRef = 0;
            for (int i = 0; i < want.length; i++) {
                float[] w = reference.read(want[i]);
                float[] g = subject.read(got[i]);
                for (int j = 0; j < w.length; j++) {
                    if (Float.isNaN(w[j]) != Float.isNaN(g[j]) || Float.isInfinite(w[j]) != Float.isInfinite(g[j])) {
                        return new Result(c.name(), Double.NaN, c.tolerance(), "output " + i + "[" + j + "]: "
                                + g[j] + " where the CPU has " + w[j]);
                    }
                    if (Float.isNaN(w[j]) || Float.isInfinite(w[j])) {
                        continue;
                    }
                    maxDiff = Math.max(maxDiff, Math.abs((double) w[j] - g[j]));
                    maxRef = Math.max(maxRef, Math.abs(w[j]));
                }
            }
            double err = maxRef == 0 ? maxDiff : maxDiff / maxRef;
            return new Result(c.name(), err, c.tolerance(), "");
        } catch (RuntimeException e) {
            return new Result(c.name(), Double.NaN, c.tolerance(), "threw " + e);
        } finally {
            ri.releaseAll();
            si.releaseAll();
        }
    }

    /** Every case, CPU reference against the subject; {@code quick} runs the small shapes only (diagnostics). */
    public static List<Result> runAll(Backend reference, Backend subject, boolean quick) {
        List<Result> out = new ArrayList<>();
        long seed = 1;
        List<Case> cases = ParityCases.all(quick);
        for (int i = 0; i < cases.size(); i++) {
            // the quick self-test (diagnostics page) takes a spread of every 6th case
            if (!quick || i % 6 == 0) {
                out.add(run(cases.get(i), reference, subject, seed));
            }
            seed++;
        }
        return out;
    }
}
