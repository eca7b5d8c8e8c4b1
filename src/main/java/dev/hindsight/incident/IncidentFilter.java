package dev.hindsight.incident;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What to list. Every part is optional (null or empty means "any"). {@code from}/{@code to} bound the start time
 * (creation time when the start is unknown); {@code text} matches title and summary, case-insensitively.
 */
public record IncidentFilter(
        List<IncidentStatus> statuses,
        List<Severity> severities,
        String service,
        Long teamId,
        String tag,
        OffsetDateTime from,
        OffsetDateTime to,
        String text) {

    public static final IncidentFilter ALL =
            new IncidentFilter(List.of(), List.of(), null, null, null, null, null, null);
}
