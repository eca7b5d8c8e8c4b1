package dev.hindsight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.hindsight.incident.IncidentFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** What a person does with a fishbone diagram, in real headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FishboneBrowserTests extends BrowserTestSupport {

    boolean diagramLoaded() {
        return (Boolean) page.locator("#fishbone-diagram").evaluate("img => img.complete && img.naturalWidth > 0");
    }

    String firstCategoryId() {
        return page.locator("section.bone").first().getAttribute("id").replace("category-", "");
    }

    @Test
    void buildsAFishboneWithTheKeyboardAndPromotesACause() {
        String key = incidents
                .create(editor, IncidentFixtures.sev2("Checkout down " + unique))
                .key();
        page.navigate("/incidents/" + key + "/analysis");
        page.locator("#fishbones-link").click();

        assertThat(page.locator("#effect")).isFocused();
        page.keyboard().type("Checkout failed for 40 minutes");
        page.keyboard().press("Enter");
        assertThat(page.locator("#effect-text")).hasText("Checkout failed for 40 minutes");
        assertThat(page.locator("section.bone .bone-name")).hasCount(8);

        Locator configuration =
                page.locator("section.bone").filter(new Locator.FilterOptions().setHasText("Configuration"));
        configuration.locator("input.cause-input").click();
        page.keyboard().type("Pool size lowered to 5");
        page.keyboard().press("Enter");
        assertThat(page.locator("li.cause .cause-text")).hasText("Pool size lowered to 5");
        assertThat(configuration.locator("input.cause-input")).isFocused();

        page.locator("li.cause details.add-sub > summary").click();
        assertThat(page.locator("li.cause input.sub-input")).isFocused();
        page.keyboard().type("Copied from the staging config");
        page.keyboard().press("Enter");
        assertThat(page.locator("li.sub-cause .cause-text")).hasText("Copied from the staging config");

        Locator cause = page.locator("li.cause > .cause-line");
        assertThat(cause.locator("select.promote-category")).hasValue("configuration");
        cause.locator("select.promote-kind").selectOption("CONTRIBUTING_FACTOR");
        cause.locator("button.promote-button").click();

        assertThat(cause.locator(".factor-kind")).hasText("contributing factor");
        Locator factors = page.locator("#factor-summary");
        assertThat(factors).containsText("Pool size lowered to 5");
        assertThat(factors).containsText("(fishbone)");
        page.waitForCondition(this::diagramLoaded);
        assertThat(diagramLoaded()).isTrue();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("analysis-fishbone.png"))
                .setFullPage(true));

        page.locator("#category-" + firstCategoryId() + " button[title='Move later']")
                .click();
        assertThat(page.locator("section.bone .bone-name").first()).hasText("Configuration");
        assertThat(page.locator("section.bone .bone-name").nth(1)).hasText("Code & changes");

        page.navigate("/incidents/" + key);
        assertThat(page.locator("#factors")).containsText("Pool size lowered to 5");
        page.locator("#fishbones-link").click();
        assertThat(page.locator("#fishbone-list")).containsText("Checkout failed for 40 minutes");
    }
}
