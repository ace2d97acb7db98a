package descent.labs.landscape;

import descent.data.Dataset;
import descent.nn.Linear;
import descent.nn.Mlp;
import descent.nn.Module;
import descent.tensor.Autograd;
import descent.tensor.Backend;
import descent.tensor.Layout;
import descent.tensor.Scope;
import descent.tensor.Tensor;

/**
 * The ensemble path: M perturbed copies of an MLP evaluated at once, each op one call for all members, and the M
 * losses read back together. Written with engine ops only, so it runs on any backend: on WebGPU each op is one
 * dispatch over the whole ensemble; on the JVM the same code is tested against the one-at-a-time CPU path.
 *
 * <pre>
 * theta (M, P) = center + a d1 + b d2          one broadcast expression for all members
 * h_0  (M, N, D) = x broadcast over members
 * h_l  (M, N, H) = act(h_{l-1} W_l + b_l)      batched matmul, W_l (M, in, out) sliced out of theta
 * loss (M)       = -(1/N) sum_n log softmax(h_L)[m, n, y_n]
 * </pre>
 *
 * Networks other than MLPs (the CNN) fall back to a loop over members on the same backend, still with a single
 * read-back per batch.
 */
public final class BatchedSliceEvaluator implements SliceEvaluator {
    private final Backend be;
    private final Network net;
    private final Module probe;
    private final ParamVector layout;
    private final Tensor x, oneHot, labels; // (N, D), (1, N, K), (N)
    /** For two classes: z1 - z0 by a (2, 1) product, the sign that makes it the label's margin, a (N, 1) mean. */
    private final Tensor against, sign, average; // (K, 1), (1, N, 1), (N, 1)
    private final int classes;
    private final int n, members;
    private Tensor center, d1, d2;            // (1, P) each, uploaded once per plane
    private float[] lastCenter, lastD1, lastD2;

    /** {@code maxMembers} caps the ensemble so one activation (M, N, H) stays a modest buffer. */
    public BatchedSliceEvaluator(Backend be, Network net, Dataset data, int maxMembers) {
        this.be = be;
        this.net = net;
        probe = net.build(be, 0);
        probe.setTraining(false);
        layout = new ParamVector(probe.parameters());
        n = data.n;
        x = data.inputs(be).persistent();
        labels = data.labelTensor(be).persistent();
        int k = data.classes;
        float[] hot = new float[n * k];
        for (int i = 0; i < n; i++) hot[i * k + data.labels[i]] = 1;
        oneHot = Tensor.of(be, hot, 1, n, k).persistent();
        classes = k;
        float[] s = new float[n], avg = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = data.labels[i] == 0 ? 1 : -1;  // class 0: loss softplus(z1 - z0); class 1: softplus(z0 - z1)
            avg[i] = 1f / n;
        }
        against = Tensor.of(be, new float[] {-1, 1}, 2, 1).persistent();
        sign = Tensor.of(be, s, 1, n, 1).persistent();
        average = Tensor.of(be, avg, n, 1).persistent();
        int widest = net.width() * Math.max(1, data.n);
        members = Math.max(1, Math.min(maxMembers, (1 << 21) / widest));
    }

    @Override
    public void plane(float[] c, float[] a, float[] b) {
        if (c == lastCenter && a == lastD1 && b == lastD2) return;
        releasePlane();
        center = Tensor.of(be, c, 1, c.length).persistent();
        d1 = Tensor.of(be, a, 1, a.length).persistent();
        d2 = Tensor.of(be, b, 1, b.length).persistent();
        lastCenter = c;
        lastD1 = a;
        lastD2 = b;
    }

    @Override
    public void evaluate(float[] a, float[] b, int count, float[] out) {
        for (int start = 0; start < count; start += members) {
            int m = Math.min(members, count - start);
            float[] am = new float[m], bm = new float[m];
            System.arraycopy(a, start, am, 0, m);
            System.arraycopy(b, start, bm, 0, m);
            float[] loss;
            try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
                Tensor ta = Tensor.of(be, am, m, 1), tb = Tensor.of(be, bm, m, 1);
                Tensor theta = center.add(ta.mul(d1)).add(tb.mul(d2)); // (M, P), same expression as Vec.point
                loss = (probe instanceof Mlp mlp ? ensembleLoss(mlp, theta, m) : loopLoss(theta, m)).toHost();
            }
            System.arraycopy(loss, 0, out, start, m);
        }
    }

    /** (M) losses of M MLPs whose parameters are the rows of theta (M, P). */
    private Tensor ensembleLoss(Mlp mlp, Tensor theta, int m) {
        Tensor h = x.reshape(1, n, x.dim(1)).add(Tensor.zeros(be, m, 1, 1)); // (M, N, D)
        int p = 0;
        for (int l = 0; l < mlp.layers.length; l++) {
            Linear layer = mlp.layers[l];
            Tensor w = Layout.slice(theta, 1, layout.offset(p), layout.offset(p) + layer.in * layer.out)
                    .reshape(m, layer.in, layer.out);                              // (M, in, out)
            Tensor bias = Layout.slice(theta, 1, layout.offset(p + 1), layout.offset(p + 1) + layer.out)
                    .reshape(m, 1, layer.out);                                     // (M, 1, out)
            p += 2;
            h = h.matmul(w).add(bias);                                             // (M, N, out)
            if (l < mlp.layers.length - 1) h = net.activation().apply(h);
        }
        if (classes != 2) {
            // mean over examples of -log softmax at the label: the one-hot picks the label's log-probability
            return h.logSoftmax(2).mul(oneHot).sum(2, false).sum(1, false).mul(-1f / n); // (M)
        }
        // two classes: -log softmax(z)_y = softplus(z_other - z_y), so the loss needs no row-wise softmax (a GPU
        // runs one workgroup per row there, wasteful for rows of two); the margins and the mean are thin matmuls
        Tensor margin = h.matmul(against).mul(sign);                              // (M, N, 1): s_n (z1 - z0)
        return margin.softplus().reshape(m, 1, n).matmul(average).reshape(m);   // (M)
    }

    /** The fallback: each member through the probe network in turn, the losses gathered on the device. */
    private Tensor loopLoss(Tensor theta, int m) {
        Tensor[] losses = new Tensor[m];
        for (int i = 0; i < m; i++) {
            Tensor row = Layout.slice(theta, 0, i, i + 1);
            for (int q = 0; q < layout.params.size(); q++) {
                Tensor part = Layout.slice(row, 1, layout.offset(q), layout.offset(q) + layout.params.get(q).size());
                be.copy(part.buffer(), layout.params.get(q).value.buffer(), part.size, false);
            }
            losses[i] = Network.loss(probe, x, labels).reshape(1);
        }
        return Layout.concat(0, losses);
    }

    @Override
    public int batchHint() {
        return members;
    }

    @Override
    public String path() {
        return be.name().toLowerCase().contains("gpu") ? "webgpu" : "cpu";
    }

    private void releasePlane() {
        if (center != null) {
            center.release();
            d1.release();
            d2.release();
        }
    }

    @Override
    public void release() {
        releasePlane();
        x.release();
        labels.release();
        oneHot.release();
        against.release();
        sign.release();
        average.release();
    }
}
