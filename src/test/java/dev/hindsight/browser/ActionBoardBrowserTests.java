package dev.hindsight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.hindsight.accounts.Accounts;
import dev.hindsight.actions.ActionForm;
import dev.hindsight.actions.ActionItems;
import dev.hindsight.incident.IncidentFixtures;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.Browsers;
import dev.hindsight.testing.TestUsers;
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

/** The action board's saved views and bulk changes, in real headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ActionBoardBrowserTests {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    ActionItems actions;

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
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(1280, 900));
        page = context.newPage();
        IncidentBrowserTests.login(page, editor.username(), TestUsers.PASSWORD);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void savesAViewAppliesItAndChangesTwoActionsAtOnce() {
        IncidentId incident = incidents
                .create(editor, IncidentFixtures.sev2("Board " + unique))
                .id();
        for (String title : new String[] {"First " + unique, "Second " + unique}) {
            actions.add(
                    editor, incident, new ActionForm(title, null, "prevent", "P2", null, null, null, null, null, null));
        }

        page.navigate("/actions");
        page.locator("input[name=incident]").fill(incident.key());
        page.locator("input[name=incident]").press("Enter");
        assertThat(page.locator("#result-count")).hasText("2");
        page.locator("details.save-view summary").click();
        page.locator("#view-name").fill("Board view " + unique);
        page.locator("#save-view").click();
        assertThat(page.locator(".flash")).containsText("Saved view");

        page.navigate("/actions");
        page.locator("a.saved-view-link", new Page.LocatorOptions().setHasText("Board view " + unique))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*incident=" + incident.key() + ".*"));
        assertThat(page.locator("#result-count")).hasText("2");

        page.locator("#board input.bulk-select").nth(0).check();
        page.locator("#board input.bulk-select").nth(1).check();
        page.locator("#bulk-status").selectOption("in_progress");
        page.locator("#bulk-priority").selectOption("P0");
        page.locator("#bulk-apply").click();

        assertThat(page.locator(".flash")).containsText("Changed 2 action(s)");
        assertThat(page).hasURL(Pattern.compile(".*incident=" + incident.key() + ".*"));
        Locator statuses = page.locator("#board .action-status");
        assertThat(statuses).hasText(new String[] {"in_progress", "in_progress"});
        assertThat(page.locator("#board tbody tr").first()).containsText("P0");
    }
}
