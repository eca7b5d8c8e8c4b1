package dev.hindsight.incident;

import dev.hindsight.shared.FieldError;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The moments that define an incident. Each is optional; those present must be in this order: started, detected,
 * acknowledged, mitigated, resolved. The durations are computed, never entered:
 *
 * <ul>
 *   <li>TTD, time to detect = detected − started
 *   <li>TTA, time to acknowledge = acknowledged − detected
 *   <li>TTM, time to mitigate = mitigated − started
 *   <li>TTR, time to resolve = resolved − started
 * </ul>
 */
public record KeyTimes(
        OffsetDateTime startedAt,
        OffsetDateTime detectedAt,
        OffsetDateTime acknowledgedAt,
        OffsetDateTime mitigatedAt,
        OffsetDateTime resolvedAt) {

    public static final KeyTimes NONE = new KeyTimes(null, null, null, null, null);

    /** The times by field name in their required order; absent ones map to null. */
    public Map<String, OffsetDateTime> asMap() {
        Map<String, OffsetDateTime> map = new LinkedHashMap<>();
        map.put("startedAt", startedAt);
        map.put("detectedAt", detectedAt);
        map.put("acknowledgedAt", acknowledgedAt);
        map.put("mitigatedAt", mitigatedAt);
        map.put("resolvedAt", resolvedAt);
        return map;
    }

    /** The order violations, each naming the later field that comes too early; empty when the order holds. */
    public List<FieldError> orderErrors() {
        List<FieldError> errors = new ArrayList<>();
        String previousName = null;
        OffsetDateTime previous = null;
        for (var entry : asMap().entrySet()) {
            OffsetDateTime time = entry.getValue();
            if (time == null) {
                continue;
            }
            if (previous != null && time.isBefore(previous)) {
                errors.add(new FieldError(
                        "keyTimes." + entry.getKey(),
                        "must not be before " + previousName.replace("At", "") + " (" + previous + ")"));
            } else {
                previous = time;
                previousName = entry.getKey();
            }
        }
        return errors;
    }

    public KeyTimes withResolvedAt(OffsetDateTime time) {
        return new KeyTimes(startedAt, detectedAt, acknowledgedAt, mitigatedAt, time);
    }

    /** Time to detect, or null when started or detected is unknown. */
    public Duration timeToDetect() {
        return between(startedAt, detectedAt);
    }

    /** Time to acknowledge, or null when detected or acknowledged is unknown. */
    public Duration timeToAcknowledge() {
        return between(detectedAt, acknowledgedAt);
    }

    /** Time to mitigate, or null when started or mitigated is unknown. */
    public Duration timeToMitigate() {
        return between(startedAt, mitigatedAt);
    }

    /** Time to resolve, or null when started or resolved is unknown. */
    public Duration timeToResolve() {
        return between(startedAt, resolvedAt);
    }

    private static Duration between(OffsetDateTime from, OffsetDateTime to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }
}
