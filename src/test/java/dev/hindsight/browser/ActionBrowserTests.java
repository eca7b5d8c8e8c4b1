package dev.hindsight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.hindsight.analysis.ContributingFactor;
import dev.hindsight.analysis.FactorForm;
import dev.hindsight.analysis.RootCauseAnalysis;
import dev.hindsight.incident.IncidentFixtures;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** What a person does with action items, in real headless Chromium: from a root cause to done on the board. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ActionBrowserTests extends BrowserTestSupport {

    @Autowired
    RootCauseAnalysis analysis;

    @Test
    void createsAnActionFromARootCauseSeesItOnTheBoardAndMarksItDone() {
        String key = incidents
                .create(editor, IncidentFixtures.sev2("Checkout down " + unique))
                .key();
        ContributingFactor cause = analysis.add(
                editor,
                incidents
                        .get(
                                editor,
                                dev.hindsight.incident.IncidentId.parse(key).orElseThrow())
                        .id(),
                new FactorForm("ROOT_CAUSE", "Pool size lowered to 5", "configuration", null, null, List.of()));
        String title = "Alert on pool saturation " + unique;

        page.navigate("/incidents/" + key);
        Locator uncovered = page.locator("#uncovered-" + cause.id());
        assertThat(uncovered).containsText("Pool size lowered to 5");
        uncovered.locator("a.action-from-cause").click();
        assertThat(page.locator("#link-factor-" + cause.id())).isChecked();
        page.locator("#action-title").fill(title);
        page.locator("#action-type").selectOption("detect");
        page.locator("#action-priority").selectOption("P1");
        page.locator("#action-owner").selectOption(editor.username());
        page.locator("#action-submit").click();

        assertThat(page.locator("#action-list")).containsText(title);
        assertThat(page.locator("#action-list")).containsText("Pool size lowered to 5");
        assertThat(page.locator("#causes-without-action")).hasCount(0);
        assertThat(page.locator("#action-plan")).containsText("Every cause has an action.");

        page.locator("nav[aria-label=Main] >> text=Actions").click();
        page.locator("#filter-mine").check();
        assertThat(page.locator("#board input[name=back]").first()).hasValue(Pattern.compile(".*mine=true.*"));
        Locator row = page.locator("#board tbody tr", new Page.LocatorOptions().setHasText(title));
        assertThat(row).hasCount(1);
        assertThat(row.locator(".action-status")).hasText("open");
        assertThat(row).containsText(key);

        row.locator("select.status-select").selectOption("done");
        row.locator("button.status-button").click();

        Locator after = page.locator("#board tbody tr", new Page.LocatorOptions().setHasText(title));
        assertThat(after.locator(".action-status")).hasText("done");
        assertThat(page.locator(".flash")).containsText("is now done");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("actions-board.png"))
                .setFullPage(true));
    }
}
