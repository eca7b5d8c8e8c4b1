package dev.hindsight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.hindsight.incident.IncidentFixtures;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Building a fault tree in the editor, in real headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FaultTreeBrowserTests extends BrowserTestSupport {

    /** Opens an action of a node ("edit", "add", "promote") from the keyboard and returns its form. */
    Locator open(String action, String node) {
        Locator details = page.locator("#ft-" + action + "-" + node);
        details.locator("summary").focus();
        page.keyboard().press("Enter");
        return details.locator("form");
    }

    @Test
    void buildsASmallTreeSetsProbabilitiesAndPromotesAnEvent() {
        String key = incidents
                .create(editor, IncidentFixtures.sev2("Checkout down " + unique))
                .key();
        page.navigate("/incidents/" + key + "/fault-trees");
        page.getByLabel("Tree name").fill("Checkout outage");
        page.getByLabel("Top event (gate name)").fill("Outage");
        page.getByLabel("Top gate type").selectOption("or");
        page.getByLabel("First input name").fill("CardIssuerDown");
        page.getByLabel("First input probability").fill("0.1");
        page.getByText("Create", new Page.GetByTextOptions().setExact(true)).click();

        assertThat(page).hasURL(Pattern.compile(".*/fault-trees/\\d+$"));
        assertThat(page.locator("#p-top")).hasText("0.100000");

        Locator add = open("add", "Outage");
        add.locator("select[name=kind]").selectOption("gate");
        add.locator("input[name=name]").fill("DatabaseDown");
        add.locator("select[name=type]").selectOption("and");
        add.locator("input[name=childName]").fill("PrimaryFails");
        add.locator("input[name=childProbability]").fill("0.2");
        add.locator("input[name=childName]").press("Enter");
        assertThat(page.locator("li.ft-node[data-node=DatabaseDown]")).isVisible();

        Locator second = open("add", "DatabaseDown");
        second.locator("input[name=name]").fill("ReplicaFails");
        second.locator("input[name=name]").press("Enter");
        assertThat(page.locator("li.ft-node[data-node=ReplicaFails] .ft-p")).hasText("p unknown");
        assertThat(page.locator("#p-top")).hasText("unknown");

        Locator edit = open("edit", "ReplicaFails");
        edit.locator("input[name=probability]").fill("0.3");
        edit.locator("input[name=probability]").press("Enter");
        assertThat(page.locator("li.ft-node[data-node=ReplicaFails] .ft-p")).hasText("p = 0.3");
        assertThat(page.locator("#p-top")).hasText("0.154000");
        assertThat(page.locator("#mcs-count")).hasText("2");

        Locator bad = open("edit", "PrimaryFails");
        bad.locator("input[name=probability]").fill("1.5");
        bad.locator("input[name=probability]").press("Enter");
        assertThat(page.locator("#ft-error")).containsText("probability must be between 0 and 1");
        assertThat(page.locator("#p-top")).hasText("0.154000");

        Locator promote = open("promote", "CardIssuerDown");
        promote.locator("select[name=category]").selectOption("dependency");
        promote.getByText("Promote to factor").click();
        assertThat(page.locator("li.ft-node[data-node=CardIssuerDown] .ft-promoted"))
                .hasText("promoted: contributing factor");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("fault-tree-editor.png"))
                .setFullPage(true));

        page.navigate("/incidents/" + key);
        assertThat(page.locator("#factors")).containsText("CardIssuerDown");
    }
}
