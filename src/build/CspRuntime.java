import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Build step: makes TeaVM's Wasm GC runtime work under a Content-Security-Policy without 'unsafe-eval'.
 *
 * <p>TeaVM 0.16's JS runtime builds its glue with {@code new Function(...)}: fixed-arity call helpers at startup, and
 * one function per {@code @JSBody} from the script text stored in the wasm. A strict CSP forbids both. This step
 * (1) rewrites the runtime's generic helpers as plain closures and (2) compiles every {@code @JSBody} found on the
 * classpath into a static table, {@code jsbody.js}, that the rewritten runtime looks up by parameter names and
 * normalised script text. Nothing here is copied into the repository: the runtime is read from TeaVM's jar and
 * written to the site at build time. Each rewrite must match exactly once, so a TeaVM upgrade that changes the
 * runtime fails the build loudly instead of shipping an eval.
 *
 * <p>Usage: {@code java CspRuntime.java <compile classpath> <out-dir>}; the runtime is read from whichever classpath
 * jar holds it (teavm-core).
 */
public class CspRuntime {
    static final String RUNTIME_ENTRY = "org/teavm/backend/wasm/wasm-gc-runtime.js";

    public static void main(String[] args) throws IOException {
        String classpath = args[0];
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        String runtime = null;
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (runtime == null && entry.endsWith(".jar") && Files.exists(Path.of(entry))) {
                try (ZipFile zip = new ZipFile(entry)) {
                    ZipEntry e = zip.getEntry(RUNTIME_ENTRY);
                    if (e != null) {
                        runtime = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        if (runtime == null) {
            throw new IllegalStateException("no jar on the classpath holds " + RUNTIME_ENTRY);
        }
        Files.writeString(out.resolve("runtime.js"), patchRuntime(runtime));
        Map<String, String> bodies = new TreeMap<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                scan(Path.of(entry), bodies);
            }
        }
        Files.writeString(out.resolve("jsbody.js"), table(bodies));
        System.out.println("CspRuntime: runtime rewritten, " + bodies.size() + " @JSBody scripts precompiled");
    }

    // ---- (1) the runtime rewrite --------------------------------------------------------------------------------

    /** Helpers injected at the top of the runtime's closure; they replace each {@code new Function} use. */
    static final String PRELUDE = """
              const descentGlobal = (name) => name.split(".").reduce((o, k) => o[k], globalThis);
              const descentSetGlobal = (name, value) => {
                const path = name.split(".");
                const last = path.pop();
                path.reduce((o, k) => o[k], globalThis)[last] = value;
              };
              // Wraps an exported Java function; with 'withThis' the JS receiver becomes the first argument.
              const descentWrap = (fn, vararg, rethrow, withThis) => {
                const fixed = (withThis ? fn.length - 1 : fn.length) - 1;
                return function(...args) {
                  if (vararg) {
                    args = args.slice(0, fixed).concat([args.slice(fixed)]);
                  }
                  try {
                    return withThis ? fn(this, ...args) : fn(...args);
                  } catch (e) {
                    rethrow(e);
                  }
                };
              };
              const descentNamedConstructor = (name, c) => {
                const f = function(marker, javaObject) {
                  return c.call(this, marker, javaObject);
                };
                Object.defineProperty(f, "name", { value: name });
                return f;
              };
              // Same normalisation as CspRuntime.normalise in the build: the wasm holds TeaVM's re-printed script.
              const descentNormalise = (s) => {
                s = s.replaceAll("__this__", "this").replace(/[\\s;(){}]/g, "").replaceAll("'", '"');
                return s.startsWith("return") ? s.substring(6) : s;
              };
              const descentJsBody = (names, wrapCall) => {
                const body = names[names.length - 1];
                const key = names.slice(0, -1).join(",") + "|" + descentNormalise(body);
                const f = globalThis.DescentJsBodies && globalThis.DescentJsBodies.get(key);
                if (!f) {
                  throw new Error("Descent build: @JSBody not precompiled: " + key);
                }
                return f.bind(null, wrapCall);
              };
            """;

    static String patchRuntime(String js) {
        js = once(js, "\"use strict\";\n(() => {\n", "\"use strict\";\n(() => {\n" + PRELUDE);
        js = once(js, "result = new Function(\"return \" + name + \";\");", "result = () => descentGlobal(name);");
        js = once(js, "new Function(\"value\", name + \" = value;\")(value);", "descentSetGlobal(name, value);");
        // defineFunction(fn, vararg)
        js = onceRegex(js, "return new Function\\(\\s*\"rethrowJavaAsJs\",\\s*\"fn\",\\s*`return function\\(\\$\\{"
                + "paramsAsString\\}\\) \\{\\s*try \\{\\s*return fn\\(\\$\\{params\\.join\\(\", \"\\)\\}\\);.*?\\)\\("
                + "rethrowJavaAsJs, fn\\);", "return descentWrap(fn, vararg, rethrowJavaAsJs, false);");
        // renameConstructor(name, c)
        js = onceRegex(js, "return new Function\\(\\s*\"constructor\",.*?\\)\\(c\\);",
                "return descentNamedConstructor(name, c);");
        // defineMethod(cls, name, fn, vararg)
        js = onceRegex(js, "cls\\.prototype\\[name\\] = new Function\\(.*?\\)\\(rethrowJavaAsJs, fn\\);",
                "cls.prototype[name] = descentWrap(fn, vararg, rethrowJavaAsJs, true);");
        // the fixed-arity import families, built for arities 0..31
        js = onceRegex(js, "imports\\.teavmJso\\[\"createFunction\" \\+ i\\] = new Function\\(.*?\\.bind\\(null, "
                + "wrapCallFromJavaToJs\\);",
                "imports.teavmJso[\"createFunction\" + i] = (...names) => descentJsBody(names, wrapCallFromJavaToJs);");
        js = onceRegex(js, "imports\\.teavmJso\\[\"callFunction\" \\+ i\\] = new Function\\(.*?\\.bind\\(null, "
                + "rethrowJsAsJava\\);", """
                imports.teavmJso["callFunction" + i] = (fn, ...a) => {
                        try {
                          return fn(...a);
                        } catch (e) {
                          rethrowJsAsJava(e);
                        }
                      };""");
        js = onceRegex(js, "imports\\.teavmJso\\[\"callMethod\" \\+ i\\] = new Function\\(.*?\\.bind\\(null, "
                + "rethrowJsAsJava, getGlobalName\\);", """
                imports.teavmJso["callMethod" + i] = (instance, method, ...a) => {
                        try {
                          return instance !== null ? instance[method](...a) : getGlobalName(method)(...a);
                        } catch (e) {
                          rethrowJsAsJava(e);
                        }
                      };""");
        js = onceRegex(js, "imports\\.teavmJso\\[\"construct\" \\+ i\\] = new Function\\(.*?\\.bind\\(null, "
                + "rethrowJsAsJava\\);", """
                imports.teavmJso["construct" + i] = (constructor, ...a) => {
                        try {
                          return new constructor(...a);
                        } catch (e) {
                          rethrowJsAsJava(e);
                        }
                      };""");
        js = onceRegex(js, "imports\\.teavmJso\\[\"arrayOf\" \\+ i\\] = new Function\\(.*?\\);\\n",
                "imports.teavmJso[\"arrayOf\" + i] = (...a) => a;\n");
        if (js.contains("new Function")) {
            throw new IllegalStateException("TeaVM runtime still contains 'new Function' after the rewrite");
        }
        return js;
    }

    static String once(String s, String target, String replacement) {
        int i = s.indexOf(target);
        if (i < 0 || s.indexOf(target, i + 1) >= 0) {
            throw new IllegalStateException("runtime rewrite expected exactly one match of: " + target);
        }
        return s.substring(0, i) + replacement + s.substring(i + target.length());
    }

    static String onceRegex(String s, String regex, String replacement) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(s);
        if (!m.find()) {
            throw new IllegalStateException("runtime rewrite found no match of: " + regex);
        }
        int start = m.start();
        int end = m.end();
        if (m.find()) {
            throw new IllegalStateException("runtime rewrite found two matches of: " + regex);
        }
        return s.substring(0, start) + replacement + s.substring(end);
    }

    // ---- (2) the @JSBody table ----------------------------------------------------------------------------------

    /**
     * TeaVM re-prints each script (spacing, parentheses, quotes, and a lone expression statement becomes a
     * {@code return}); comparing with those differences erased finds the annotation a printed script came from.
     */
    static String normalise(String script) {
        String s = script.replace("__this__", "this").replaceAll("[\\s;(){}]", "").replace('\'', '"');
        return s.startsWith("return") ? s.substring("return".length()) : s;
    }

    static String table(Map<String, String> bodies) {
        StringBuilder sb = new StringBuilder("\"use strict\";\n// Generated by src/build/CspRuntime.java: every @JSBody "
                + "script, compiled ahead of time so no eval is needed.\nglobalThis.DescentJsBodies = new Map([\n");
        for (Map.Entry<String, String> e : bodies.entrySet()) {
            sb.append("  [").append(jsString(e.getKey())).append(", ").append(e.getValue()).append("],\n");
        }
        return sb.append("]);\n").toString();
    }

    static String jsString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** One table entry: the JS function TeaVM would have built with new Function, written out as source. */
    static void add(Map<String, String> bodies, boolean isStatic, List<String> params, String script) {
        List<String> names = new ArrayList<>();
        if (!isStatic) {
            names.add("__this__");
        }
        names.addAll(params);
        String key = String.join(",", names) + "|" + normalise(script);
        String inner = String.join(", ", params);
        String fn = isStatic
                ? "function(wrapCallFromJavaToJs" + prefixed(inner) + ") {\n    " + script + "\n  }"
                : "function(wrapCallFromJavaToJs, __this__" + prefixed(inner) + ") {\n    return (function("
                        + inner + ") {\n      " + script + "\n    }).call(__this__" + prefixed(inner) + ");\n  }";
        bodies.putIfAbsent(key, fn);
    }

    static String prefixed(String list) {
        return list.isEmpty() ? "" : ", " + list;
    }

    static void scan(Path entry, Map<String, String> bodies) throws IOException {
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    try (InputStream in = Files.newInputStream(p)) {
                        ClassFile.readJsBodies(in, bodies);
                    }
                }
            }
        } else if (entry.toString().endsWith(".jar") && Files.exists(entry)) {
            try (ZipFile zip = new ZipFile(entry.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                        try (InputStream in = zip.getInputStream(e)) {
                            ClassFile.readJsBodies(in, bodies);
                        }
                    }
                }
            }
        }
    }

    /** Just enough of the class-file format (JVMS §4) to read {@code @JSBody} annotations on methods. */
    static final class ClassFile {
        static final String JS_BODY = "Lorg/teavm/jso/JSBody;";

        static void readJsBodies(InputStream raw, Map<String, String> bodies) throws IOException {
            byte[] bytes = raw.readAllBytes();
            if (!contains(bytes, JS_BODY.getBytes(StandardCharsets.UTF_8))) {
                return;
            }
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            Object[] pool = new Object[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> pool[i] = in.readUTF();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IOException("bad constant pool tag " + tag);
                }
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.skipBytes(2 * in.readUnsignedShort());
            int fields = in.readUnsignedShort();
            for (int f = 0; f < fields; f++) {
                in.skipBytes(6);
                skipAttributes(in);
            }
            int methods = in.readUnsignedShort();
            for (int m = 0; m < methods; m++) {
                boolean isStatic = (in.readUnsignedShort() & 0x0008) != 0;
                in.skipBytes(4);
                int attrs = in.readUnsignedShort();
                for (int a = 0; a < attrs; a++) {
                    String name = (String) pool[in.readUnsignedShort()];
                    int len = in.readInt();
                    byte[] body = in.readNBytes(len);
                    if (name.equals("RuntimeVisibleAnnotations") || name.equals("RuntimeInvisibleAnnotations")) {
                        readAnnotations(new DataInputStream(new java.io.ByteArrayInputStream(body)), pool,
                                isStatic, bodies);
                    }
                }
            }
        }

        static void readAnnotations(DataInputStream in, Object[] pool, boolean isStatic, Map<String, String> bodies)
                throws IOException {
            int n = in.readUnsignedShort();
            for (int i = 0; i < n; i++) {
                String type = (String) pool[in.readUnsignedShort()];
                String script = null;
                List<String> params = new ArrayList<>();
                boolean imports = false;
                int pairs = in.readUnsignedShort();
                for (int p = 0; p < pairs; p++) {
                    String key = (String) pool[in.readUnsignedShort()];
                    List<String> values = new ArrayList<>();
                    readValue(in, pool, values);
                    switch (key) {
                        case "script" -> script = values.get(0);
                        case "params" -> params.addAll(values);
                        case "imports" -> imports = !values.isEmpty();
                        default -> { }
                    }
                }
                if (type.equals(JS_BODY) && script != null && !imports) {
                    add(bodies, isStatic, params, script);
                }
            }
        }

        /** Reads one element_value, collecting the strings it holds (directly or in an array). */
        static void readValue(DataInputStream in, Object[] pool, List<String> out) throws IOException {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 's' -> out.add((String) pool[in.readUnsignedShort()]);
                case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 'c' -> in.readUnsignedShort();
                case 'e' -> in.readInt();
                case '@' -> {
                    in.readUnsignedShort();
                    int pairs = in.readUnsignedShort();
                    for (int p = 0; p < pairs; p++) {
                        in.readUnsignedShort();
                        readValue(in, pool, new ArrayList<>());
                    }
                    out.add("@");
                }
                case '[' -> {
                    int n = in.readUnsignedShort();
                    for (int i = 0; i < n; i++) {
                        readValue(in, pool, out);
                    }
                }
                default -> throw new IOException("bad annotation element tag " + (char) tag);
            }
        }

        static void skipAttributes(DataInputStream in) throws IOException {
            int n = in.readUnsignedShort();
            for (int i = 0; i < n; i++) {
                in.skipBytes(2);
                in.skipBytes(in.readInt());
            }
        }

        static boolean contains(byte[] hay, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= hay.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (hay[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
