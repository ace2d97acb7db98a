package descent.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every WGSL file is baked in and used; every kernel the code names exists (the compiler checks that part too). */
class ShadersTest {
    @Test
    void everyShaderFileIsReferencedAndEveryReferenceHasAFile() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.isDirectory(Path.of("shaders")) ? Files.list(Path.of("shaders")) : Stream.empty()) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".wgsl"))
                    .forEach(n -> files.add(n.substring(0, n.length() - 5).toUpperCase(Locale.ROOT)));
        }
        Set<String> referenced = new TreeSet<>();
        Pattern ref = Pattern.compile("\\bShaders\\.([A-Z][A-Z0-9_]*)\\b");
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            for (Path p : (Iterable<Path>) s.filter(f -> f.toString().endsWith(".java"))::iterator) {
                Matcher m = ref.matcher(Files.readString(p));
                while (m.find()) {
                    referenced.add(m.group(1));
                }
            }
        }
        assertEquals(files, referenced, "shaders/*.wgsl files vs Shaders.X references in src/main/java");
    }
}
