package descent.tensor;

/** Reductions along one axis of a tensor seen as (outer, n, inner). MEAN is SUM scaled by 1/n. */
public enum Reduce {
    SUM, MEAN,
    /** the gradient goes to the first maximal element, like argmax */
    MAX
}
