package dev.hindsight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.hindsight.actions.ActionForm;
import dev.hindsight.actions.ActionItems;
import dev.hindsight.incident.IncidentFixtures;
import dev.hindsight.incident.IncidentId;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The action board's saved views and bulk changes, in real headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ActionBoardBrowserTests extends BrowserTestSupport {

    @Autowired
    ActionItems actions;

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
