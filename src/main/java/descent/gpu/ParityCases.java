package descent.gpu;

import descent.gpu.Parity.Case;
import descent.gpu.Parity.Inputs;
import descent.nn.Parameter;
import descent.nn.Role;
import descent.optim.AdaGrad;
import descent.optim.Adam;
import descent.optim.AdamW;
import descent.optim.Lion;
import descent.optim.Momentum;
import descent.optim.Muon;
import descent.optim.Nesterov;
import descent.optim.Optimizer;
import descent.optim.RmsProp;
import descent.optim.Sgd;
import descent.optim.SignDescent;
import descent.tensor.Backend;
import descent.tensor.Binary;
import descent.tensor.Buffer;
import descent.tensor.ConvShape;
import descent.tensor.Pool;
import descent.tensor.Reduce;
import descent.tensor.Shape;
import descent.tensor.Tensor;
import descent.tensor.Unary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The parity cases: every {@link Backend} op forward and backward, and every optimizer, at the sizes where kernels go
 * wrong (1, 3, 17, 255, 256, 257: one element, less than a vec4, odd, around a 256-thread workgroup) and non-square.
 *
 * <p>Tolerance {@value #TOL} (normwise relative) for everything, with these stated exceptions:
 * <ul>
 *   <li>{@value #TOL_TRANSCENDENTAL} for exp, log, pow, tanh, gelu, silu, sigmoid and softplus: WGSL's built-ins are
 *       specified to a few ulp but software and mobile drivers use cheaper approximations (2^-11 relative error is
 *       what the WGSL spec allows for exp2/log2 on some paths);</li>
 *   <li>{@value #TOL_OPTIMIZER} for the adaptive optimizers after three steps: g / sqrt(v) amplifies a one-ulp
 *       difference in v when a gradient entry is near zero, and sign-based rules (Lion, sign descent) flip the sign
 *       of an exactly-zero or tiny momentum;</li>
 *   <li>{@value #TOL_MUON} for Muon: five Newton-Schulz iterations are fifteen float32 matmuls, each step's rounding
 *       differences are amplified by the quintic's slope of 3.4 near zero.</li>
 * </ul>
 */
final class ParityCases {
    static final double TOL = 1e-4;
    static final double TOL_TRANSCENDENTAL = 5e-4;
    static final double TOL_OPTIMIZER = 1e-3;
    static final double TOL_MUON = 2e-3;
    static final int[] SIZES = {1, 3, 17, 255, 256, 257};

    private ParityCases() {
    }

    static List<Case> all(boolean quick) {
        List<Case> out = new ArrayList<>();
        int[] sizes = quick ? new int[] {3, 257} : SIZES;
        elementwise(out, sizes, quick);
        matmul(out, quick);
        layout(out, sizes);
        reductions(out, sizes);
        if (!quick) {
            images(out);
        }
        optimizers(out);
        ensemble(out);
        return out;
    }

    /** Eight MLPs trained together (batched matmuls over the ensemble axis, one fused Adam dispatch per tensor). */
    private static void ensemble(List<Case> out) {
        add(out, "ensemble of 8 MLPs 2-16-16-3, 3 Adam steps", TOL_OPTIMIZER, in -> {
            Backend be = in.be;
            long[] seeds = {1, 2, 3, 4, 5, 6, 7, 8};
            Ensemble ens = new Ensemble(be, seeds, 2, 16, 16, 3);
            float[] x = be.read(in.rand(8 * 10 * 2));
            float[] idx = be.read(in.indices(8 * 10, 3));
            int[] labels = new int[idx.length];
            for (int i = 0; i < idx.length; i++) {
                labels[i] = (int) idx[i];
            }
            Tensor xt = Tensor.of(be, x, 8, 10, 2);
            Tensor y = Ensemble.oneHot(be, labels, 8, 10, 3);
            Adam adam = new Adam(ens.parameters, 0.01f);
            for (int step = 0; step < 3; step++) {
                try (descent.tensor.Scope s = descent.tensor.Scope.open()) {
                    ens.losses(ens.forward(xt), y).sum().backward();
                    adam.step();
                    adam.zeroGrad();
                }
            }
            Buffer[] res = new Buffer[ens.parameters.size()];
            for (int i = 0; i < res.length; i++) {
                Tensor p = ens.parameters.get(i).value;
                res[i] = in.zeros(p.size);
                be.copy(p.buffer(), res[i], p.size, false);
            }
            adam.reset();
            for (Parameter p : ens.parameters) {
                p.value.release();
            }
            xt.release();
            y.release();
            return res;
        });
    }

    private static void add(List<Case> out, String name, double tol, Parity.Body body) {
        out.add(new Case(name, tol, body));
    }

    /** The case, and with {@code alsoGpuKernels} the same case again with the CPU-shaped kernel variants off. */
    private static void add(List<Case> out, String name, double tol, boolean alsoGpuKernels, Parity.Body body) {
        add(out, name, tol, body);
        if (alsoGpuKernels) {
            add(out, name + GPU_KERNELS, tol, withGpuKernels(body));
        }
    }

    static boolean transcendental(Unary op) {
        return switch (op) {
            case EXP, LOG, POW, TANH, GELU, SILU, SIGMOID, SOFTPLUS -> true;
            default -> false;
        };
    }

    /** Inputs in each function's domain: positive where it needs it, away from 0 for 1/x. */
    static Buffer domain(Inputs in, Unary op, int n) {
        return switch (op) {
            case LOG, SQRT, POW -> in.uniform(n, 0.1, 3);
            case RECIPROCAL -> in.uniform(n, 0.5, 3);
            default -> in.rand(n);
        };
    }

    private static void elementwise(List<Case> out, int[] sizes, boolean quick) {
        for (Unary op : Unary.values()) {
            float alpha = op == Unary.POW ? 1.7f : op == Unary.LEAKY_RELU ? 0.1f : op == Unary.CLAMP_MIN ? -0.3f : 0.7f;
            double tol = transcendental(op) ? TOL_TRANSCENDENTAL : TOL;
            for (int n : sizes) {
                add(out, "unary " + op + " n=" + n, tol, in -> {
                    Buffer x = domain(in, op, n);
                    Buffer y = in.zeros(n);
                    in.be.unary(op, alpha, x, y, n);
                    Buffer gy = in.rand(n);
                    Buffer gx = in.rand(n);
                    in.be.unaryBackward(op, alpha, x, y, gy, gx, n);
                    return new Buffer[] {y, gx};
                });
            }
        }
        // broadcasting shapes: same, row vector, column, scalar, and a middle axis
        int[][][] pairs = {
            {{257}, {257}}, {{17, 255}, {255}}, {{3, 17, 1}, {17, 256}}, {{256, 3}, {1}}, {{3, 1, 17}, {3, 5, 17}},
        };
        for (Binary op : Binary.values()) {
            for (int[][] pr : pairs) {
                int[] as = pr[0];
                int[] bs = pr[1];
                add(out, "binary " + op + " " + Shape.str(as) + " " + Shape.str(bs), TOL, in -> {
                    int[] shape = Shape.broadcast(as, bs);
                    int n = Shape.size(shape);
                    Buffer a = in.rand(Shape.size(as));
                    Buffer b = op == Binary.DIV ? in.uniform(Shape.size(bs), 0.5, 2) : in.rand(Shape.size(bs));
                    int[] sa = Shape.broadcastStrides(as, shape);
                    int[] sb = Shape.broadcastStrides(bs, shape);
                    Buffer y = in.zeros(n);
                    in.be.binary(op, a, sa, b, sb, y, shape);
                    Buffer gy = in.rand(n);
                    Buffer ga = in.rand(Shape.size(as));
                    Buffer gb = in.rand(Shape.size(bs));
                    in.be.binaryBackward(op, a, sa, b, sb, gy, shape, ga, gb);
                    return new Buffer[] {y, ga, gb};
                });
            }
        }
        for (int n : sizes) {
            add(out, "fill, copy, copy+= n=" + n, TOL, in -> {
                Buffer x = in.rand(n);
                Buffer a = in.zeros(n);
                in.be.fill(a, 0.25f);
                Buffer b = in.rand(n);
                in.be.copy(x, b, n, true);
                Buffer c = in.zeros(n);
                in.be.copy(x, c, n, false);
                return new Buffer[] {a, b, c};
            });
            // blocks of 7 do not divide most n: the last block is partial
            add(out, "lerpBlocks block=7 n=" + n, TOL, in -> {
                Buffer from = in.rand(n);
                Buffer w = in.rand((n + 6) / 7);
                Buffer to = in.rand(n);
                in.be.lerpBlocks(from, w, 7, to, n);
                return new Buffer[] {to};
            });
            add(out, "dropout p=0.3 n=" + n, TOL, in -> {
                Buffer x = in.rand(n);
                Buffer y = in.zeros(n);
                in.be.dropout(x, y, n, 0.3f, 0x1234_5678_9abcL);
                Buffer gx = in.rand(n);
                in.be.dropoutBackward(x, gx, n, 0.3f, 0x1234_5678_9abcL);
                return new Buffer[] {y, gx};
            });
        }
    }

    private static void matmul(List<Case> out, boolean quick) {
        List<int[]> shapes = new ArrayList<>();
        // (batch, m, k, n)
        int[][] all = quick ? new int[][] {{1, 3, 3, 3}, {1, 64, 64, 64}, {1, 17, 33, 5}}
                : new int[][] {{1, 1, 1, 1}, {1, 3, 3, 3}, {1, 17, 17, 17}, {1, 255, 255, 255}, {1, 256, 256, 256},
                    {1, 257, 257, 257}, {1, 64, 784, 128}, {1, 1, 256, 257}, {1, 257, 3, 17}, {3, 64, 32, 48},
                    {4, 17, 16, 20}, {1, 128, 64, 10}, {1, 64, 128, 64}};
        for (int[] s : all) {
            shapes.add(s);
        }
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0;
                boolean tb = (t & 2) != 0;
                int batch = s[0];
                int m = s[1];
                int k = s[2];
                int n = s[3];
                for (int shared = 0; shared < (batch > 1 ? 2 : 1); shared++) {
                    boolean sharedB = shared == 1;
                    String name = "matmul b=" + batch + " " + m + "x" + k + "x" + n + (ta ? " At" : "")
                            + (tb ? " Bt" : "") + (sharedB ? " shared B" : "");
                    Parity.Body body = in -> {
                        Buffer a = in.rand(batch * m * k);
                        Buffer b = in.rand((sharedB ? 1 : batch) * k * n);
                        Buffer c = in.zeros(batch * m * n);
                        in.be.matmul(a, b, c, batch, m, k, n, ta, tb, m * k, sharedB ? 0 : k * n, false);
                        Buffer acc = in.rand(batch * m * n);
                        in.be.matmul(a, b, acc, batch, m, k, n, ta, tb, m * k, sharedB ? 0 : k * n, true);
                        return new Buffer[] {c, acc};
                    };
                    add(out, name, TOL, body);
                    // a CPU adapter runs aligned shapes on matmul_blocked: check the GPU-shaped kernels there too
                    if (GpuMatmul.blocked(m, k, n, ta, tb, m * k, sharedB ? 0 : k * n)) {
                        add(out, name + GPU_KERNELS, TOL, withGpuKernels(body));
                    }
                }
            }
        }
    }

    static final String GPU_KERNELS = " (GPU kernels)";

    /**
     * The body with the subject's CPU-shaped kernel variants off: on a CPU adapter (the e2e tests' software adapter)
     * the variants real GPUs run are then checked too. Elsewhere it is the same case again.
     */
    static Parity.Body withGpuKernels(Parity.Body body) {
        return in -> {
            boolean before = cpuKernels(in.be, false);
            try {
                return body.run(in);
            } finally {
                cpuKernels(in.be, before);
            }
        };
    }

    /** Turns a WebGPU backend's CPU-shaped kernels on or off; returns the previous setting (false elsewhere). */
    static boolean cpuKernels(Backend be, boolean on) {
        if (be instanceof WebGpuBackend g) {
            boolean before = g.ops.cpuKernels;
            g.ops.cpuKernels = on && g.dev.cpuAdapter;
            return before;
        }
        return false;
    }

    private static void layout(List<Case> out, int[] sizes) {
        int[][][] perms = {{{17, 255}, {1, 0}}, {{3, 17, 5}, {2, 0, 1}}, {{2, 3, 4, 5}, {0, 2, 1, 3}}, {{257}, {0}}};
        for (int[][] pc : perms) {
            int[] shape = pc[0];
            int[] axes = pc[1];
            add(out, "permute " + Shape.str(shape) + " axes " + java.util.Arrays.toString(axes), TOL, in -> {
                int n = Shape.size(shape);
                Buffer x = in.rand(n);
                Buffer y = in.zeros(n);
                in.be.permute(x, shape, axes, y, false);
                Buffer acc = in.rand(n);
                in.be.permute(x, shape, axes, acc, true);
                return new Buffer[] {y, acc};
            });
        }
        for (int n : sizes) {
            add(out, "copyAxis slice/concat inner=" + n, TOL, in -> {
                Buffer src = in.rand(3 * 7 * n);
                Buffer dst = in.rand(3 * 9 * n);
                in.be.copyAxis(src, 7, 2, dst, 9, 4, 3, 5, n, false);
                Buffer acc = in.rand(3 * 9 * n);
                in.be.copyAxis(src, 7, 1, acc, 9, 0, 3, 6, n, true);
                return new Buffer[] {dst, acc};
            });
            add(out, "gatherRows / scatterAddRows cols=" + n, TOL, in -> {
                Buffer src = in.rand(17 * n);
                Buffer idx = in.indices(40, 17);
                Buffer o = in.zeros(40 * n);
                in.be.gatherRows(src, 17, idx, o, 40, n, false);
                Buffer acc = in.rand(40 * n);
                in.be.gatherRows(src, 17, idx, acc, 40, n, true);
                Buffer scat = in.rand(17 * n);
                in.be.scatterAddRows(o, idx, 40, n, scat, 17);
                return new Buffer[] {o, acc, scat};
            });
        }
    }

    private static void reductions(List<Case> out, int[] sizes) {
        int[][] shapes = {{1, 1, 1}, {3, 17, 5}, {2, 255, 3}, {1, 256, 1}, {7, 257, 1}, {1, 3, 257}, {4, 1000, 2}};
        for (int[] s : shapes) {
            int outer = s[0];
            int n = s[1];
            int inner = s[2];
            String dims = "(" + outer + ", " + n + ", " + inner + ")";
            // the row kernels run one row per invocation on a CPU adapter; two shapes check the GPU layout too
            boolean both = outer == 3 || outer == 7;
            for (Reduce op : Reduce.values()) {
                add(out, "reduce " + op + " " + dims, TOL, both, in -> {
                    Buffer x = in.rand(outer * n * inner);
                    Buffer y = in.zeros(outer * inner);
                    in.be.reduce(op, x, y, outer, n, inner);
                    Buffer gy = in.rand(outer * inner);
                    Buffer gx = in.rand(outer * n * inner);
                    in.be.reduceBackward(op, x, y, gy, gx, outer, n, inner);
                    return new Buffer[] {y, gx};
                });
            }
            for (int log = 0; log < 2; log++) {
                boolean lg = log == 1;
                add(out, (lg ? "log-softmax " : "softmax ") + dims, TOL_TRANSCENDENTAL, both, in -> {
                    Buffer x = in.rand(outer * n * inner);
                    Buffer y = in.zeros(outer * n * inner);
                    in.be.softmax(x, y, outer, n, inner, lg, 0);
                    Buffer gy = in.rand(outer * n * inner);
                    Buffer gx = in.rand(outer * n * inner);
                    in.be.softmaxBackward(y, gy, gx, outer, n, inner, lg);
                    return new Buffer[] {y, gx};
                });
            }
        }
        add(out, "causal softmax (4 x 17 rows, 17 keys)", TOL_TRANSCENDENTAL, true, in -> {
            Buffer x = in.rand(4 * 17 * 17);
            Buffer y = in.zeros(4 * 17 * 17);
            in.be.softmax(x, y, 4 * 17, 17, 1, false, 17);
            Buffer ly = in.zeros(4 * 17 * 17);
            in.be.softmax(x, ly, 4 * 17, 17, 1, true, 17);
            return new Buffer[] {y, ly};
        });
        for (int rows : sizes) {
            for (int classes : new int[] {1, 3, 10, 257}) {
                add(out, "cross-entropy rows=" + rows + " classes=" + classes, TOL_TRANSCENDENTAL,
                        rows == 17 && classes == 10 || rows == 257 && classes == 257, in -> {
                    Buffer z = in.rand(rows * classes);
                    Buffer t = in.indices(rows, classes);
                    Buffer loss = in.zeros(1);
                    in.be.crossEntropy(z, t, loss, rows, classes);
                    Buffer gl = in.values(1.5f);
                    Buffer gz = in.rand(rows * classes);
                    in.be.crossEntropyBackward(z, t, gl, gz, rows, classes);
                    return new Buffer[] {loss, gz};
                });
            }
            add(out, "bce with logits n=" + rows, TOL_TRANSCENDENTAL, in -> {
                Buffer z = in.rand(rows);
                Buffer t = in.uniform(rows, 0, 1);
                Buffer loss = in.zeros(1);
                in.be.bceWithLogits(z, t, loss, rows);
                Buffer gl = in.values(0.5f);
                Buffer gz = in.rand(rows);
                in.be.bceWithLogitsBackward(z, t, gl, gz, rows);
                return new Buffer[] {loss, gz};
            });
            for (int d : new int[] {1, 3, 64, 257}) {
                add(out, "layer norm / rms norm rows=" + rows + " d=" + d, TOL,
                        rows == 17 && d == 64 || rows == 255 && d == 257, in -> {
                    Buffer x = in.rand(rows * d);
                    Buffer y = in.zeros(rows * d);
                    Buffer mean = in.zeros(rows);
                    Buffer rstd = in.zeros(rows);
                    in.be.layerNorm(x, y, mean, rstd, rows, d, 1e-5f);
                    Buffer gy = in.rand(rows * d);
                    Buffer gx = in.rand(rows * d);
                    in.be.layerNormBackward(x, mean, rstd, gy, gx, rows, d);
                    Buffer ry = in.zeros(rows * d);
                    Buffer rr = in.zeros(rows);
                    in.be.rmsNorm(x, ry, rr, rows, d, 1e-5f);
                    Buffer rgx = in.rand(rows * d);
                    in.be.rmsNormBackward(x, rr, gy, rgx, rows, d);
                    return new Buffer[] {y, mean, rstd, gx, ry, rr, rgx};
                });
            }
        }
    }

    private static void images(List<Case> out) {
        ConvShape[] convs = {new ConvShape(1, 1, 3, 3, 1, 3, 3, 1, 0), new ConvShape(2, 3, 17, 17, 5, 3, 3, 1, 1),
            new ConvShape(3, 2, 16, 12, 4, 5, 3, 2, 2), new ConvShape(1, 4, 28, 28, 8, 3, 3, 2, 1)};
        for (ConvShape s : convs) {
            add(out, "conv2d n" + s.n + " c" + s.cin + ">" + s.cout + " " + s.h + "x" + s.w + " k" + s.kh + "x" + s.kw
                    + " s" + s.stride + " p" + s.pad, TOL, in -> {
                        Buffer x = in.rand(s.n * s.cin * s.h * s.w);
                        Buffer w = in.rand(s.cout * s.cin * s.kh * s.kw);
                        Buffer y = in.zeros(s.n * s.cout * s.ho * s.wo);
                        in.be.conv2d(x, w, y, s);
                        Buffer gy = in.rand(s.n * s.cout * s.ho * s.wo);
                        Buffer gx = in.rand(s.n * s.cin * s.h * s.w);
                        in.be.conv2dBackwardInput(gy, w, gx, s);
                        Buffer gw = in.rand(s.cout * s.cin * s.kh * s.kw);
                        in.be.conv2dBackwardWeight(x, gy, gw, s);
                        return new Buffer[] {y, gx, gw};
                    });
        }
        int[][] pools = {{3, 17, 17, 2, 2}, {2, 16, 16, 3, 1}, {1, 28, 28, 2, 2}, {5, 3, 3, 3, 1}};
        for (int[] q : pools) {
            for (Pool op : Pool.values()) {
                add(out, "pool2d " + op + " planes" + q[0] + " " + q[1] + "x" + q[2] + " k" + q[3] + " s" + q[4], TOL,
                        in -> {
                            int planes = q[0];
                            int h = q[1];
                            int w = q[2];
                            int k = q[3];
                            int st = q[4];
                            int ho = (h - k) / st + 1;
                            int wo = (w - k) / st + 1;
                            Buffer x = in.rand(planes * h * w);
                            Buffer y = in.zeros(planes * ho * wo);
                            in.be.pool2d(op, x, y, planes, h, w, k, st);
                            Buffer gy = in.rand(planes * ho * wo);
                            Buffer gx = in.rand(planes * h * w);
                            in.be.pool2dBackward(op, x, gy, gx, planes, h, w, k, st);
                            return new Buffer[] {y, gx};
                        });
            }
        }
        add(out, "upsample nearest x2 and x3", TOL, in -> {
            Buffer x = in.rand(3 * 5 * 7);
            Buffer y = in.zeros(3 * 10 * 14);
            in.be.upsampleNearest(x, y, 3, 5, 7, 2);
            Buffer gx = in.rand(3 * 5 * 7);
            Buffer gy = in.rand(3 * 15 * 21);
            in.be.upsampleNearestBackward(gy, gx, 3, 5, 7, 3);
            return new Buffer[] {y, gx};
        });
    }

    /** Three steps of each optimizer on a (17, 33) matrix and a 257-vector with fixed gradients. */
    private static void optimizers(List<Case> out) {
        List<String> names = List.of("SGD", "Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam", "AdamW", "Lion",
                "SignDescent", "Muon");
        List<BiFunction<List<Parameter>, Float, Optimizer>> makers = List.of(
                (p, lr) -> new Sgd(p, lr), (p, lr) -> new Momentum(p, lr, 0.9f), (p, lr) -> new Nesterov(p, lr, 0.9f),
                (p, lr) -> new AdaGrad(p, lr), (p, lr) -> new RmsProp(p, lr), (p, lr) -> new Adam(p, lr),
                (p, lr) -> new AdamW(p, lr), (p, lr) -> new Lion(p, lr), (p, lr) -> new SignDescent(p, lr),
                (p, lr) -> new Muon(p, lr, lr));
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            BiFunction<List<Parameter>, Float, Optimizer> make = makers.get(i);
            double tol = name.equals("Muon") ? TOL_MUON : name.startsWith("SGD") || name.startsWith("Mom")
                    || name.startsWith("Nes") ? TOL : TOL_OPTIMIZER;
            add(out, "optimizer " + name + " x3 steps", tol, in -> {
                Backend be = in.be;
                Tensor w = Tensor.of(be, be.read(in.rand(17 * 33)), 17, 33).requireGrad();
                Tensor b = Tensor.of(be, be.read(in.rand(257)), 257).requireGrad();
                List<Parameter> ps = List.of(new Parameter("w", Role.HIDDEN, w, 33, 17, 1f),
                        new Parameter("b", Role.BIAS, b, 1, 257, 1f));
                Optimizer opt = make.apply(ps, 0.01f);
                for (int step = 0; step < 3; step++) {
                    be.write(w.gradBuffer(), be.read(in.rand(17 * 33)));
                    be.write(b.gradBuffer(), be.read(in.rand(257)));
                    opt.step();
                }
                Buffer ow = in.zeros(17 * 33);
                Buffer ob = in.zeros(257);
                be.copy(w.buffer(), ow, 17 * 33, false);
                be.copy(b.buffer(), ob, 257, false);
                opt.reset();
                w.release();
                b.release();
                return new Buffer[] {ow, ob};
            });
        }
    }
}
