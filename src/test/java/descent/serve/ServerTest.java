package descent.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local server over real HTTP: types, refusals, and the headers that keep embedding possible but safe. */
class ServerTest {
    @TempDir
    static Path root;
    static Path outside;
    static Server server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        Path site = Files.createDirectories(root.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<!doctype html><title>t</title>");
        Files.write(site.resolve("app.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        Files.writeString(site.resolve("boot.js"), "1;");
        Files.writeString(site.resolve(".secret"), "hidden");
        Files.createDirectories(site.resolve(".git"));
        Files.writeString(site.resolve(".git/config"), "hidden");
        Files.createDirectories(site.resolve("empty"));
        outside = Files.writeString(root.resolve("outside.txt"), "secret");
        server = new Server(site, 0).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a raw request line, so paths the Java client would normalise reach the server as written. */
    static String raw(String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void servesFilesWithTheirTypes() throws Exception {
        HttpResponse<String> r = get("index.html");
        assertEquals(200, r.statusCode());
        assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("application/wasm", get("app.wasm").headers().firstValue("Content-Type").orElseThrow());
        assertTrue(get("boot.js").headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertEquals(200, get("").statusCode(), "the root serves index.html");
    }

    @Test
    void securityHeadersAllowWasmAndEmbeddingButNoEval() throws Exception {
        String csp = get("index.html").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("'wasm-unsafe-eval'"));
        assertFalse(csp.contains("'unsafe-eval'"));
        assertFalse(csp.contains("'unsafe-inline'"));
        assertTrue(csp.contains("frame-ancestors *"));
        assertFalse(csp.contains("http"), "no third-party origins: " + csp);
        assertEquals("nosniff", get("index.html").headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(get("index.html").headers().firstValue("X-Frame-Options").isEmpty());
    }

    @Test
    void refusesHiddenFilesTraversalAndListings() throws Exception {
        assertEquals(404, get(".secret").statusCode());
        assertEquals(404, get(".git/config").statusCode());
        assertEquals(404, get("empty/").statusCode(), "no directory listing");
        assertEquals(404, get("missing.js").statusCode());
        for (String path : new String[] {"/../outside.txt", "/%2e%2e/outside.txt", "/empty/../../outside.txt",
                "/..%2foutside.txt", "/%2e%2e%2foutside.txt", "/.%2e/outside.txt"}) {
            String response = raw(path);
            assertFalse(response.contains("secret"), path + " leaked: " + response);
            assertTrue(response.startsWith("HTTP/1.1 404") || response.startsWith("HTTP/1.1 400"), path + ": "
                    + response.lines().findFirst().orElse(""));
        }
    }

    @Test
    void onlyGetAndHead() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "index.html"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode());
        HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "index.html"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
    }
}
