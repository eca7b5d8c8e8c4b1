package dev.hindsight.timeline.internal;

import dev.hindsight.evidence.Evidence;
import dev.hindsight.evidence.EvidenceCollection;
import dev.hindsight.evidence.EvidenceKind;
import dev.hindsight.evidence.LogDigest;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.Actor;
import dev.hindsight.timeline.ProposalSource;
import dev.hindsight.timeline.SourceEvent;
import dev.hindsight.timeline.SourceKinds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Today's source of proposals: the first occurrence of each mined log template ({@code LOG_NEW_TEMPLATE}, seq = the
 * template id), at its first-seen time corrected by the evidence's clock offset. The raw line of each first
 * occurrence is found by looking for the template's first example in the first {@value #SCAN_LIMIT} bytes of the log;
 * the result depends only on the immutable bytes, so it is cached by SHA-256. To be replaced by
 * {@code EvidenceCollection.events} once the evidence module proposes events itself.
 */
@Component
class LogDigestProposals implements ProposalSource {

    static final long SCAN_LIMIT = 8L * 1024 * 1024;
    private static final int CACHE_SIZE = 64;

    private final EvidenceCollection evidence;
    private final Map<String, Map<Integer, Long>> lineCache =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<Integer, Long>> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    LogDigestProposals(EvidenceCollection evidence) {
        this.evidence = evidence;
    }

    @Override
    public List<SourceEvent> events(Actor actor, IncidentId incidentId) {
        List<SourceEvent> events = new ArrayList<>();
        for (Evidence e : evidence.list(actor, incidentId)) {
            if (e.kind() != EvidenceKind.LOG) {
                continue;
            }
            LogDigest digest = evidence.logDigest(actor, incidentId, e.id()).orElse(null);
            if (digest == null) {
                continue;
            }
            List<LogDigest.Template> templates = digest.templates().stream()
                    .filter(t -> t.firstSeen() != null)
                    .toList();
            Map<Integer, Long> lines =
                    lineCache.computeIfAbsent(e.sha256(), sha -> firstLines(actor, incidentId, e.id(), templates));
            for (LogDigest.Template t : templates) {
                OffsetDateTime at = t.firstSeen().atOffset(ZoneOffset.UTC).minusSeconds(e.clockOffsetSeconds());
                long line = lines.getOrDefault(t.id(), 0L);
                events.add(new SourceEvent(
                        e.id(),
                        t.id(),
                        at,
                        SourceKinds.LOG_NEW_TEMPLATE,
                        "First occurrence of: " + t.text(),
                        t.count() + " lines, first " + t.firstSeen() + ", last " + t.lastSeen(),
                        line,
                        line,
                        Map.of("template", t.text(), "count", Long.toString(t.count()))));
            }
        }
        events.sort(Comparator.comparing(SourceEvent::at)
                .thenComparingLong(SourceEvent::evidenceId)
                .thenComparingInt(SourceEvent::seq));
        return events;
    }

    private Map<Integer, Long> firstLines(
            Actor actor, IncidentId incidentId, long evidenceId, List<LogDigest.Template> templates) {
        Map<Integer, String> needles = new HashMap<>();
        for (LogDigest.Template t : templates) {
            if (!t.examples().isEmpty() && !t.examples().getFirst().isBlank()) {
                needles.put(t.id(), t.examples().getFirst());
            }
        }
        Map<Integer, Long> found = new HashMap<>();
        try (var reader = new BufferedReader(
                new InputStreamReader(evidence.open(actor, incidentId, evidenceId), StandardCharsets.UTF_8))) {
            long bytes = 0;
            long number = 0;
            String line;
            while (!needles.isEmpty() && bytes < SCAN_LIMIT && (line = reader.readLine()) != null) {
                number++;
                bytes += line.length() + 1;
                var it = needles.entrySet().iterator();
                while (it.hasNext()) {
                    var needle = it.next();
                    if (line.contains(needle.getValue())) {
                        found.put(needle.getKey(), number);
                        it.remove();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(found);
    }
}
