package dev.hindsight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import dev.hindsight.incident.IncidentFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Writing a postmortem in real headless Chromium: blameless findings as you type, preview, save, PDF download. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PostmortemBrowserTests extends BrowserTestSupport {

    @Override
    Browser.NewContextOptions contextOptions() {
        return super.contextOptions().setAcceptDownloads(true);
    }

    @Test
    void writesASectionSeesABlamelessFindingSavesAndDownloadsThePdf() throws Exception {
        OffsetDateTime start = OffsetDateTime.of(2025, 4, 2, 8, 0, 0, 0, ZoneOffset.UTC);
        String title = "Search outage " + unique;
        String key = incidents
                .create(editor, IncidentFixtures.withTimes(title, start, 5, 9, 30, 60))
                .key();

        page.navigate("/incidents/" + key);
        page.locator("#postmortem-link").click();
        assertThat(page.locator("h1")).hasText(title);
        assertThat(page.locator("#section-key-times")).containsText("Time to detect (TTD)");

        page.locator("#edit-went-wrong").click();
        page.locator("#body-went-wrong")
                .fill("The on-call engineer forgot to drain the node before the deploy.\n\n**Queues** grew.");
        assertThat(page.locator("#findings-went-wrong")).containsText("forgot to");
        assertThat(page.locator("#findings-went-wrong .suggestion").first())
                .not()
                .isEmpty();

        page.locator("#preview-went-wrong").click();
        assertThat(page.locator("#preview-out-went-wrong strong")).hasText("Queues");

        page.locator("#body-went-wrong").fill("The deploy tool allowed a change without a canary.\n\n**Queues** grew.");
        assertThat(page.locator("#findings-went-wrong .blameless-finding")).hasCount(0);
        page.locator("#save-went-wrong").click();
        assertThat(page.locator(".flash")).hasText("Saved.");
        assertThat(page.locator("#rendered-went-wrong"))
                .containsText("The deploy tool allowed a change without a canary.");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("postmortem.png"))
                .setFullPage(true));

        Download download =
                page.waitForDownload(() -> page.locator("#download-pdf").click());
        Path pdf = download.path();
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo(key + "-postmortem.pdf");
        try (var document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            String text = new PDFTextStripper().getText(document);
            org.assertj.core.api.Assertions.assertThat(text)
                    .contains(title, "Timeline", "Detected", "The deploy tool allowed a change without a canary.");
        }

        page.locator("#history-link").click();
        assertThat(page.locator(".revision").first()).containsText(editor.username());
        assertThat(page.locator(".revision .add").first()).containsText("+The deploy tool allowed");
    }
}
