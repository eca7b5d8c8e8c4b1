package dev.hindsight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.hindsight.evidence.EvidenceFixtures;
import dev.hindsight.timeline.TimelineFixtures;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** From an uploaded log and Alertmanager payload to a key moment on the timeline, in real headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TimelineBrowserTests extends BrowserTestSupport {

    @Override
    Browser.NewContextOptions contextOptions() {
        return super.contextOptions().setTimezoneId("Europe/Paris");
    }

    @Test
    void uploadsALogAndAnAlertAcceptsAProposedEntryAsDetectedAndSeesTimeToDetectChange() {
        String key = incidents
                .create(editor, TimelineFixtures.timedIncident("Timeline " + UUID.randomUUID()))
                .key();
        page.navigate("/incidents/" + key);
        assertThat(page.locator("#dur-TTD")).hasText("30m");

        page.getByLabel("File")
                .setInputFiles(new FilePayload("checkout-api.log", "text/plain", EvidenceFixtures.logLines()));
        page.getByLabel("Kind").selectOption("log");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach"))
                .click();
        assertThat(page.locator("#evidence-message")).containsText("Attached checkout-api.log");
        page.navigate("/incidents/" + key);
        page.getByLabel("File")
                .setInputFiles(
                        new FilePayload("alertmanager.json", "application/json", EvidenceFixtures.alertPayload()));
        page.getByLabel("Kind").selectOption("alert");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach"))
                .click();
        assertThat(page.locator("#evidence-message")).containsText("Attached alertmanager.json");
        page.navigate("/incidents/" + key);
        assertThat(page.locator("#timeline-counts")).containsText("3 proposed");
        page.locator("#timeline-link").click();

        assertThat(page.locator("#timeline-zone")).containsText("Europe/Paris");
        Locator rows = page.locator("#timeline-table tr.entry");
        assertThat(rows).hasCount(3);
        Locator alert = rows.filter(new Locator.FilterOptions().setHasText("CheckoutErrors"));
        assertThat(alert.locator("time")).hasText("11:00:05");
        assertThat(alert.locator(".badge.st")).hasText("proposed");
        assertThat(page.locator("#timeline-table tr.group").first()).containsText("UTC+01:00");
        Locator declines = rows.filter(new Locator.FilterOptions().setHasText("payment declined"));
        assertThat(declines.locator("time")).hasText("11:00:02");
        assertThat(declines.locator(".badge.st")).hasText("proposed");

        declines.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept"))
                .click();
        assertThat(declines.locator(".badge.st")).hasText("accepted");

        declines.getByLabel("Key moment").selectOption("detected");
        declines.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark"))
                .click();
        assertThat(declines.locator(".badge.moment")).hasText("detected");
        assertThat(page.locator("#timeline-TTD")).hasText("10m");

        declines.getByText("More").click();
        declines.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show raw lines"))
                .click();
        assertThat(declines.locator(".raw-lines .hit")).containsText("ERROR payment declined");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("incident-timeline.png"))
                .setFullPage(true));

        page.navigate("/incidents/" + key);
        assertThat(page.locator("#dur-TTD")).hasText("10m");
        assertThat(page.locator("#audit")).containsText("marks detected");
    }

    @Test
    void writesAStatementThatAppearsOnTheTimeline() {
        String key = incidents
                .create(editor, TimelineFixtures.timedIncident("Statement " + UUID.randomUUID()))
                .key();
        page.navigate("/incidents/" + key + "/timeline");
        assertThat(page.locator("#timeline-empty")).isVisible();

        page.getByText("Write a statement").click();
        page.getByLabel("What you saw, did and knew at the time").fill("I saw the error rate climb and paged.");
        page.getByLabel("The times it refers to").fill("2026-03-02 11:05");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record statement"))
                .click();

        assertThat(page.locator("#statement-message")).hasText("Statement recorded.");
        assertThat(page.locator("#statements blockquote")).hasText("I saw the error rate climb and paged.");
        Locator row = page.locator("#timeline-table tr.entry");
        assertThat(row).hasCount(1);
        assertThat(row).containsText("I saw the error rate climb");
        assertThat(row.locator("time")).hasText("11:05:00");
    }
}
