package descent.labs.generative;

import descent.labs.Params;
import descent.tensor.Backend;
import descent.ui.ColorMap;
import descent.ui.Figure;
import descent.ui.Fmt;
import descent.ui.Heatmap;
import descent.ui.ImageGrid;
import descent.ui.LabContext;
import descent.ui.LineChart;
import descent.ui.Marks;
import descent.ui.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The VAE with a 2-D latent: where the encoder puts each held-out image (coloured by class), what the decoder draws
 * at every point of the latent plane, the two terms of the loss, reconstructions, and the decoded straight line
 * between two chosen images. Tap a point in the latent plot to choose an end of the interpolation.
 */
final class VaeSection implements Section {
    private static final double R = 3;
    private static final int GRID = 12, STRIP = 6, RECON = 8, S = ImageSet.SIZE;
    /** Ten distinguishable class colours (the lab's eight, then two more), for ten digits. */
    private static final int[] CLASS_RGB = {ColorMap.classRgb(0), ColorMap.classRgb(1), ColorMap.classRgb(2),
        ColorMap.classRgb(3), ColorMap.classRgb(4), ColorMap.classRgb(5), ColorMap.classRgb(6), ColorMap.classRgb(7),
        0x8c564b, 0x17becf};
    private final LabContext ctx;
    private final Supplier<Backend> backend;
    private final Heatmap latent, decoder;
    private final ImageGrid interpolation, originals, recon;
    private final LineChart losses;
    private VaeExperiment exp;
    private int pairA, pairB, lossRows;
    private boolean chooseB;
    private long drawnAt = -1;
    private double drawnTime;
    private boolean dirty = true;

    VaeSection(LabContext ctx, HTMLElement root, Supplier<Backend> backend) {
        this.ctx = ctx;
        this.backend = backend;
        Figure lf = new Figure(root, "latent", "Latent space: codes of held-out images");
        latent = new Heatmap(lf, -R, R, -R, R);
        latent.readout((x, y, v) -> "z = (" + Fmt.sig(x, 2) + ", " + Fmt.sig(y, 2) + ")");
        latent.onTap((x, y) -> ctx.post(() -> choose(x, y)));
        lf.caption("Each dot is the mean \u03bc of q(z | x) for one held-out image, coloured by its class. The shaded "
                + "disc is the prior N(0, I) out to 2\u03c3. Tap a dot to make it an end of the interpolation.");
        lf.exports(latent::canvas, null);

        Figure df = new Figure(root, "decoder", "The decoder over the latent plane");
        decoder = new Heatmap(df, -R, R, -R, R);
        decoder.smooth(false);
        decoder.readout((x, y, v) -> "z = (" + Fmt.sig(x, 2) + ", " + Fmt.sig(y, 2) + ")");
        df.caption("decoder(z) on a " + GRID + " \u00d7 " + GRID + " grid over [\u22123, 3]\u00b2: walk across the "
                + "plane and watch one class turn into another.");
        df.exports(decoder::canvas, null);

        Figure lossFig = new Figure(root, "vae-loss", "Reconstruction and KL");
        losses = new LineChart(lossFig, "step", List.of(
                new LineChart.Series("reconstruction \u2212log p(x | z)", ColorMap.classRgb(0), false),
                new LineChart.Series("KL(q(z | x) \u2016 N(0, I))", Paint.PARTICLE_RGB, false)));
        losses.logY(true);
        lossFig.caption("Both terms per image, in nats (moving averages). The loss is reconstruction + \u03b2 \u00b7 KL: "
                + "raise \u03b2 and the KL falls while reconstructions get worse.");

        Figure inf = new Figure(root, "interpolation", "Interpolation between two images");
        interpolation = new ImageGrid(inf, ImagesSection.NARROW_CELL);
        inf.caption("The two held-out images at the ends; between them the decoder along the straight line from "
                + "\u03bc(a) to \u03bc(b).");

        Figure rf = new Figure(root, "reconstructions", "Reconstructions");
        descent.ui.Dom.add(rf.body(), "h3.gen-sub", "held-out images x");
        originals = new ImageGrid(rf, ImagesSection.NARROW_CELL);
        descent.ui.Dom.add(rf.body(), "h3.gen-sub", "decoder(\u03bc(x)): squeezed through two numbers");
        recon = new ImageGrid(rf, ImagesSection.NARROW_CELL);
        rf.caption("The mean code \u03bc(x) is decoded without sampling. Two numbers cannot hold every stroke, so the "
                + "reconstruction keeps the class and the slant and loses the rest.");
    }

    private void choose(double x, double y) {
        float[] mu = exp.encode(exp.test.x);
        int best = 0;
        double bd = Double.MAX_VALUE;
        for (int i = 0; i < exp.test.n; i++) {
            double dx = mu[2 * i] - x, dy = mu[2 * i + 1] - y, d = dx * dx + dy * dy;
            if (d < bd) {
                bd = d;
                best = i;
            }
        }
        ctx.setKnob(chooseB ? "pair_b" : "pair_a", best);
        chooseB = !chooseB;
    }

    @Override
    public void reset(Params p) {
        VaeExperiment.Config c = new VaeExperiment.Config();
        c.images = p.choice("images").equals("shapes") ? ImageSet.SHAPES : ImageSet.DIGITS;
        c.width = p.integer("vae_width");
        c.seed = p.integer("seed");
        c.statsEvery = GenerativeView.statsEvery(backend.get());
        exp = new VaeExperiment(backend.get(), c);
        update(p);
        losses.clear();
        lossRows = 0;
        dirty = true;
    }

    @Override
    public void update(Params p) {
        exp.beta(p.num("beta"));
        exp.learningRate(p.num("vae_lr"));
        pairA = p.integer("pair_a");
        pairB = p.integer("pair_b");
        dirty = true;
        ctx.requestRender();
    }

    @Override
    public Training training() {
        return exp;
    }

    @Override
    public void render() {
        for (; lossRows < exp.recon.size(); lossRows++) {
            losses.append(exp.recon.x(lossRows), exp.recon.y(lossRows), exp.kl.y(lossRows));
        }
        losses.redraw();
        // the pictures cost a few forward passes: redraw them at most every 5 steps while training
        if (!dirty && (exp.steps() - drawnAt < 5
                || descent.ui.Js.now() - drawnTime < GenerativeView.redrawInterval(backend.get()))) return;
        dirty = false;
        drawnTime = descent.ui.Js.now();
        drawnAt = exp.steps();
        drawLatent();
        drawDecoder();
        int k = STRIP + 2;
        float[] line = exp.interpolate(pairA, pairB, STRIP);
        List<float[]> imgs = new ArrayList<>();
        List<String> caps = new ArrayList<>();
        String[] names = exp.config.images.classNames();
        imgs.add(exp.testImages(new int[] {pairA}));
        caps.add("a: " + names[exp.test.labels[pairA]]);
        imgs.addAll(ImagesSection.split(line, STRIP));
        for (int i = 0; i < STRIP; i++) caps.add("");
        imgs.add(exp.testImages(new int[] {pairB}));
        caps.add("b: " + names[exp.test.labels[pairB]]);
        interpolation.set(imgs, S, S, ColorMap.GREYS, 0, 1, caps.subList(0, k));
        interpolation.redraw();
        int[] idx = new int[RECON];
        for (int i = 0; i < RECON; i++) idx[i] = i;
        float[] orig = exp.testImages(idx), rec = exp.reconstruct(orig);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < RECON; i++) labels.add(names[exp.test.labels[i]]);
        originals.set(ImagesSection.split(orig, RECON), S, S, ColorMap.GREYS, 0, 1, labels);
        originals.redraw();
        recon.set(ImagesSection.split(rec, RECON), S, S, ColorMap.GREYS, 0, 1, ImagesSection.blanks(RECON));
        recon.redraw();
    }

    private void drawLatent() {
        float[] mu = exp.encode(exp.test.x);
        int cells = 64;
        int[] bg = prior(cells);
        String[] names = exp.config.images.classNames();
        int[] rgb = new int[names.length];
        for (int i = 0; i < names.length; i++) rgb[i] = CLASS_RGB[i];
        latent.colors(bg, cells, cells, null, List.of(names), rgb);
        Marks m = latent.marks();
        m.clear();
        for (int i = 0; i < exp.test.n; i++) m.point(mu[2 * i], mu[2 * i + 1], 3.2, CLASS_RGB[exp.test.labels[i]], true);
        m.target(mu[2 * pairA], mu[2 * pairA + 1], Theme.fg());
        m.text(mu[2 * pairA], mu[2 * pairA + 1], 10, -12, "a", Theme.fg());
        m.target(mu[2 * pairB], mu[2 * pairB + 1], Theme.fg());
        m.text(mu[2 * pairB], mu[2 * pairB + 1], 10, -12, "b", Theme.fg());
        m.path(new float[] {mu[2 * pairA], mu[2 * pairA + 1], mu[2 * pairB], mu[2 * pairB + 1]}, Theme.fg(), 1.5, true);
        latent.redraw();
    }

    /** A faint disc where the prior N(0, I) has its mass (radius 2). */
    private static int[] prior(int cells) {
        boolean dark = Theme.dark();
        int[] out = new int[cells * cells];
        for (int r = 0; r < cells; r++) {
            for (int c = 0; c < cells; c++) {
                double x = -R + 2 * R * (c + 0.5) / cells, y = R - 2 * R * (r + 0.5) / cells;
                double t = 0.22 * Math.exp(-(x * x + y * y) / 2);
                int base = dark ? 0x2d1e17 : 0xffffff, tint = dark ? 0x8a7a6a : 0x6a7a8a;
                out[r * cells + c] = 0xff000000 | mix(base, tint, t);
            }
        }
        return out;
    }

    /** Mixes two 0xBBGGRR colours. */
    private static int mix(int a, int b, double t) {
        int out = 0;
        for (int s = 0; s < 24; s += 8) {
            int ca = a >> s & 0xff, cb = b >> s & 0xff;
            out |= (int) Math.round(ca + t * (cb - ca)) << s;
        }
        return out;
    }

    private void drawDecoder() {
        float[] imgs = exp.decoderGrid(GRID, R * (GRID - 1) / GRID);
        int side = GRID * S;
        float[] big = new float[side * side];
        for (int gr = 0; gr < GRID; gr++) {
            for (int gc = 0; gc < GRID; gc++) {
                int off = (gr * GRID + gc) * S * S;
                for (int y = 0; y < S; y++) {
                    System.arraycopy(imgs, off + y * S, big, (gr * S + y) * side + gc * S, S);
                }
            }
        }
        decoder.values(big, side, side, ColorMap.GREYS, 0, 1, "pixel");
        decoder.redraw();
    }

    @Override
    public void release() {
    }
}
