package descent.labs.landscape;

import descent.nn.Parameter;
import descent.tensor.Backend;
import descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a network seen as one flat vector theta (P), the space a loss landscape lives in, and the
 * filters inside it that Li et al. (2018) normalise one by one.
 *
 * <p>A <em>filter</em> is the group of weights that produces one output unit: a column of an (in, out) Linear weight
 * (the engine stores Linear weights as (in, out)), or one (Cin, k, k) block of a (Cout, Cin, k, k) Conv2d weight.
 * Biases and norm gains are vectors and have no filters; {@link Directions} leaves them unperturbed, as the paper does.
 */
public final class ParamVector {
    /** One filter: {@code count} entries of theta starting at {@code start}, {@code stride} apart. */
    public record Filter(int start, int count, int stride) {
    }

    public final List<Parameter> params;
    /** P, the number of scalars in theta. */
    public final int size;
    private final int[] offsets;
    private final List<Filter> filters = new ArrayList<>();
    /** For each parameter, the range [first, end) of its filters in {@link #filters()}; empty for vectors. */
    private final int[] filterFirst, filterEnd;

    public ParamVector(List<Parameter> params) {
        this.params = List.copyOf(params);
        offsets = new int[params.size()];
        filterFirst = new int[params.size()];
        filterEnd = new int[params.size()];
        int off = 0;
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            offsets[i] = off;
            filterFirst[i] = filters.size();
            int[] s = p.value.shape();
            if (p.isMatrix() && s.length == 2) {
                for (int j = 0; j < s[1]; j++) filters.add(new Filter(off + j, s[0], s[1])); // column j of (in, out)
            } else if (p.isMatrix() && s.length == 4) {
                int block = s[1] * s[2] * s[3];
                for (int c = 0; c < s[0]; c++) filters.add(new Filter(off + c * block, block, 1)); // w[c] of (Cout, ...)
            }
            filterEnd[i] = filters.size();
            off += p.size();
        }
        size = off;
    }

    public List<Filter> filters() {
        return filters;
    }

    /** Where parameter i starts in theta. */
    public int offset(int i) {
        return offsets[i];
    }

    /** Whether parameter i is a weight with filters (false for biases and norm gains). */
    public boolean hasFilters(int i) {
        return filterEnd[i] > filterFirst[i];
    }

    /** The filters of parameter i. */
    public List<Filter> filtersOf(int i) {
        return filters.subList(filterFirst[i], filterEnd[i]);
    }

    /** theta (P): a host copy of the current parameter values. */
    public float[] read() {
        float[] theta = new float[size];
        for (int i = 0; i < params.size(); i++) {
            float[] v = params.get(i).value.toHost();
            System.arraycopy(v, 0, theta, offsets[i], v.length);
        }
        return theta;
    }

    /** Overwrites the parameters with theta (P). */
    public void write(float[] theta) {
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            float[] v = new float[p.size()];
            System.arraycopy(theta, offsets[i], v, 0, v.length);
            p.value.copyFrom(v);
        }
    }

    /** A flat vector (P) cut into one tensor per parameter, same shapes: the form {@code Hessian.hvp} takes. */
    public List<Tensor> split(Backend be, float[] flat) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            float[] v = new float[p.size()];
            System.arraycopy(flat, offsets[i], v, 0, v.length);
            out.add(Tensor.of(be, v, p.value.shape()));
        }
        return out;
    }

    /** One tensor per parameter joined back into a flat vector (P). */
    public float[] join(List<Tensor> parts) {
        float[] flat = new float[size];
        for (int i = 0; i < parts.size(); i++) {
            float[] v = parts.get(i).toHost();
            System.arraycopy(v, 0, flat, offsets[i], v.length);
        }
        return flat;
    }

    /** The Euclidean norm of one filter of v. */
    public static double norm(float[] v, Filter f) {
        double s = 0;
        for (int k = 0, i = f.start; k < f.count; k++, i += f.stride) s += (double) v[i] * v[i];
        return Math.sqrt(s);
    }

    /** Multiplies one filter of v by c. */
    public static void scale(float[] v, Filter f, double c) {
        for (int k = 0, i = f.start; k < f.count; k++, i += f.stride) v[i] = (float) (v[i] * c);
    }
}
