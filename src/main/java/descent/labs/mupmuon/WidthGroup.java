package descent.labs.mupmuon;

import descent.gpu.Ensemble;
import descent.nn.Parameter;
import descent.nn.Parametrization;
import descent.nn.Role;
import descent.optim.Adam;
import descent.optim.Momentum;
import descent.optim.Optimizer;
import descent.optim.Schedule;
import descent.tensor.Autograd;
import descent.tensor.Backend;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs of one width trained together as one {@link Ensemble}: member e is an MLP D → w (→ w)… → K with its own
 * parametrisation (standard or muP) and learning rate, all from the same initial draws and seeing the same batches,
 * so the only differences between members are the ones the sweep is about.
 *
 * <p>An ensemble shares one optimizer, hence one learning rate. Each member still gets its own: the optimizer steps
 * with the largest, then every parameter is pulled back along its step, p ← p₀ + r (p − p₀) with r (E) the
 * member's rate over the shared one. That is exact for Adam and for SGD with momentum, whose state never sees the
 * learning rate; it costs a copy and one fused pass ({@code Backend.lerpBlocks}) and keeps every layer one batched
 * dispatch.
 */
final class WidthGroup {
    final int width;
    final Member[] members;
    final Ensemble ens;
    private final Backend be;
    private final Optimizer opt;
    private final List<Parameter> params = new ArrayList<>();
    private final Tensor[] ratio, before;
    private final Tensor lossWindow, stepLoss, lastLoss;
    private final int batch, chunk, steps, window;
    private int step, part;

    /** One run of the sweep: a parametrisation and a learning rate. */
    record Member(boolean muP, double lr) {
    }

    /**
     * {@code data} (S, D) and {@code oneHot} (S, K) live on the device for the whole sweep; {@code chunk} rows of a
     * batch of {@code batch} are processed per unit (gradients accumulate), so a unit's cost stays bounded.
     */
    WidthGroup(Backend be, int width, int hidden, int inputs, int classes, Member[] members, int baseWidth, boolean adam,
               int steps, int batch, int chunk, long seed) {
        this.be = be;
        this.width = width;
        this.members = members;
        this.steps = steps;
        this.batch = batch;
        this.chunk = chunk;
        this.window = Math.max(1, steps / 10);
        int e = members.length;
        int[] sizes = new int[hidden + 3];
        java.util.Arrays.fill(sizes, width);
        sizes[0] = inputs;
        sizes[hidden + 2] = classes;
        int layers = hidden + 2;
        ens = Ensemble.unset(be, e, sizes);
        Parametrization sp = Parametrization.standard();
        Parametrization mup = Parametrization.muP(baseWidth, !adam);
        // every member starts from the same draws z, scaled by its parametrisation's init std
        Rng init = new Rng(seed);
        float[][] z = new float[layers][];
        for (int l = 0; l < layers; l++) z[l] = init.fork().normals(sizes[l] * sizes[l + 1], 1);
        double top = 0;
        double[][] rate = new double[ens.parameters.size()][e];
        for (int i = 0; i < ens.parameters.size(); i++) {
            Parameter p = ens.parameters.get(i);
            int l = i / 2;
            if (p.role != Role.BIAS) {
                float[] std = new float[e];
                for (int m = 0; m < e; m++) {
                    Parametrization pz = members[m].muP ? mup : sp;
                    // ReLU's gain on hidden layers; the output layer feeds the loss (as in descent.nn.Mlp)
                    std[m] = (float) pz.initStd(p.role, p.fanIn, p.fanOut, l == layers - 1 ? 1 : Math.sqrt(2));
                }
                // the draws go up once and are scaled per member on the device (see Ensemble.unset)
                try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
                    Tensor w = Tensor.of(be, z[l], 1, sizes[l], sizes[l + 1]).mul(Tensor.of(be, std, e, 1, 1));
                    be.copy(w.buffer(), p.value.buffer(), p.size(), false);
                }
            }
            for (int m = 0; m < e; m++) {
                Parametrization pz = members[m].muP ? mup : sp;
                rate[i][m] = members[m].lr * pz.lrScale(p.role, p.fanIn, p.fanOut);
                top = Math.max(top, rate[i][m]);
            }
        }
        ratio = new Tensor[rate.length];
        before = new Tensor[rate.length];
        for (int i = 0; i < rate.length; i++) {
            Parameter p = ens.parameters.get(i);
            float[] r = new float[e];
            for (int m = 0; m < e; m++) r[m] = (float) (rate[i][m] / top);
            ratio[i] = Tensor.of(be, r, e).persistent();
            before[i] = Tensor.zeros(be, p.value.shape()).persistent();
            params.add(p);
        }
        if (adam) {
            opt = new Adam(params, (float) top);
        } else {
            opt = new Momentum(params, (float) top, 0.9f);
        }
        // a cosine decay to zero lets every run settle, so the final loss is a clean function of the learning rate
        // rather than a snapshot of end-of-training noise (Tensor Programs V decays its rates too)
        opt.schedule(Schedule.cosine(steps, 0f));
        lossWindow = Tensor.zeros(be, e).persistent();
        stepLoss = Tensor.zeros(be, e).persistent();
        lastLoss = Tensor.zeros(be, e).persistent();
    }

    boolean done() {
        return step >= steps;
    }

    int stepsDone() {
        return step;
    }

    /** Units per training step. */
    int parts() {
        return batch / chunk;
    }

    /**
     * One unit: forward and backward of {@code chunk} rows for every member; the last unit of a step also updates.
     * {@code rows} supplies the batch's dataset rows (the caller owns the shuffling, shared by every group).
     */
    void unit(Tensor data, Tensor oneHot, int[] rows) {
        int e = members.length, d = data.dim(1), k = oneHot.dim(1);
        int[] idx = new int[e * chunk];
        for (int m = 0; m < e; m++) System.arraycopy(rows, part * chunk, idx, m * chunk, chunk);
        try (Scope s = Scope.open()) {
            Tensor at = Tensor.indices(be, idx);
            Tensor x = data.gatherRows(at).reshape(e, chunk, d);
            Tensor y = oneHot.gatherRows(at).reshape(e, chunk, k);
            Tensor losses = ens.losses(ens.forward(x), y).mul((float) chunk / batch); // (E), this chunk's share
            losses.sum().backward();
            be.copy(losses.buffer(), stepLoss.buffer(), e, true);
        }
        if (++part < parts()) return;
        part = 0;
        try (Scope s = Scope.open(); Autograd.NoGrad g = Autograd.noGrad()) {
            for (int i = 0; i < params.size(); i++) {
                Tensor p = params.get(i).value;
                be.copy(p.buffer(), before[i].buffer(), p.size, false);
            }
            opt.step();
            opt.zeroGrad();
            for (int i = 0; i < params.size(); i++) {
                Tensor p = params.get(i).value;
                be.lerpBlocks(before[i].buffer(), ratio[i].buffer(), p.size / e, p.buffer(), p.size);
            }
        }
        be.copy(stepLoss.buffer(), lastLoss.buffer(), e, false);
        if (step >= steps - window) be.copy(stepLoss.buffer(), lossWindow.buffer(), e, true);
        be.fill(stepLoss.buffer(), 0);
        step++;
    }

    /** Mean training loss over the last tenth of the steps, per member (reads the device: call once, at the end). */
    float[] finalLosses() {
        float[] sum = lossWindow.toHost();
        for (int i = 0; i < sum.length; i++) sum[i] /= window;
        return sum;
    }

    /** The latest step's loss per member, on the device (for a non-blocking readback). */
    Tensor lastLoss() {
        return lastLoss;
    }

    /** Returns every device buffer this group holds. */
    void release() {
        for (Parameter p : params) p.value.release();
        for (Tensor t : ratio) t.release();
        for (Tensor t : before) t.release();
        opt.reset();
        lossWindow.release();
        stepLoss.release();
        lastLoss.release();
    }
}
