package descent.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The local static server: serves the built site ({@code target/site}) with the JDK's own HTTP server.
 *
 * <p>It is deliberately strict, so that what works here works on any static host with the same headers: only GET and
 * HEAD, no directory listings, no hidden files, no path escaping the site root, and a Content-Security-Policy that
 * allows WebAssembly compilation but no JavaScript eval and no third-party origin, while still allowing any page to
 * embed a lab in an iframe.
 */
public final class Server implements AutoCloseable {
    /** The policy every response carries; the e2e tests run the whole site under it. */
    public static final String CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors *");

    static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("wgsl", "text/wgsl; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("map", "application/json"));

    private final HttpServer http;
    private final Path root;

    public Server(Path root, int port) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        http.createContext("/", this::handle);
        http.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "descent-http");
            t.setDaemon(true);
            return t;
        }));
    }

    public Server start() {
        http.start();
        return this;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String url() {
        return "http://localhost:" + port() + "/";
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            var h = ex.getResponseHeaders();
            h.set("Content-Security-Policy", CSP);
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Referrer-Policy", "no-referrer");
            h.set("Cache-Control", "no-cache");
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                h.set("Allow", "GET, HEAD");
                send(ex, 405, "method not allowed");
                return;
            }
            Path file = resolve(ex.getRequestURI());
            if (file == null) {
                send(ex, 404, "not found");
                return;
            }
            h.set("Content-Type", contentType(file));
            long size = Files.size(file);
            if (method.equals("HEAD")) {
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, size == 0 ? -1 : size);
            try (OutputStream out = ex.getResponseBody()) {
                Files.copy(file, out);
            }
        }
    }

    /** Maps a request path to a regular file inside the root, or null: hidden names and escapes are refused. */
    Path resolve(URI uri) {
        String path = uri.getPath();
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        for (String part : path.split("/")) {
            if (part.startsWith(".") || part.contains("\\") || part.indexOf('\0') >= 0) {
                return null;
            }
        }
        Path file;
        try {
            file = root.resolve(path.substring(1)).normalize();
        } catch (RuntimeException e) {
            return null;
        }
        if (!file.startsWith(root)) {
            return null;
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        return Files.isRegularFile(file) ? file : null;
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static void send(HttpExchange ex, int status, String text) throws IOException {
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    public static void main(String[] args) throws Exception {
        int port = 8080;
        Path dir = Path.of("target", "site");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port", "-port" -> port = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: Server [--port N] [--dir target/site]");
                    System.exit(2);
                }
            }
        }
        if (!Files.isRegularFile(dir.resolve("index.html"))) {
            System.err.println("No site at " + dir.toAbsolutePath() + " - build it first with: mvn package");
            System.exit(1);
        }
        Server server = new Server(dir, port).start();
        Object done = new Object();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("\nDescent server stopped.");
        }));
        System.out.println("Descent is served at " + server.url() + "  (Ctrl-C to stop)");
        synchronized (done) {
            done.wait();
        }
    }
}
