package dev.hindsight.evidence.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hindsight.evidence.Evidence;
import java.time.OffsetDateTime;

/** An evidence record in the JSON API; {@code alreadyAttached} only on uploads, true when nothing new was added. */
record EvidenceView(
        long id,
        String incident,
        String name,
        String kind,
        String format,
        long size,
        String sha256,
        String uploadedBy,
        OffsetDateTime uploadedAt,
        String zone,
        int clockOffsetSeconds,
        String status,
        String raw,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean alreadyAttached,
        @JsonInclude(JsonInclude.Include.NON_NULL) String detail) {

    static EvidenceView of(Evidence e) {
        return of(e, null, null);
    }

    static EvidenceView of(Evidence e, Boolean alreadyAttached, String detail) {
        String key = e.incident().key();
        return new EvidenceView(
                e.id(),
                key,
                e.name(),
                e.kind().label(),
                e.format(),
                e.size(),
                e.sha256(),
                e.uploadedBy(),
                e.uploadedAt(),
                e.zone(),
                e.clockOffsetSeconds(),
                e.status(),
                "/api/v1/incidents/" + key + "/evidence/" + e.id() + "/raw",
                alreadyAttached,
                detail);
    }
}
