package dev.hindsight.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.evidence.EvidenceEventKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogDigesterEventsTests {

    static final Instant INCIDENT = Instant.parse("2026-03-02T10:30:00Z");

    /**
     * 08:00 a maintenance message once; from 10:00 one INFO line every 10 s; from 10:30 to 10:33 an ERROR every
     * second (a new template and a burst); returns the text and the line number of the first ERROR.
     */
    static String log(long[] firstError) {
        StringBuilder log = new StringBuilder();
        long line = 0;
        log.append("2026-03-02T08:00:00Z INFO maintenance window opened by ops\n");
        line++;
        for (int s = 0; s < 3600; s++) {
            Instant t = Instant.parse("2026-03-02T10:00:00Z").plusSeconds(s);
            if (s % 10 == 0) {
                log.append(t)
                        .append(" INFO request served path=/checkout/")
                        .append(s)
                        .append(" in ")
                        .append(s % 97)
                        .append("ms\n");
                line++;
            }
            if (s >= 1800 && s < 1980) {
                log.append(t)
                        .append(" ERROR connection refused host=db-")
                        .append(s % 3)
                        .append(" port 5432\n");
                line++;
                if (firstError[0] == 0) {
                    firstError[0] = line;
                }
            }
        }
        return log.toString();
    }

    @Test
    void proposesNewTemplatesNearTheIncidentAndErrorBursts() {
        long[] firstError = new long[1];
        String log = log(firstError);

        LogDigester.Result result = LogDigester.digest(
                new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
                null,
                ZoneId.of("UTC"),
                LocalDate.of(2026, 3, 2),
                new LogDigester.Window(INCIDENT, INCIDENT.plusSeconds(1800)));

        List<EventDraft> fresh = result.events().stream()
                .filter(e -> e.kind() == EvidenceEventKind.LOG_NEW_TEMPLATE)
                .toList();
        assertThat(fresh).extracting(EventDraft::title).noneMatch(t -> t.contains("maintenance"));
        assertThat(fresh)
                .filteredOn(e -> e.title().contains("connection refused"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.at()).isEqualTo(Instant.parse("2026-03-02T10:30:00Z"));
                    assertThat(e.firstLine()).isEqualTo(firstError[0]);
                    assertThat(e.lastLine()).isEqualTo(firstError[0]);
                    assertThat(e.attributes()).containsEntry("level", "ERROR").containsEntry("count", "180");
                });
        List<EventDraft> bursts = result.events().stream()
                .filter(e -> e.kind() == EvidenceEventKind.LOG_BURST)
                .toList();
        assertThat(bursts).singleElement().satisfies(b -> {
            assertThat(b.at()).isEqualTo(Instant.parse("2026-03-02T10:30:00Z"));
            assertThat(b.title()).startsWith("Burst of ERROR messages: ").contains("connection refused");
            assertThat(b.firstLine()).isEqualTo(firstError[0]);
            assertThat(b.lastLine()).isGreaterThan(firstError[0] + 150);
            assertThat(b.attributes()).containsEntry("count", "180").containsEntry("peakPerMinute", "60");
        });
        assertThat(result.digest().lines()).isEqualTo(log.lines().count());
    }

    @Test
    void proposesTheRarestTemplatesWhenTheIncidentHasNoTimes() {
        long[] firstError = new long[1];
        String log = log(firstError);

        LogDigester.Result result = LogDigester.digest(
                new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
                null,
                ZoneId.of("UTC"),
                LocalDate.of(2026, 3, 2),
                LogDigester.Window.NONE);

        List<EventDraft> fresh = result.events().stream()
                .filter(e -> e.kind() == EvidenceEventKind.LOG_NEW_TEMPLATE)
                .toList();
        assertThat(fresh).hasSize(result.digest().templates().size());
        assertThat(fresh.getFirst().title()).contains("maintenance");
        assertThat(fresh.getFirst().firstLine()).isEqualTo(1);
    }

    @Test
    void treatsOnlyErrorLikeLevelsAsErrors() {
        assertThat(LogDigester.errorLevel("ERROR")).isTrue();
        assertThat(LogDigester.errorLevel("warn")).isTrue();
        assertThat(LogDigester.errorLevel("Fatal")).isTrue();
        assertThat(LogDigester.errorLevel("crit")).isTrue();
        assertThat(LogDigester.errorLevel("INFO")).isFalse();
        assertThat(LogDigester.errorLevel("DEBUG")).isFalse();
        assertThat(LogDigester.errorLevel(null)).isFalse();
    }
}
