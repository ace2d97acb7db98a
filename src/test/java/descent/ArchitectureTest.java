package descent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule that keeps the engine testable on the JVM: nothing in tensor, nn, optim, data or any *Experiment touches
 * the browser, i.e. mentions org.teavm (imports or fully qualified names) outside comments.
 */
class ArchitectureTest {
    static final Path MAIN = Paths.get("src/main/java/descent");
    static final String[] PURE = {"tensor", "nn", "optim", "data"};

    @Test
    void engineAndExperimentsDoNotTouchTheBrowser() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String pkg : PURE) files.addAll(javaFiles(MAIN.resolve(pkg)));
        for (Path p : javaFiles(MAIN)) if (p.getFileName().toString().endsWith("Experiment.java")) files.add(p);
        assertTrue(files.size() > 20, "the scan found the engine sources");
        List<String> offences = offences(files);
        assertTrue(offences.isEmpty(), "browser APIs in pure code:\n" + String.join("\n", offences));
    }

    static List<String> offences(List<Path> files) throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path p : files) {
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                String code = lines.get(i).trim();
                if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) continue;
                if (code.contains("org.teavm")) offences.add(p + ":" + (i + 1) + ": " + code);
            }
        }
        return offences;
    }

    @Test
    void theRuleCatchesAnOffence() throws IOException {
        Path dir = Files.createTempDirectory("arch");
        Path bad = dir.resolve("BadExperiment.java");
        Files.writeString(bad, "package x;\nimport org.teavm.jso.browser.Window;\n");
        Path fine = dir.resolve("FineExperiment.java");
        Files.writeString(fine, "package x;\n// unlike the view, this never imports org.teavm\n");
        assertTrue(offences(List.of(bad)).size() == 1);
        assertTrue(offences(List.of(fine)).isEmpty());
    }

    static List<Path> javaFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> out = new ArrayList<>();
            s.filter(p -> p.toString().endsWith(".java")).forEach(out::add);
            return out;
        }
    }
}
