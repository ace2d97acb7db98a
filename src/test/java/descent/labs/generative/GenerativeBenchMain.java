package descent.labs.generative;

import descent.tensor.CpuBackend;

/** The generative lab's benchmark on the JVM (the browser numbers come from the bench runner, GenerativeBenchIT). */
public final class GenerativeBenchMain {
    public static void main(String[] args) {
        CpuBackend be = new CpuBackend();
        GenerativeBench.Clock clock = () -> System.nanoTime() / 1e6;
        for (GenerativeBench.Row r : GenerativeBench.training(be, clock, 3000, () -> { })) System.out.println(r);
        for (GenerativeBench.Row r : GenerativeBench.sampling(be, clock, () -> { })) System.out.println(r);
    }
}
