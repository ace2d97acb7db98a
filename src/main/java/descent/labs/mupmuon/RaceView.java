package descent.labs.mupmuon;

import descent.gpu.Backends;
import descent.gpu.StatsReadback;
import descent.labs.Params;
import descent.labs.mupmuon.MuonRaceExperiment.Racer;
import descent.ui.ColorMap;
import descent.ui.Dom;
import descent.ui.Figure;
import descent.ui.Fmt;
import descent.ui.LabContext;
import descent.ui.LineChart;
import descent.ui.NetworkDiagram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The race: loss curves, the model diagram coloured by which rule updates each matrix, the singular-value spectrum
 * of one layer's latest update per optimizer, and RMS→RMS operator norms of that layer's weights and updates over
 * training. Losses come back every step through a ring on the device; weights and updates every ten steps.
 */
final class RaceView implements MupMuonView.Section {
    /** The diagram's columns: a handful of neurons stand for each layer. */
    private static final int[] DRAWN = {5, 4, 4, 4, 3};
    private final LabContext ctx;
    private final HTMLElement root;
    private final LineChart loss, spectrum, normW, normU;
    private final NetworkDiagram diagram;
    private final HTMLElement spectrumNote;
    private final GpuPace pace = new GpuPace(3);
    private MuonRaceExperiment race;
    private Params built;
    private StatsReadback history, probe;
    private long shownStep = -1, analysedAt = -1;
    private int layer = 1;
    private float[] lastProbe;
    private final double[] latest = new double[MuonRaceExperiment.RACERS];
    private long divergedAt = -1;
    /** Probe steps, and norms[layer][racer][0 = weight, 1 = update] at each. */
    private final List<Double> probeSteps = new ArrayList<>();
    private final List<double[][][]> norms = new ArrayList<>();

    RaceView(LabContext ctx, HTMLElement parent) {
        this.ctx = ctx;
        root = Dom.add(parent, "section.mm-section.mm-race");
        List<LineChart.Series> racers = new ArrayList<>();
        for (Racer r : Racer.values()) racers.add(new LineChart.Series(r.label, ColorMap.classRgb(r.ordinal()), false));
        Figure lf = new Figure(root, "race-loss", "Training loss");
        lf.caption("Four copies of one MLP on 16\u00d716 digits, from the same weights, on the same batches. Log scale.");
        loss = new LineChart(lf, "step", racers).logY(true);
        lf.exports(loss::canvas, loss::csv);
        Figure df = new Figure(root, "race-model", "Who updates what");
        diagram = new NetworkDiagram(df);
        df.caption("Edges are weight matrices. Orange: the hidden w\u00d7w matrices, which Muon orthogonalises. Blue: "
                + "the input and output layers and every bias, which Muon leaves to AdamW. A few neurons stand for "
                + "each layer.");
        df.exports(() -> diagram.surface().canvas(), null);
        drawDiagram(new int[] {256, 64, 64, 64, 10}, l -> l == 1 || l == 2 ? "Muon" : "AdamW");
        Figure sf = new Figure(root, "race-spectrum", "Spectrum of one update");
        spectrum = new LineChart(sf, "singular value index", racers).logY(true);
        spectrumNote = Dom.add(sf.captionElement(), "span");
        sf.exports(spectrum::canvas, spectrum::csv);
        Figure wf = new Figure(root, "race-norm-w", "RMS\u2192RMS norm of the weights");
        wf.caption("\u2016W\u2016 = \u221a(fan-in / fan-out) \u00b7 largest singular value: the most the layer can "
                + "grow the RMS of a vector. Log scale.");
        normW = new LineChart(wf, "step", racers).logY(true);
        wf.exports(normW::canvas, normW::csv);
        Figure uf = new Figure(root, "race-norm-u", "RMS\u2192RMS norm of each update");
        uf.caption("The same norm for one step's change \u0394W. Muon's is set by its learning rate alone: every "
                + "singular value of its update is about the same. Log scale.");
        normU = new LineChart(uf, "step", racers).logY(true);
        uf.exports(normU::canvas, normU::csv);
    }

    @Override
    public HTMLElement root() {
        return root;
    }

    @Override
    public void reset(Params p, boolean force) {
        if (!force && !MupMuonSpec.changed(built, p, "race")) return;
        built = p.copy();
        if (race != null) race.release();
        race = new MuonRaceExperiment(Backends.current(), MupMuonSpec.raceConfig(p));
        history = new StatsReadback(race.history().backend, race.history().size);
        probe = new StatsReadback(race.probe().backend, race.probeFloats());
        shownStep = -1;
        analysedAt = -1;
        divergedAt = -1;
        lastProbe = null;
        Arrays.fill(latest, Double.NaN);
        probeSteps.clear();
        norms.clear();
        loss.clear();
        spectrum.clear();
        normW.clear();
        normU.clear();
        drawDiagram();
        update(p);
    }

    @Override
    public void update(Params p) {
        race.learningRates(p.num("r_muon_lr"), p.num("r_adam_lr"), p.num("r_sgd_lr"), p.num("r_sign_lr"));
        int l = Integer.parseInt(p.choice("r_layer"));
        if (l != layer) {
            layer = l;
            if (lastProbe != null) showSpectrum(lastProbe);
            refillNorms();
        }
        ctx.requestRender();
    }

    private void drawDiagram() {
        drawDiagram(race.sizes, race::muonRule);
    }

    /**
     * Also called before the race exists: the diagram's canvas redraws on every resize, including when the section is
     * hidden at mount, and it must have a shape by then. Muon's rule needs no race: its hidden w×w matrices.
     */
    private void drawDiagram(int[] sizes, java.util.function.IntFunction<String> rule) {
        int layers = sizes.length - 1;
        List<String> titles = new ArrayList<>();
        // short: at 360 px five column titles share one line
        titles.add("in " + sizes[0]);
        for (int l = 1; l < layers; l++) titles.add(Integer.toString(sizes[l]));
        titles.add("out " + sizes[layers]);
        diagram.shape(DRAWN, List.of(), titles);
        for (int l = 0; l < layers; l++) {
            boolean muon = rule.apply(l).equals("Muon");
            float[] v = new float[DRAWN[l] * DRAWN[l + 1]];
            Arrays.fill(v, muon ? 1f : -1f);
            diagram.edges(l, v, 1.6);
            float[] b = new float[DRAWN[l + 1]];
            Arrays.fill(b, -1f);
            diagram.biases(l + 1, b, 1.6);
        }
        diagram.edgeText((l, from, to) -> "layer " + l + ": W (" + sizes[l] + "\u00d7" + sizes[l + 1] + ") by "
                + rule.apply(l));
        diagram.redraw();
    }

    @Override
    public void step() {
        race.step();
        pace.unitDone(ctx.backend());
    }

    @Override
    public long steps() {
        return race.steps();
    }

    @Override
    public String divergence() {
        if (divergedAt < 0) return null;
        return "All four racers diverged by step " + divergedAt + ": try smaller learning rates.";
    }

    @Override
    public void render() {
        readHistory();
        if (race.probedAt() > analysedAt) {
            float[] v = probe.poll(race.probe().buffer());
            if (v != null && v[v.length - 1] > analysedAt) analyse(v);
        }
        loss.redraw();
        spectrum.redraw();
        normW.redraw();
        normU.redraw();
    }

    /** Appends the ring's rows that the chart has not seen yet, oldest first. */
    private void readHistory() {
        float[] h = history.poll(race.history().buffer());
        if (h == null) return;
        int cols = 1 + MuonRaceExperiment.RACERS, rows = MuonRaceExperiment.HISTORY;
        long newest = -1;
        for (int r = 0; r < rows; r++) newest = Math.max(newest, (long) (Float.isNaN(h[r * cols]) ? -1 : h[r * cols]));
        for (long t = Math.max(shownStep + 1, newest - rows + 1); t <= newest; t++) {
            int r = (int) (t % rows);
            if ((long) h[r * cols] != t) continue;
            double[] ys = new double[MuonRaceExperiment.RACERS];
            boolean alive = false;
            for (int k = 0; k < ys.length; k++) {
                ys[k] = h[r * cols + 1 + k];
                latest[k] = ys[k];
                alive |= Double.isFinite(ys[k]);
            }
            loss.append(t, ys);
            if (!alive && divergedAt < 0) divergedAt = t;
        }
        shownStep = Math.max(shownStep, newest);
    }

    /** Spectra and norms from a host copy of the probe. */
    private void analyse(float[] v) {
        lastProbe = v.clone();
        analysedAt = (long) v[v.length - 1];
        int layers = race.layers();
        double[][][] n = new double[layers][MuonRaceExperiment.RACERS][2];
        for (int l = 0; l < layers; l++) {
            int in = race.sizes[l], out = race.sizes[l + 1];
            for (int r = 0; r < MuonRaceExperiment.RACERS; r++) {
                for (int u = 0; u < 2; u++) {
                    float[] m = race.slice(v, race.offset(r, l, u == 1), l);
                    n[l][r][u] = Spectra.rmsToRms(Spectra.spectralNorm(m, in, out, 24), in, out);
                }
            }
        }
        probeSteps.add((double) analysedAt);
        norms.add(n);
        appendNorms(analysedAt, n);
        showSpectrum(v);
    }

    private void appendNorms(double step, double[][][] n) {
        double[] w = new double[MuonRaceExperiment.RACERS], u = new double[MuonRaceExperiment.RACERS];
        for (int r = 0; r < w.length; r++) {
            w[r] = n[layer][r][0];
            u[r] = n[layer][r][1];
        }
        normW.append(step, w);
        normU.append(step, u);
    }

    private void refillNorms() {
        normW.clear();
        normU.clear();
        for (int i = 0; i < probeSteps.size(); i++) appendNorms(probeSteps.get(i), norms.get(i));
    }

    /** σ_i / σ_1 of the selected layer's latest update for every racer, and each update's stable rank. */
    private void showSpectrum(float[] v) {
        int in = race.sizes[layer], out = race.sizes[layer + 1], rank = Math.min(in, out);
        double[][] s = new double[MuonRaceExperiment.RACERS][];
        StringBuilder note = new StringBuilder("Singular values of layer " + layer + "'s update at step "
                + (long) v[v.length - 1] + ", each divided by its largest (log scale). Stable rank \u2016\u0394W\u2016\u00b2_F"
                + " / \u2016\u0394W\u2016\u00b2\u2082 of " + rank + ":");
        for (int r = 0; r < s.length; r++) {
            s[r] = Spectra.singularValues(race.slice(v, race.offset(r, layer, true), layer), in, out);
            double fro = 0;
            for (double x : s[r]) fro += x * x;
            note.append(r == 0 ? " " : ", ").append(Racer.values()[r].label).append(' ')
                    .append(s[r][0] > 0 ? Fmt.sig(fro / (s[r][0] * s[r][0]), 2) : "\u2013");
        }
        Dom.text(spectrumNote, note.append('.').toString());
        spectrum.clear();
        for (int i = 0; i < rank; i++) {
            double[] ys = new double[s.length];
            for (int r = 0; r < s.length; r++) ys[r] = s[r][0] > 0 ? Math.max(s[r][i] / s[r][0], 1e-6) : Double.NaN;
            spectrum.append(i + 1, ys);
        }
    }

    /** The Muon racer's Nesterov momentum of hidden layer 1 or 2 at the last probe, (w, w); null before one. */
    float[] momentum(int hidden) {
        return lastProbe == null ? null : race.slice(lastProbe, race.momentumOffset(hidden - 1), hidden);
    }

    int hiddenWidth() {
        return race == null ? 0 : race.sizes[1];
    }

    /** The race, built if the user has not opened it yet (the Newton–Schulz section borrows its momentum). */
    MuonRaceExperiment ensure(Params p) {
        reset(p, false);
        return race;
    }

    /** Takes race steps until a probe has been analysed (a short warm-up for the Newton–Schulz section). */
    void warmUp(int steps) {
        while (race.steps() < steps) {
            race.step();
        }
        float[] v = race.probe().toHost();
        analyse(v);
    }

    @Override
    public void release() {
        if (race != null) race.release();
        race = null;
    }
}
