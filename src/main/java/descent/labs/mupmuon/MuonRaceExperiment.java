package descent.labs.mupmuon;

import descent.data.Batcher;
import descent.data.Dataset;
import descent.data.TinyImages;
import descent.nn.Mlp;
import descent.nn.Parameter;
import descent.optim.AdamW;
import descent.optim.Momentum;
import descent.optim.Muon;
import descent.optim.Optimizer;
import descent.optim.SignDescent;
import descent.tensor.Autograd;
import descent.tensor.Backend;
import descent.tensor.Losses;
import descent.tensor.Rng;
import descent.tensor.Scope;
import descent.tensor.Tensor;

/**
 * Muon against AdamW, SGD with momentum and sign descent: four copies of one MLP on tiny digits, from the same
 * initial weights, seeing the same batches. Every step writes [step, loss per racer] into a ring on the device; every
 * {@code probeEvery} steps it also packs each layer's weights W and that step's update ΔW (and the Muon racer's
 * Nesterov momentum of its hidden layers, Newton–Schulz's input) into one device tensor, so the view reads both back
 * without stalling and computes spectra on the host.
 *
 * <pre>
 *   x (B, 256) → layer0 (256, H) → ReLU → layer1 (H, H) → ReLU → layer2 (H, H) → ReLU → layer3 (H, 10)
 * </pre>
 */
public final class MuonRaceExperiment {
    public enum Racer {
        MUON("Muon"), ADAMW("AdamW"), SGD("SGD + momentum"), SIGN("Sign descent");

        public final String label;

        Racer(String label) {
            this.label = label;
        }
    }

    public record Config(int hidden, int batch, double muonLr, double adamLr, double sgdLr, double signLr,
                         int probeEvery, long seed) {
    }

    public static final int RACERS = 4, HISTORY = 64;
    public final Config config;
    public final int[] sizes;
    public final Mlp[] models = new Mlp[RACERS];
    public final Optimizer[] optimizers = new Optimizer[RACERS];
    private final Backend be;
    private final Batcher batches;
    /** (HISTORY, 1 + RACERS): row t mod HISTORY holds [t, loss of each racer] after step t. */
    private final Tensor history;
    /** The packed probe: see {@link #offset}; its last float is the step it was taken at. */
    private final Tensor probe;
    private final Tensor[][] before;
    private final Tensor[] momentum; // the Muon racer's m for layers 1 and 2, kept here exactly as Muon keeps it
    private final int probeFloats;
    private long step;
    private long probedAt = -1;

    public MuonRaceExperiment(Backend be, Config c) {
        this.be = be;
        this.config = c;
        this.sizes = new int[] {256, c.hidden, c.hidden, c.hidden, 10};
        Dataset digits = TinyImages.digits(2000, 16, 0.1, c.seed);
        batches = new Batcher(digits, c.batch, c.seed);
        for (int r = 0; r < RACERS; r++) models[r] = new Mlp(be, new Rng(c.seed), sizes);
        Muon muon = new Muon(models[0].parameters(), (float) c.muonLr, (float) c.adamLr);
        muon.adamw().weightDecay = 0;
        optimizers[0] = muon;
        AdamW adamw = new AdamW(models[1].parameters(), (float) c.adamLr);
        adamw.weightDecay = 0;
        optimizers[1] = adamw;
        optimizers[2] = new Momentum(models[2].parameters(), (float) c.sgdLr, 0.9f);
        optimizers[3] = new SignDescent(models[3].parameters(), (float) c.signLr);
        history = Tensor.full(be, Float.NaN, HISTORY, 1 + RACERS).persistent();
        int n = 0;
        for (int l = 0; l < layers(); l++) n += 2 * RACERS * sizes[l] * sizes[l + 1];
        n += 2 * sizes[1] * sizes[2];
        probeFloats = n + 1; // and the step it was taken at, last, so a late readback knows what it holds
        probe = Tensor.full(be, -1, probeFloats).persistent();
        before = new Tensor[RACERS][layers()];
        for (int r = 0; r < RACERS; r++) {
            for (int l = 0; l < layers(); l++) before[r][l] = Tensor.zeros(be, sizes[l], sizes[l + 1]).persistent();
        }
        momentum = new Tensor[] {Tensor.zeros(be, sizes[1], sizes[2]).persistent(),
            Tensor.zeros(be, sizes[2], sizes[3]).persistent()};
    }

    public int layers() {
        return sizes.length - 1;
    }

    /** The weight of layer l of racer r. */
    public Parameter weight(int r, int l) {
        return models[r].layers[l].weight;
    }

    /** Which rule updates layer l's weight in the Muon racer ("Muon" or "AdamW"). */
    public String muonRule(int l) {
        return optimizers[0].ruleFor(weight(0, l));
    }

    /** Live learning-rate changes: no rebuild, the race goes on. */
    public void learningRates(double muon, double adam, double sgd, double sign) {
        optimizers[0].learningRate((float) muon);
        ((Muon) optimizers[0]).adamw().learningRate((float) adam);
        optimizers[1].learningRate((float) adam);
        optimizers[2].learningRate((float) sgd);
        optimizers[3].learningRate((float) sign);
    }

    public void step() {
        boolean probing = step % config.probeEvery == 0;
        try (Scope s = Scope.open()) {
            Tensor[] b = batches.next(be);
            Tensor[] losses = new Tensor[RACERS];
            for (int r = 0; r < RACERS; r++) {
                Optimizer opt = optimizers[r];
                opt.zeroGrad();
                Tensor loss = Losses.crossEntropy(models[r].forward(b[0]), b[1]);
                loss.backward();
                if (r == 0) trackMomentum(probing);
                if (probing) {
                    for (int l = 0; l < layers(); l++) copy(weight(r, l).value, before[r][l], 0);
                }
                opt.step();
                losses[r] = loss.reshape(1);
            }
            try (Autograd.NoGrad g = Autograd.noGrad()) {
                Tensor[] row = new Tensor[1 + RACERS];
                row[0] = Tensor.of(be, new float[] {step}, 1);
                System.arraycopy(losses, 0, row, 1, RACERS);
                Tensor packed = descent.tensor.Layout.concat(0, row);
                be.copyAxis(packed.buffer(), 1 + RACERS, 0, history.buffer(), HISTORY * (1 + RACERS),
                        (int) (step % HISTORY) * (1 + RACERS), 1, 1 + RACERS, 1, false);
                if (probing) {
                    pack();
                    copy(Tensor.of(be, new float[] {step}, 1), probe, probeFloats - 1);
                }
            }
        }
        if (probing) probedAt = step;
        step++;
    }

    /** m ← μ m + g and u = g + μ m for the Muon racer's hidden layers: the matrix its Newton–Schulz orthogonalises. */
    private void trackMomentum(boolean probing) {
        Muon muon = (Muon) optimizers[0];
        try (Autograd.NoGrad g = Autograd.noGrad()) {
            for (int i = 0; i < 2; i++) {
                Tensor grad = weight(0, i + 1).value.grad();
                Tensor m = momentum[i].mul(muon.momentum).add(grad);
                copy(m, momentum[i], 0);
                if (probing) {
                    Tensor u = muon.nesterov ? grad.add(m.mul(muon.momentum)) : m;
                    copy(u, probe, momentumOffset(i));
                }
            }
        }
    }

    /** W after the step and ΔW = W after − W before, for every racer and layer. */
    private void pack() {
        for (int r = 0; r < RACERS; r++) {
            for (int l = 0; l < layers(); l++) {
                Tensor w = weight(r, l).value;
                copy(w, probe, offset(r, l, false));
                copy(w.sub(before[r][l]), probe, offset(r, l, true));
            }
        }
    }

    private void copy(Tensor src, Tensor dst, int at) {
        be.copyAxis(src.buffer(), src.size, 0, dst.buffer(), dst.size, at, 1, src.size, 1, false);
    }

    /** Where racer r's layer l weight (or update) starts in the probe. */
    public int offset(int r, int l, boolean update) {
        int at = 0;
        for (int k = 0; k < layers(); k++) {
            int block = sizes[k] * sizes[k + 1];
            if (k == l) return at + (2 * r + (update ? 1 : 0)) * block;
            at += 2 * RACERS * block;
        }
        throw new IllegalArgumentException("no layer " + l);
    }

    /** Where the Muon racer's Nesterov momentum of hidden layer 1 (i = 0) or 2 (i = 1) starts in the probe. */
    public int momentumOffset(int i) {
        return offset(0, layers() - 1, false) + 2 * RACERS * sizes[layers() - 1] * sizes[layers()]
                + i * sizes[1] * sizes[2];
    }

    /** Extracts one matrix (rows = fan-in, cols = fan-out) from a host copy of the probe. */
    public float[] slice(float[] probeHost, int at, int l) {
        float[] out = new float[sizes[l] * sizes[l + 1]];
        System.arraycopy(probeHost, at, out, 0, out.length);
        return out;
    }

    public Tensor history() {
        return history;
    }

    public Tensor probe() {
        return probe;
    }

    public int probeFloats() {
        return probeFloats;
    }

    /** The step whose weights and update the probe holds (on the device), or -1 before the first. */
    public long probedAt() {
        return probedAt;
    }

    public long steps() {
        return step;
    }

    public void release() {
        for (int r = 0; r < RACERS; r++) {
            for (Parameter p : models[r].parameters()) p.value.release();
            optimizers[r].reset();
            for (Tensor t : before[r]) t.release();
        }
        Muon muon = (Muon) optimizers[0];
        if (muon.adamw() != null) muon.adamw().reset();
        for (Tensor t : momentum) t.release();
        history.release();
        probe.release();
    }
}
