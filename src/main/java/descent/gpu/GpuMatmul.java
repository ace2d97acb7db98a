package descent.gpu;

import descent.gpu.BufferPool.GpuBuffer;
import descent.gpu.Pipelines.Kernel;

/**
 * Which matmul kernel serves which shape: register blocks on adapters that run on the CPU (matmul_blocked.wgsl),
 * 64 x 64 tiles in workgroup memory for large aligned products on GPUs (matmul.wgsl), and one thread per output for
 * thin or unaligned ones (matmul_thin.wgsl). Each in four variants, for op(A) and op(B) transposed or not.
 */
final class GpuMatmul {
    private final GpuOps ops;
    private final Kernel[] kernels = new Kernel[12];

    GpuMatmul(GpuOps ops) {
        this.ops = ops;
    }

    void run(GpuBuffer a, GpuBuffer b, GpuBuffer c, int batch, int m, int k, int n, boolean transA,
            boolean transB, int strideA, int strideB, boolean accumulate) {
        if (GpuOps.aliases(c, a, b)) {
            throw new IllegalArgumentException("matmul: the output aliases an input");
        }
        if (k == 0) {
            if (!accumulate) {
                ops.fill(c, 0f);
            }
            return;
        }
        int variant = (transA ? 1 : 0) + (transB ? 2 : 0);
        // the vec4 kernels read vec4s along stored rows: every stored row length and batch stride must be a
        // multiple of 4; they also need enough output to be worth a block per invocation
        boolean aligned = aligned(m, k, n, transA, transB, strideA, strideB);
        if (ops.cpuKernels && blocked(m, k, n, transA, transB, strideA, strideB)) {
            // an adapter that runs on the CPU: register blocks, no workgroup memory (see matmul_blocked.wgsl)
            Kernel kernel = kernels[8 + variant];
            if (kernel == null) {
                kernel = kernels[8 + variant] = ops.k("matmul_blocked", Shaders.MATMUL_BLOCKED, "TRANS_A="
                        + (transA ? 1 : 0) + ",TRANS_B=" + (transB ? 1 : 0), 2, 1);
            }
            ops.rec.params().u(m).u(k).u(n).u(accumulate ? 1 : 0).u(strideA / 4).u(strideB / 4);
            ops.rec.launch(kernel, (n + 63) / 64, (m + 63) / 64, batch, a, b, c);
            return;
        }
        boolean tiled = aligned && (long) m * n >= 4096 && k >= 16 && m >= 16 && n >= 16;
        if (tiled) {
            Kernel kernel = kernels[variant];
            if (kernel == null) {
                kernel = kernels[variant] = ops.k("matmul", Shaders.MATMUL, "TRANS_A=" + (transA ? 1 : 0)
                        + ",TRANS_B=" + (transB ? 1 : 0), 2, 1);
            }
            ops.rec.params().u(m).u(k).u(n).u(accumulate ? 1 : 0).u(strideA / 4).u(strideB / 4);
            ops.rec.launch(kernel, (n + 63) / 64, (m + 63) / 64, batch, a, b, c);
            return;
        }
        Kernel kernel = kernels[4 + variant];
        if (kernel == null) {
            kernel = kernels[4 + variant] = ops.k("matmul_thin", Shaders.MATMUL_THIN, "TRANS_A=" + (transA ? 1 : 0)
                    + ",TRANS_B=" + (transB ? 1 : 0), 2, 1);
        }
        ops.rec.params().u(m).u(k).u(n).u(accumulate ? 1 : 0).u(strideA).u(strideB).u(batch);
        ops.grid(kernel, (long) batch * m * n, 256, a, b, c);
    }

    static boolean aligned(int m, int k, int n, boolean transA, boolean transB, int strideA, int strideB) {
        return (transA ? m : k) % 4 == 0 && (transB ? k : n) % 4 == 0 && strideA % 4 == 0 && strideB % 4 == 0;
    }

    /** matmul_blocked's preconditions: aligned, k and n multiples of 4 (C is written as vec4s), at least 8 x 8. */
    static boolean blocked(int m, int k, int n, boolean transA, boolean transB, int strideA, int strideB) {
        return aligned(m, k, n, transA, transB, strideA, strideB) && k % 4 == 0 && n % 4 == 0 && m >= 8 && n >= 8;
    }
}
