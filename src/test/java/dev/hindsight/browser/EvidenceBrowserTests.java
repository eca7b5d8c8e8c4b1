package dev.hindsight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.hindsight.evidence.EvidenceFixtures;
import dev.hindsight.incident.IncidentFixtures;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Attaching evidence on the incident page, in real headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EvidenceBrowserTests extends BrowserTestSupport {

    @Test
    void attachesALogOnTheIncidentPageAndListsItWithItsHash() {
        String key = incidents
                .create(editor, IncidentFixtures.sev2("Evidence upload " + UUID.randomUUID()))
                .key();
        byte[] content = EvidenceFixtures.logLines();
        String hash = EvidenceFixtures.sha256(content);
        page.navigate("/incidents/" + key);
        assertThat(page.locator("#evidence-empty")).isVisible();

        page.getByLabel("File").setInputFiles(new FilePayload("checkout-api.log", "text/plain", content));
        page.getByLabel("Kind").selectOption("log");
        page.getByLabel("Time zone of its timestamps").fill("Europe/Paris");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach"))
                .click();

        assertThat(page.locator("#evidence-message")).containsText("Attached checkout-api.log");
        var row = page.locator("#evidence-list tbody tr");
        assertThat(row).hasCount(1);
        assertThat(row).containsText("checkout-api.log");
        assertThat(row).containsText("Europe/Paris");
        assertThat(row.locator("code.sha256")).hasText(hash.substring(0, 12));
        assertThat(row.locator("code.sha256")).hasAttribute("title", hash);
        assertThat(row.locator("a[download]")).hasAttribute("href", Pattern.compile(".*/evidence/\\d+/raw$"));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("incident-evidence.png"))
                .setFullPage(true));

        page.getByLabel("File").setInputFiles(new FilePayload("copy.log", "text/plain", content));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach"))
                .click();

        assertThat(page.locator("#evidence-message")).containsText("copy.log is already attached as checkout-api.log");
        assertThat(page.locator("#evidence-list tbody tr")).hasCount(1);

        page.getByLabel("File").setInputFiles(new FilePayload("core.log", "text/plain", EvidenceFixtures.binary()));
        page.getByLabel("Kind").selectOption("log");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach"))
                .click();

        assertThat(page.locator("#evidence-errors")).containsText("NUL");
        assertThat(page.locator("#evidence-list tbody tr")).hasCount(1);
    }
}
