package descent.labs.generative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.tensor.CpuBackend;
import org.junit.jupiter.api.Test;

/** The GAN learns the eight modes with balanced settings, and collapses onto a few when G outruns D. */
class GanTest {
    GanExperiment train(double gLr, double dLr, int iterations) {
        GanExperiment.Config c = new GanExperiment.Config();
        c.gLr = gLr;
        c.dLr = dLr;
        GanExperiment e = new GanExperiment(new CpuBackend(), c);
        for (int i = 0; i < iterations; i++) e.step();
        return e;
    }

    @Test
    void balancedSettingsCoverEveryModeAndCollapseSettingsDoNot() {
        GanExperiment good = train(1e-3, 1e-3, 1500);
        int goodModes = good.modesCovered(good.generate(good.shownLatent));
        GanExperiment bad = train(3e-3, 1e-4, 1500);
        int badModes = bad.modesCovered(bad.generate(bad.shownLatent));
        System.out.println("GAN modes covered: balanced " + goodModes + "/8 (SW " + good.distanceToData()
                + "), fast G and slow D " + badModes + "/8 (SW " + bad.distanceToData() + ")");
        assertEquals(8, goodModes);
        assertTrue(badModes <= 3, "mode collapse: " + badModes + " modes");
    }

    @Test
    void fakeGradientsPointTowardWhatTheDiscriminatorCallsReal() {
        GanExperiment e = train(1e-3, 1e-3, 300);
        float[] fakes = e.generate(e.shownLatent);
        float[] g = e.fakeGradients(fakes);
        float[] moved = fakes.clone();
        for (int i = 0; i < moved.length; i++) moved[i] += 1e-3f * g[i] / GanExperiment.SHOWN;
        double before = 0, after = 0;
        for (float v : e.realness(fakes)) before += v;
        for (float v : e.realness(moved)) after += v;
        assertTrue(after > before, "a small step along the arrows raises D(x): " + before + " -> " + after);
    }
}
