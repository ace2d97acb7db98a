package descent.optim;

import descent.tensor.CpuBackend;

/**
 * JVM numbers for the CPU backend (a plain timed main, not a test):
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=descent.optim.EngineBenchMain}.
 * The browser runner times the same {@link EngineBench} methods in the wasm build.
 */
public final class EngineBenchMain {
    public static void main(String[] args) {
        CpuBackend be = new CpuBackend();
        for (int n : new int[] {128, 256, 512}) {
            System.out.printf("matmul %d^3: %.2f GFLOP/s%n", n, EngineBench.matmulGflops(be, n, 5, 15));
        }
        System.out.printf("MLP 784-128-10 batch 64 Adam step: %.3f ms%n",
                EngineBench.mlpStepMillis(be, new int[] {784, 128, 10}, 64, 50, 101));
        System.out.printf("MLP 2-8-8-2 batch 16 Adam step: %.4f ms%n",
                EngineBench.mlpStepMillis(be, new int[] {2, 8, 8, 2}, 16, 500, 1001));
        System.out.printf("conv2d fwd+bwd (16,8,28,28)*(16,8,3,3): %.3f ms%n",
                EngineBench.conv2dMillis(be, 16, 8, 28, 28, 16, 10, 31));
    }
}
