package descent.tensor;

/** Normalisation over the last axis, without the learned scale and shift (modules add those by broadcasting). */
public final class Norms {
    private Norms() {}

    /** (x - mean) / sqrt(var + eps) per row, population variance as in Ba et al. 2016. */
    public static Tensor layerNorm(Tensor x, float eps) {
        int d = x.dim(-1), rows = x.size / d;
        Backend be = x.backend;
        Tensor y = Tensor.result(x.shapeRef().clone(), x);
        Tensor mean = Tensor.empty(be, rows);
        Tensor rstd = Tensor.empty(be, rows);
        be.layerNorm(x.buffer(), y.buffer(), mean.buffer(), rstd.buffer(), rows, d, eps);
        y.setBackward(() -> be.layerNormBackward(x.buffer(), mean.buffer(), rstd.buffer(), y.gradBuffer(),
                x.gradBuffer(), rows, d));
        return y;
    }

    /** x / sqrt(mean(x^2) + eps) per row (Zhang and Sennrich 2019). */
    public static Tensor rmsNorm(Tensor x, float eps) {
        int d = x.dim(-1), rows = x.size / d;
        Backend be = x.backend;
        Tensor y = Tensor.result(x.shapeRef().clone(), x);
        Tensor rstd = Tensor.empty(be, rows);
        be.rmsNorm(x.buffer(), y.buffer(), rstd.buffer(), rows, d, eps);
        y.setBackward(() -> be.rmsNormBackward(x.buffer(), rstd.buffer(), y.gradBuffer(), x.gradBuffer(), rows, d));
        return y;
    }
}
