package descent.labs.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.labs.HashState;
import descent.labs.Knob;
import descent.labs.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class UrlStateTest {
    /** Every knob away from its default. */
    static final String EVERY_KNOB = "data=custom&classes=3&n=300&noise=0.1&test=0.3&batch=25&dseed=9"
            + "&pts=" + PointCodec.encode(PointsCsv.parse("0.1,0.2,0\n-0.3,0.4,1\n0.5,-0.5,2\n", false).points())
            + "&x1=0&x2=0&x1sq=1&x2sq=1&x1x2=1&sin1=1&sin2=1&hidden=8,6,4&act=relu&residual=1&dropout=0.2"
            + "&opt=adamw&lr=0.005&beta1=0.8&beta2=0.99&wd=0.01&sched=cosine&decay=500&seed=42&reg=l2"
            + "&reg_rate=0.01&show_test=1&discrete=1&regions=1";

    @Test
    void everyKnobRoundTrips() {
        HashState.Parsed p = HashState.parse("lab=playground&" + EVERY_KNOB, List.of(PlaygroundSpec.SPEC));
        assertEquals(List.of(), p.notices());
        for (Knob k : PlaygroundSpec.SPEC.knobs()) {
            assertTrue(!p.params().isDefault(k.name), k.name + " was set away from its default");
        }
        String hash = HashState.format(p.params(), Set.of("lr"));
        HashState.Parsed again = HashState.parse(hash, List.of(PlaygroundSpec.SPEC));
        assertEquals(p.params(), again.params());
        assertEquals(Set.of("lr"), again.hidden());
        PlaygroundConfig c = PlaygroundConfig.from(again.params());
        assertEquals(List.of(), c.notices());
        assertEquals(3, c.custom().size());
        assertEquals(3, c.classCount());
        assertEquals(5, c.features().length);
    }

    @Test
    void badHiddenListsAreRepairedWithANotice() {
        PlaygroundConfig c = PlaygroundConfig.from(MlpKernelTest.params("hidden=4,%3Cscript%3E"));
        assertEquals(2, c.hidden().length);
        assertTrue(c.notices().get(0).contains("not a list"));
        c = PlaygroundConfig.from(MlpKernelTest.params("hidden=200,0,1,1,1,1,1,1,1,1"));
        assertEquals(8, c.hidden().length);
        assertEquals(64, c.hidden()[0]);
        assertEquals(1, c.hidden()[1]);
        c = PlaygroundConfig.from(MlpKernelTest.params("x1=0&x2=0"));
        assertEquals(2, c.features().length);
    }

    @Test
    void everyPresetIsAValidState() {
        for (Preset preset : PlaygroundSpec.SPEC.presets()) {
            HashState.Parsed p = HashState.parse("lab=playground&" + preset.settings(), List.of(PlaygroundSpec.SPEC));
            assertEquals(List.of(), p.notices(), preset.title());
            assertEquals(List.of(), PlaygroundConfig.from(p.params()).notices(), preset.title());
            new PlaygroundExperiment(p.params()).step();
        }
    }

    @Test
    void theLabsPureCodeDoesNotTouchTheBrowser() throws IOException {
        List<String> pure = List.of("BackpropTrace", "Features", "MlpKernel", "Optimizers", "PlaygroundConfig",
                "PlaygroundData", "PlaygroundExperiment", "PlaygroundSpec", "PointCodec", "PointsCsv", "Probe");
        try (Stream<Path> files = Files.list(Path.of("src/main/java/descent/labs/playground"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!pure.contains(name.replace(".java", ""))) {
                    continue;
                }
                for (String line : Files.readAllLines(f)) {
                    String code = line.trim();
                    if (!code.startsWith("*") && !code.startsWith("//")) {
                        assertTrue(!code.contains("org.teavm") && !code.contains("descent.ui"), f + ": " + code);
                    }
                }
            }
        }
    }
}
