package descent.tensor;

/** Convolution, pooling and upsampling of (N, C, H, W) images. */
public final class Images {
    private Images() {}

    /** x (N, Cin, H, W) convolved with w (Cout, Cin, kh, kw); no bias (add one by broadcasting (Cout, 1, 1)). */
    public static Tensor conv2d(Tensor x, Tensor w, int stride, int pad) {
        int[] xs = x.shapeRef(), ws = w.shapeRef();
        if (xs.length != 4 || ws.length != 4 || xs[1] != ws[1]) {
            throw new IllegalArgumentException("conv2d wants x (N, C, H, W) and w (Cout, C, kh, kw), got "
                    + x.describe() + " and " + w.describe());
        }
        ConvShape s = new ConvShape(xs[0], xs[1], xs[2], xs[3], ws[0], ws[2], ws[3], stride, pad);
        Backend be = x.backend;
        Tensor y = Tensor.result(s.outShape(), x, w);
        be.conv2d(x.buffer(), w.buffer(), y.buffer(), s);
        y.setBackward(() -> {
            if (x.requiresGrad()) be.conv2dBackwardInput(y.gradBuffer(), w.buffer(), x.gradBuffer(), s);
            if (w.requiresGrad()) be.conv2dBackwardWeight(x.buffer(), y.gradBuffer(), w.gradBuffer(), s);
        });
        return y;
    }

    public static Tensor maxPool2d(Tensor x, int k, int stride) {
        return pool(Pool.MAX, x, k, stride);
    }

    public static Tensor avgPool2d(Tensor x, int k, int stride) {
        return pool(Pool.AVG, x, k, stride);
    }

    private static Tensor pool(Pool op, Tensor x, int k, int stride) {
        int[] s = x.shapeRef();
        if (s.length != 4) throw new IllegalArgumentException("pooling wants (N, C, H, W), got " + x.describe());
        int h = s[2], w = s[3];
        int ho = (h - k) / stride + 1, wo = (w - k) / stride + 1;
        if (k < 1 || stride < 1 || ho < 1 || wo < 1) throw new IllegalArgumentException("bad pooling window");
        int planes = s[0] * s[1];
        Backend be = x.backend;
        Tensor y = Tensor.result(new int[] {s[0], s[1], ho, wo}, x);
        be.pool2d(op, x.buffer(), y.buffer(), planes, h, w, k, stride);
        y.setBackward(() -> be.pool2dBackward(op, x.buffer(), y.gradBuffer(), x.gradBuffer(), planes, h, w, k, stride));
        return y;
    }

    /** Nearest-neighbour upsampling by an integer factor: the decoder half of a U-Net. */
    public static Tensor upsample(Tensor x, int factor) {
        int[] s = x.shapeRef();
        if (s.length != 4 || factor < 1) throw new IllegalArgumentException("upsample wants (N, C, H, W)");
        int planes = s[0] * s[1], h = s[2], w = s[3];
        Backend be = x.backend;
        Tensor y = Tensor.result(new int[] {s[0], s[1], h * factor, w * factor}, x);
        be.upsampleNearest(x.buffer(), y.buffer(), planes, h, w, factor);
        y.setBackward(() -> be.upsampleNearestBackward(y.gradBuffer(), x.gradBuffer(), planes, h, w, factor));
        return y;
    }
}
