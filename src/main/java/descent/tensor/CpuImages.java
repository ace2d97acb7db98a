package descent.tensor;

/**
 * Convolution as im2col + {@link CpuMatmul}: unfolding each image into a (Cin kh kw, Ho Wo) matrix turns the
 * convolution into one matrix product, which is where the time goes and which is already tuned. The unfolded matrix
 * is a scratch array reused across calls (single-threaded), so steady-state training allocates nothing here.
 */
final class CpuImages {
    private CpuImages() {}

    private static float[] col = new float[0];

    private static float[] scratch(int n) {
        if (col.length < n) col = new float[n];
        return col;
    }

    /** col (Cin kh kw, Ho Wo) of image n; zero where the window hangs over the padding. */
    private static void im2col(float[] x, int xOff, float[] c, ConvShape s) {
        int hw = s.ho * s.wo;
        for (int ci = 0; ci < s.cin; ci++) {
            for (int ky = 0; ky < s.kh; ky++) {
                for (int kx = 0; kx < s.kw; kx++) {
                    int row = ((ci * s.kh + ky) * s.kw + kx) * hw;
                    for (int oy = 0; oy < s.ho; oy++) {
                        int iy = oy * s.stride - s.pad + ky;
                        int dst = row + oy * s.wo;
                        if (iy < 0 || iy >= s.h) {
                            for (int ox = 0; ox < s.wo; ox++) c[dst + ox] = 0f;
                            continue;
                        }
                        int src = xOff + (ci * s.h + iy) * s.w;
                        for (int ox = 0; ox < s.wo; ox++) {
                            int ix = ox * s.stride - s.pad + kx;
                            c[dst + ox] = ix < 0 || ix >= s.w ? 0f : x[src + ix];
                        }
                    }
                }
            }
        }
    }

    /** gx (image n) += fold of gcol: the adjoint of im2col. */
    private static void col2im(float[] c, float[] gx, int xOff, ConvShape s) {
        int hw = s.ho * s.wo;
        for (int ci = 0; ci < s.cin; ci++) {
            for (int ky = 0; ky < s.kh; ky++) {
                for (int kx = 0; kx < s.kw; kx++) {
                    int row = ((ci * s.kh + ky) * s.kw + kx) * hw;
                    for (int oy = 0; oy < s.ho; oy++) {
                        int iy = oy * s.stride - s.pad + ky;
                        if (iy < 0 || iy >= s.h) continue;
                        int src = row + oy * s.wo;
                        int dst = xOff + (ci * s.h + iy) * s.w;
                        for (int ox = 0; ox < s.wo; ox++) {
                            int ix = ox * s.stride - s.pad + kx;
                            if (ix >= 0 && ix < s.w) gx[dst + ix] += c[src + ox];
                        }
                    }
                }
            }
        }
    }

    static void conv2d(CpuBackend be, float[] x, float[] w, float[] y, ConvShape s) {
        int ckk = s.cin * s.kh * s.kw, hw = s.ho * s.wo;
        float[] c = scratch(ckk * hw);
        for (int n = 0; n < s.n; n++) {
            im2col(x, n * s.cin * s.h * s.w, c, s);
            // y_n (Cout, HoWo) = W (Cout, CinKK) col (CinKK, HoWo)
            CpuMatmul.gemm(w, 0, c, 0, y, n * s.cout * hw, s.cout, ckk, hw, false, false, false);
        }
    }

    static void conv2dBackwardInput(CpuBackend be, float[] gy, float[] w, float[] gx, ConvShape s) {
        int ckk = s.cin * s.kh * s.kw, hw = s.ho * s.wo;
        float[] c = scratch(ckk * hw);
        for (int n = 0; n < s.n; n++) {
            // gcol (CinKK, HoWo) = W^T gy_n
            CpuMatmul.gemm(w, 0, gy, n * s.cout * hw, c, 0, ckk, s.cout, hw, true, false, false);
            col2im(c, gx, n * s.cin * s.h * s.w, s);
        }
    }

    static void conv2dBackwardWeight(CpuBackend be, float[] x, float[] gy, float[] gw, ConvShape s) {
        int ckk = s.cin * s.kh * s.kw, hw = s.ho * s.wo;
        float[] c = scratch(ckk * hw);
        for (int n = 0; n < s.n; n++) {
            im2col(x, n * s.cin * s.h * s.w, c, s);
            // gW (Cout, CinKK) += gy_n (Cout, HoWo) col^T
            CpuMatmul.gemm(gy, n * s.cout * hw, c, 0, gw, 0, s.cout, hw, ckk, false, true, true);
        }
    }

    static void pool2d(Pool op, float[] x, float[] y, int planes, int h, int w, int k, int stride) {
        int ho = (h - k) / stride + 1, wo = (w - k) / stride + 1;
        float inv = 1f / (k * k);
        for (int p = 0; p < planes; p++) {
            int xb = p * h * w, yb = p * ho * wo;
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    float acc = op == Pool.MAX ? Float.NEGATIVE_INFINITY : 0f;
                    for (int dy = 0; dy < k; dy++) {
                        int row = xb + (oy * stride + dy) * w + ox * stride;
                        for (int dx = 0; dx < k; dx++) {
                            float v = x[row + dx];
                            acc = op == Pool.MAX ? Math.max(acc, v) : acc + v;
                        }
                    }
                    y[yb + oy * wo + ox] = op == Pool.MAX ? acc : acc * inv;
                }
            }
        }
    }

    static void pool2dBackward(Pool op, float[] x, float[] gy, float[] gx, int planes, int h, int w, int k, int stride) {
        int ho = (h - k) / stride + 1, wo = (w - k) / stride + 1;
        float inv = 1f / (k * k);
        for (int p = 0; p < planes; p++) {
            int xb = p * h * w, yb = p * ho * wo;
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    float g = gy[yb + oy * wo + ox];
                    if (op == Pool.AVG) {
                        for (int dy = 0; dy < k; dy++) {
                            int row = xb + (oy * stride + dy) * w + ox * stride;
                            for (int dx = 0; dx < k; dx++) gx[row + dx] += g * inv;
                        }
                        continue;
                    }
                    int best = -1;
                    float m = Float.NEGATIVE_INFINITY;
                    for (int dy = 0; dy < k; dy++) {
                        int row = xb + (oy * stride + dy) * w + ox * stride;
                        for (int dx = 0; dx < k; dx++) {
                            if (best < 0 || x[row + dx] > m) {
                                m = x[row + dx];
                                best = row + dx;
                            }
                        }
                    }
                    gx[best] += g;
                }
            }
        }
    }

    /** Forward: big = upsampled small; backward: small += sum of each f x f block of big. */
    static void upsample(float[] small, float[] big, int planes, int h, int w, int f, boolean backward) {
        int bw = w * f;
        for (int p = 0; p < planes; p++) {
            int sb = p * h * w, bb = p * h * f * bw;
            for (int y = 0; y < h * f; y++) {
                int srow = sb + (y / f) * w, brow = bb + y * bw;
                for (int x = 0; x < bw; x++) {
                    if (backward) small[srow + x / f] += big[brow + x];
                    else big[brow + x] = small[srow + x / f];
                }
            }
        }
    }
}
