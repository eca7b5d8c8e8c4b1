package dev.hindsight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.hindsight.accounts.Accounts;
import dev.hindsight.incident.IncidentFixtures;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.search.IncidentSearch;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.Browsers;
import dev.hindsight.testing.TestUsers;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** One search in real headless Chromium: the header box, highlighted results, a facet, and similar incidents. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SearchBrowserTests {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    IncidentSearch search;

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

    @Test
    void searchesFromTheHeaderNarrowsByAFacetAndShowsSimilarIncidents() {
        String word = "zb" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Actor editor = TestUsers.create(accounts, "editor");
        String first = incidents
                .create(editor, IncidentFixtures.sev2("Broker " + word + " lost quorum"))
                .key();
        String second = incidents
                .create(
                        editor,
                        IncidentFixtures.with(
                                IncidentFixtures.sev2("Broker " + word + " lost quorum again"),
                                "SEV1",
                                null,
                                java.util.List.of(),
                                java.util.List.of()))
                .key();
        search.follow();
        try (BrowserContext context =
                browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port))) {
            Page page = context.newPage();
            IncidentBrowserTests.login(page, editor.username(), TestUsers.PASSWORD);

            page.locator("header input[name=q]").fill(word);
            page.locator("header input[name=q]").press("Enter");

            assertThat(page.locator(".search-hit")).hasCount(2);
            assertThat(page.locator(".search-hit mark").first()).hasText(word);
            page.locator(".facet a", new Page.LocatorOptions().setHasText("SEV1"))
                    .click();
            assertThat(page.locator(".search-hit")).hasCount(1);
            assertThat(page.locator(".search-hit")).containsText(second);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "search.png")));

            page.navigate("/incidents/" + first);
            assertThat(page.locator("#similar-incidents")).containsText(second);
        }
    }
}
