package descent.optim;

import descent.nn.Activation;
import descent.nn.Mlp;
import descent.tensor.Backend;
import descent.tensor.Images;
import descent.tensor.Losses;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;

/**
 * Timed kernels and training steps, pure Java so the same code runs in the JVM benchmark main (src/test) and in the
 * browser bench runner on the wasm build. Each benchmark checks its result before timing; times are medians.
 */
public final class EngineBench {
    private EngineBench() {}

    /** Median milliseconds of {@code runs} calls after {@code warmup} untimed ones. */
    public static double medianMillis(Runnable r, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) r.run();
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(t);
        return runs % 2 == 1 ? t[runs / 2] : 0.5 * (t[runs / 2 - 1] + t[runs / 2]);
    }

    /** GFLOP/s of an (n, n) x (n, n) product, 2 n^3 flops. */
    public static double matmulGflops(Backend be, int n, int warmup, int runs) {
        Rng rng = new Rng(n);
        Tensor a = Tensor.of(be, rng.uniforms(n * n, -1, 1), n, n).persistent();
        Tensor b = Tensor.of(be, rng.uniforms(n * n, -1, 1), n, n).persistent();
        Tensor c = Tensor.zeros(be, n, n).persistent();
        be.matmul(a.buffer(), b.buffer(), c.buffer(), 1, n, n, n, false, false, 0, 0, false);
        checkEntry(a.toHost(), b.toHost(), c.toHost(), n);
        double ms = medianMillis(() -> be.matmul(a.buffer(), b.buffer(), c.buffer(), 1, n, n, n, false, false, 0, 0,
                false), warmup, runs);
        a.release();
        b.release();
        c.release();
        return 2.0 * n * n * n / (ms * 1e6);
    }

    private static void checkEntry(float[] a, float[] b, float[] c, int n) {
        int i = n / 3, j = n - 1;
        double s = 0;
        for (int k = 0; k < n; k++) s += (double) a[i * n + k] * b[k * n + j];
        if (Math.abs(s - c[i * n + j]) > 1e-3 * Math.sqrt(n)) throw new IllegalStateException("matmul result is wrong");
    }

    /** Milliseconds per training step of an MLP with Adam and cross-entropy on random data. */
    public static double mlpStepMillis(Backend be, int[] sizes, int batch, int warmup, int runs) {
        Rng rng = new Rng(1);
        Mlp mlp = new Mlp(be, rng, new Mlp.Config().sizes(sizes).activation(Activation.RELU));
        Adam adam = new Adam(mlp.parameters(), 1e-3f);
        int d = sizes[0], k = sizes[sizes.length - 1];
        float[] x = rng.uniforms(batch * d, 0, 1);
        int[] y = new int[batch];
        for (int i = 0; i < batch; i++) y[i] = rng.nextInt(k);
        float[] first = new float[1];
        Runnable step = () -> {
            try (Scope s = Scope.open()) {
                Tensor loss = Losses.crossEntropy(mlp.forward(Tensor.of(be, x, batch, d)), Tensor.indices(be, y, batch));
                adam.zeroGrad();
                loss.backward();
                adam.step();
            }
        };
        try (Scope s = Scope.open()) {
            first[0] = Losses.crossEntropy(mlp.forward(Tensor.of(be, x, batch, d)), Tensor.indices(be, y, batch)).item();
        }
        if (!(Math.abs(first[0] - Math.log(k)) < 1.5)) throw new IllegalStateException("initial loss off: " + first[0]);
        return medianMillis(step, warmup, runs);
    }

    /** Milliseconds for a forward and backward conv2d of (n, cin, h, w) with (cout, cin, 3, 3), padding 1. */
    public static double conv2dMillis(Backend be, int n, int cin, int h, int w, int cout, int warmup, int runs) {
        Rng rng = new Rng(2);
        Tensor x = Tensor.of(be, rng.uniforms(n * cin * h * w, -1, 1), n, cin, h, w).persistent().requireGrad();
        Tensor k = Tensor.of(be, rng.uniforms(cout * cin * 9, -1, 1), cout, cin, 3, 3).persistent().requireGrad();
        return medianMillis(() -> {
            try (Scope s = Scope.open()) {
                Images.conv2d(x, k, 1, 1).sum().backward();
            }
        }, warmup, runs);
    }
}
