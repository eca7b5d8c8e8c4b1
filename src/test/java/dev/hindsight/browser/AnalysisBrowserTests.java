package dev.hindsight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.hindsight.incident.IncidentFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** What a person does on the root-cause analysis page, in real headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnalysisBrowserTests extends BrowserTestSupport {

    @Test
    void typesAFiveWhysChainWithTheKeyboardAndMarksTheRootCause() {
        String key = incidents
                .create(editor, IncidentFixtures.sev2("Checkout down " + unique))
                .key();
        page.navigate("/incidents/" + key + "/analysis");

        assertThat(page.locator("#problem")).isFocused();
        page.keyboard().type("Checkout failed for 40 minutes");
        page.keyboard().press("Enter");
        assertThat(page.locator(".five-whys .problem")).containsText("Checkout failed for 40 minutes");
        assertThat(page.locator(".five-whys > details.add-why input.why-input")).isFocused();

        page.keyboard().type("Payments timed out");
        page.keyboard().press("Enter");
        assertThat(page.locator("li.why")).hasCount(1);
        assertThat(page.locator("li.why input.why-input")).isFocused();

        page.keyboard().type("The connection pool was exhausted");
        page.keyboard().press("Enter");
        assertThat(page.locator("li.why")).hasCount(2);
        assertThat(page.locator("li.why li.why input.why-input")).isFocused();

        page.keyboard().type("Pool size was lowered to 5 in a config change");
        page.keyboard().press("Enter");
        assertThat(page.locator("li.why")).hasCount(3);
        assertThat(page.locator("li.why li.why li.why .why-text"))
                .hasText("Pool size was lowered to 5 in a config change");

        Locator last = page.locator("li.why li.why li.why");
        last.locator("select.mark-kind").selectOption("ROOT_CAUSE");
        last.locator("select.mark-category").selectOption("configuration");
        last.locator("button.mark-button").click();

        assertThat(page.locator("li.why li.why li.why .factor-kind")).hasText("root cause");
        assertThat(page.locator("#factor-list")).containsText("Pool size was lowered to 5 in a config change");
        assertThat(page.locator("#factor-list")).containsText("five whys");
        assertThat(page.locator("#chains ol.chain li")).hasText(new String[] {
            "Why? → because Payments timed out",
            "Why? → because The connection pool was exhausted",
            "Why? → because Pool size was lowered to 5 in a config change root cause"
        });
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("analysis-five-whys.png"))
                .setFullPage(true));

        page.navigate("/incidents/" + key);
        Locator section = page.locator("#factors");
        assertThat(section).containsText("Pool size was lowered to 5 in a config change");
        assertThat(section.locator(".factor-kind")).hasText("root cause");
        assertThat(section).containsText("configuration");
        page.locator("#analysis-link").click();
        assertThat(page.locator("li.why")).hasCount(3);
    }
}
