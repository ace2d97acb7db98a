package descent.e2e;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import descent.serve.Server;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One headless Chromium and one local server shared by the end-to-end tests of a JVM.
 *
 * <p>Chromium is the system one ({@code CHROME_PATH} or the usual names on PATH); Playwright only fetches its own when
 * none exists. With {@code --enable-unsafe-webgpu} headless Chromium offers a software WebGPU adapter, so the GPU
 * path is really exercised; {@link #cpu()} launches a second browser with WebGPU off for the CPU path.
 */
public final class Browser {
    private static Server server;
    private static Playwright playwright;
    private static com.microsoft.playwright.Browser gpu;
    private static com.microsoft.playwright.Browser cpu;

    private Browser() {
    }

    public static synchronized String baseUrl() {
        if (server == null) {
            Path site = Path.of(System.getProperty("descent.site", "target/site"));
            if (!Files.isRegularFile(site.resolve("index.html"))) {
                throw new IllegalStateException("no built site at " + site.toAbsolutePath() + "; run mvn package");
            }
            try {
                server = new Server(site, 0).start();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return server.url();
    }

    /** Closes every browser context of both browsers (the pages of a finished test). */
    public static synchronized void closeAllPages() {
        for (com.microsoft.playwright.Browser b : new com.microsoft.playwright.Browser[] {gpu, cpu}) {
            if (b != null) {
                for (com.microsoft.playwright.BrowserContext c : b.contexts()) {
                    c.close();
                }
            }
        }
    }

    /** Chromium with a (software) WebGPU adapter. */
    public static synchronized com.microsoft.playwright.Browser webgpu() {
        if (gpu == null) {
            gpu = launch(true);
        }
        return gpu;
    }

    /**
     * A Chromium with WebGPU of its own, for a test that destroys its device: after that the shared browser's GPU
     * process may stop answering adapter requests for a while. The caller closes it.
     */
    public static synchronized com.microsoft.playwright.Browser isolatedWebgpu() {
        baseUrl();
        return launch(true);
    }

    /** Chromium without WebGPU: the lab must run on the CPU path. */
    public static synchronized com.microsoft.playwright.Browser cpu() {
        if (cpu == null) {
            cpu = launch(false);
        }
        return cpu;
    }

    private static com.microsoft.playwright.Browser launch(boolean webgpu) {
        if (playwright == null) {
            playwright = Playwright.create();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                playwright.close();
                if (server != null) {
                    server.close();
                }
            }));
        }
        List<String> args = new ArrayList<>(List.of("--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"));
        if (webgpu) {
            args.add("--enable-unsafe-webgpu");
            args.add("--enable-features=Vulkan");
        } else {
            args.add("--disable-features=WebGPU");
            args.add("--disable-gpu");
        }
        if ("root".equals(System.getProperty("user.name"))) {
            args.add("--no-sandbox");
        }
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(args);
        Path chrome = systemChromium();
        if (chrome != null) {
            options.setExecutablePath(chrome);
        }
        return playwright.chromium().launch(options);
    }

    static Path systemChromium() {
        String env = System.getenv("CHROME_PATH");
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
            return Path.of(env);
        }
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }
}
