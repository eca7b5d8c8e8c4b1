package dev.hindsight.timeline.internal;

import dev.hindsight.evidence.EvidenceCollection;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.Actor;
import dev.hindsight.timeline.RawLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Today's raw lines: read from the stored bytes through {@code EvidenceCollection.open}, counting lines from the
 * start. To be replaced by {@code EvidenceCollection.rawLines}.
 */
@Component
class StoredRawLines implements RawLines {

    private final EvidenceCollection evidence;

    StoredRawLines(EvidenceCollection evidence) {
        this.evidence = evidence;
    }

    @Override
    public List<String> rawLines(Actor actor, IncidentId incidentId, long evidenceId, long fromLine, long toLine) {
        List<String> lines = new ArrayList<>();
        try (var reader = new BufferedReader(
                new InputStreamReader(evidence.open(actor, incidentId, evidenceId), StandardCharsets.UTF_8))) {
            long number = 0;
            String line;
            while (number < toLine && (line = reader.readLine()) != null) {
                number++;
                if (number >= fromLine) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
