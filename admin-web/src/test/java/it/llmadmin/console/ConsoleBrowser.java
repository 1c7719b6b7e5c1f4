package it.llmadmin.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import it.llmadmin.MissingService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * One headless Chromium for every console IT class of the run (Debian's, at {@code /usr/bin/chromium} or
 * {@code LLMADMIN_TEST_CHROMIUM}), driven by Playwright; each test takes a new browser context. Playwright never
 * downloads a browser here ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}): only loopback is reachable. Without the
 * binary the console ITs are skipped with a loud {@code SKIPPED:} message, or fail when
 * {@code LLMADMIN_REQUIRE_SERVICES=true}.
 */
final class ConsoleBrowser {

    private static final Path CHROMIUM = Paths.get(env("LLMADMIN_TEST_CHROMIUM", "/usr/bin/chromium"));

    private static Playwright playwright;
    private static Browser browser;

    private ConsoleBrowser() {}

    /** The shared browser, launched on first use and closed when the test JVM ends. */
    static synchronized Browser browser() {
        requireChromium();
        if (browser == null) {
            playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(CHROMIUM)
                            .setHeadless(true)
                            .setArgs(List.of(
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-quic",
                                    "--no-first-run",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--disable-sync")));
            Runtime.getRuntime().addShutdownHook(new Thread(ConsoleBrowser::close, "close-chromium"));
        }
        return browser;
    }

    private static synchronized void close() {
        if (playwright != null) {
            playwright.close();
            playwright = null;
            browser = null;
        }
    }

    private static void requireChromium() {
        if (Files.isExecutable(CHROMIUM)) {
            return;
        }
        String message = "no Chromium at " + CHROMIUM + " (apt-get install chromium, or set LLMADMIN_TEST_CHROMIUM):"
                + " the console's browser tests cannot run";
        MissingService.skipOrFail(message, null);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
