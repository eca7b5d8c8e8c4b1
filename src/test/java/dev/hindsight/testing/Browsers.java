package dev.hindsight.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts headless Chromium for browser tests: the system's Chromium (Debian package {@code chromium}), since a
 * test tool's own browser download is not possible here. {@code HINDSIGHT_CHROMIUM} overrides the path.
 */
public final class Browsers {

    private Browsers() {}

    public static Path chromium() {
        String configured = System.getenv("HINDSIGHT_CHROMIUM");
        for (String candidate : configured != null
                ? List.of(configured)
                : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        throw new IllegalStateException(
                "Browser tests need Chromium: install the 'chromium' package (.ci/run does) or set HINDSIGHT_CHROMIUM");
    }

    public static Playwright playwright() {
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium())
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }
}
