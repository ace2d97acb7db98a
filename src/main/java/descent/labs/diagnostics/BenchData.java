package descent.labs.diagnostics;

/**
 * Inputs the bench runner gives both sides, Descent and TensorFlow.js ({@code e2e-tests/bench/tfjs-bench.js} has the
 * same functions), so their results can be compared before anything is timed: same weights, same data, so the same
 * losses. Built from 32-bit integer hashing (Java int arithmetic and JavaScript's {@code Math.imul} wrap alike) and
 * one double-to-float rounding, so both produce bit-identical float32 values.
 */
final class BenchData {
    private BenchData() {
    }

    /** The matmul operands: a short-period pattern in [-0.5, 0.5). */
    static float[] pattern(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) ((i * 7919L) % 1000) / 1000f - 0.5f;
        }
        return a;
    }

    /** A 32-bit mix of (i, salt): murmur3's finaliser applied to a Weyl step. */
    static int mix(int i, int salt) {
        int h = i * 0x9E3779B1 + salt * 0x85EBCA6B;
        h ^= h >>> 16;
        h *= 0x7FEB352D;
        h ^= h >>> 15;
        h *= 0x846CA68B;
        h ^= h >>> 16;
        return h;
    }

    /** n values uniform on (-std sqrt 3, std sqrt 3): mean 0, standard deviation std. */
    static float[] uniform(int n, int salt, double std) {
        double scale = std * Math.sqrt(12);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (((mix(i, salt) >>> 8) / 16777216.0 - 0.5) * scale);
        }
        return a;
    }

    /** n class labels in [0, classes). */
    static int[] labels(int n, int salt, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = (mix(i, salt) >>> 8) % classes;
        }
        return y;
    }
}
