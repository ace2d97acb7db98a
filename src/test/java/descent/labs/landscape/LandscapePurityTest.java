package descent.labs.landscape;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture rule for this lab, file by file: only the browser side (views, figures, the GPU surface) may touch
 * TeaVM, the browser or the gpu package; the numerics run on the JVM unchanged.
 */
class LandscapePurityTest {
    @Test
    void onlyViewsFiguresAndTheGpuSurfaceTouchTheBrowser() throws IOException {
        List<String> offences = new ArrayList<>();
        int pure = 0;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/descent/labs/landscape"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith("View.java") || name.endsWith("Figure.java") || name.startsWith("Gpu")) continue;
                pure++;
                List<String> lines = Files.readAllLines(p);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).trim();
                    if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) continue;
                    if (code.contains("org.teavm") || code.contains("descent.ui") || code.contains("descent.gpu")) {
                        offences.add(name + ":" + (i + 1) + ": " + code);
                    }
                }
            }
        }
        assertTrue(pure >= 15, "the scan found the lab's numerics");
        assertTrue(offences.isEmpty(), "browser code in pure files:\n" + String.join("\n", offences));
    }
}
