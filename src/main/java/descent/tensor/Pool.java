package descent.tensor;

/** 2-D pooling over (N, C, H, W) windows. */
public enum Pool {
    /** gradient goes to the first maximal element of each window */
    MAX, AVG
}
