package dev.hindsight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.hindsight.accounts.Accounts;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.Browsers;
import dev.hindsight.testing.TestUsers;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test starts from: one headless Chromium per test class, and per test a fresh browser context
 * logged in as a new editor ({@link #editor}) with a short {@link #unique} string for names.
 */
abstract class BrowserTestSupport {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    IncidentManagement incidents;

    BrowserContext context;
    Page page;
    Actor editor;
    String unique;

    @BeforeAll
    static void startBrowser() {
        playwright = Browsers.playwright();
        browser = Browsers.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
        playwright.close();
    }

    /** The browser context's options; a test class overrides this for a time zone or downloads. */
    Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(1280, 900);
    }

    @BeforeEach
    void logIn() {
        unique = UUID.randomUUID().toString().substring(0, 6);
        editor = TestUsers.create(accounts, "editor");
        context = browser.newContext(contextOptions());
        page = context.newPage();
        login(page, editor.username(), TestUsers.PASSWORD);
    }

    @AfterEach
    void close() {
        context.close();
    }

    static void login(Page page, String user, String password) {
        page.navigate("/login");
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/incidents$"));
    }
}
