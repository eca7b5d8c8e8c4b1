package dev.hindsight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.hindsight.accounts.Accounts;
import dev.hindsight.catalog.ServiceCatalog;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** What a person does in the incident pages, in real headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IncidentBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ServiceCatalog catalog;

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

    @BeforeEach
    void logIn() {
        unique = UUID.randomUUID().toString().substring(0, 6);
        editor = TestUsers.create(accounts, "editor");
        if (catalog.findByName("checkout-api").isEmpty()) {
            catalog.create(TestUsers.admin(accounts), "checkout-api", "Checkout", null);
        }
        context = newContext();
        page = context.newPage();
        login(page, editor.username(), TestUsers.PASSWORD);
    }

    @AfterEach
    void close() {
        context.close();
    }

    BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setTimezoneId("Europe/Paris")
                .setViewportSize(1280, 900));
    }

    static void login(Page page, String user, String password) {
        BrowserTestSupport.login(page, user, password);
    }

    String createIncident(String title) {
        page.navigate("/incidents/new");
        page.getByLabel("Title").fill(title);
        page.getByLabel("Summary").fill("Card payments failing for one issuer.");
        page.getByLabel("Severity").selectOption("SEV2");
        page.getByLabel("Affected services").selectOption("checkout-api");
        page.getByLabel("Started").fill("2026-03-02T11:00");
        page.getByLabel("Detected").fill("2026-03-02T11:07");
        page.getByLabel("Tags").fill("payments, browser-" + unique);
        page.getByText("Open incident").click();
        assertThat(page.locator("#incident-title")).hasText(title);
        return page.url().replaceAll(".*/incidents/", "");
    }

    @Test
    void createsAnIncidentAndSeesItsDurations() {
        String key = createIncident("Checkout failures " + unique);

        assertThat(key).matches("INC-\\d+");
        assertThat(page.locator(".flash")).containsText("Opened " + key);
        assertThat(page.locator("#dur-TTD")).hasText("7m");
        assertThat(page.locator("#key-times")).containsText("2026-03-02 11:00 +01:00");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("incident-detail.png"))
                .setFullPage(true));
    }

    @Test
    void editsAnIncidentAndSeesTheAuditTrail() {
        String key = createIncident("Edit me " + unique);
        page.getByText("Edit", new Page.GetByTextOptions().setExact(true)).click();
        page.getByLabel("Title").fill("Edited " + unique);
        page.getByLabel("Severity").selectOption("SEV1");
        page.getByLabel("Mitigated").fill("2026-03-02T11:30");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("incident-form.png"))
                .setFullPage(true));
        page.getByText("Save", new Page.GetByTextOptions().setExact(true)).click();

        assertThat(page.locator("#incident-title")).hasText("Edited " + unique);
        assertThat(page.locator("#dur-TTM")).hasText("30m");
        assertThat(page.locator("#audit")).containsText("Changed title, severity, keyTimes.mitigatedAt");
        assertThat(page.locator("#audit")).containsText("SEV2");
        assertThat(key).isNotBlank();
    }

    @Test
    void showsAValidationErrorAndKeepsWhatWasTyped() {
        createIncident("Validate " + unique);
        page.getByText("Edit", new Page.GetByTextOptions().setExact(true)).click();
        page.getByLabel("Title").fill("Typed but invalid " + unique);
        page.getByLabel("Detected").fill("2026-03-02T10:00");
        page.getByText("Save", new Page.GetByTextOptions().setExact(true)).click();

        assertThat(page.locator("#form-errors")).containsText("Please fix the highlighted fields");
        assertThat(page.locator("#detectedAt-error")).containsText("must not be before started");
        assertThat(page.getByLabel("Title")).hasValue("Typed but invalid " + unique);
    }

    @Test
    void explainsAConflictWhenSomeoneElseSavedFirst() {
        String key = createIncident("Conflict " + unique);
        page.navigate("/incidents/" + key + "/edit");

        BrowserContext other = newContext();
        Page theirs = other.newPage();
        login(theirs, editor.username(), TestUsers.PASSWORD);
        theirs.navigate("/incidents/" + key + "/edit");
        theirs.getByLabel("Title").fill("Their title " + unique);
        theirs.getByText("Save", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(theirs.locator("#incident-title")).hasText("Their title " + unique);
        other.close();

        page.getByLabel("Title").fill("My title " + unique);
        page.getByText("Save", new Page.GetByTextOptions().setExact(true)).click();

        assertThat(page.locator("#conflict")).containsText("someone else changed this incident");
        assertThat(page.locator("#conflict")).containsText("Their title " + unique);
        assertThat(page.getByLabel("Title")).hasValue("My title " + unique);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("incident-conflict.png"))
                .setFullPage(true));
        page.navigate("/incidents/" + key);
        assertThat(page.locator("#incident-title")).hasText("Their title " + unique);
    }

    @Test
    void filtersTheListAsYouType() {
        createIncident("Filterable alpha " + unique);
        createIncident("Filterable beta " + unique);
        page.navigate("/incidents");
        page.getByLabel("Text").fill("filterable alpha " + unique);

        assertThat(page.locator("#result-count")).hasText("1");
        assertThat(page.locator(".incident-title")).hasText("Filterable alpha " + unique);
        assertThat(page).hasURL(Pattern.compile(".*q=filterable.*"));

        page.getByLabel("Text").fill("");
        page.getByLabel("Tag").selectOption("browser-" + unique);
        assertThat(page.locator("#result-count")).hasText("2");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("incident-list.png"))
                .setFullPage(true));
    }

    @Test
    void showsNotFoundToAViewerForARestrictedIncident() {
        createIncident("Restricted page " + unique);
        page.getByText("Edit", new Page.GetByTextOptions().setExact(true)).click();
        page.getByLabel("Visibility").selectOption("restricted");
        page.getByText("Save", new Page.GetByTextOptions().setExact(true)).click();
        String key = page.url().replaceAll(".*/incidents/", "");

        Actor viewer = TestUsers.create(accounts, "viewer");
        BrowserContext other = newContext();
        Page theirs = other.newPage();
        login(theirs, viewer.username(), TestUsers.PASSWORD);
        var response = theirs.navigate("/incidents/" + key);
        assertThat(response.status()).isEqualTo(404);
        assertThat(theirs.locator("h1")).containsText("Not found");
        other.close();
    }

    @Test
    void pointsOutBlamingLanguageWhileTheSummaryIsTyped() {
        page.navigate("/incidents/new");
        page.getByLabel("Summary").fill("Bob forgot to renew the certificate, which is pure human error.");

        assertThat(page.locator("#summary-findings .blameless-finding").first()).containsText("forgot");
        assertThat(page.locator("#summary-findings")).containsText("Try:");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("blameless-check.png")));

        page.getByLabel("Summary").fill("The certificate expired because renewal was not automated.");
        assertThat(page.locator("#summary-findings .blameless-finding")).hasCount(0);
    }
}
