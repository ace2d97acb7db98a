package descent.tensor;

/**
 * Sizes of a 2-D convolution over (N, C, H, W) images: input (n, cin, h, w), weights (cout, cin, kh, kw), output
 * (n, cout, ho, wo) with ho = (h + 2 pad - kh) / stride + 1.
 */
public final class ConvShape {
    public final int n, cin, h, w, cout, kh, kw, stride, pad, ho, wo;

    public ConvShape(int n, int cin, int h, int w, int cout, int kh, int kw, int stride, int pad) {
        if (stride < 1 || pad < 0 || kh < 1 || kw < 1) throw new IllegalArgumentException("bad conv geometry");
        this.n = n; this.cin = cin; this.h = h; this.w = w; this.cout = cout;
        this.kh = kh; this.kw = kw; this.stride = stride; this.pad = pad;
        this.ho = (h + 2 * pad - kh) / stride + 1;
        this.wo = (w + 2 * pad - kw) / stride + 1;
        if (ho < 1 || wo < 1) throw new IllegalArgumentException("kernel larger than padded input");
    }

    public int[] outShape() {
        return new int[] {n, cout, ho, wo};
    }
}
