package dev.hindsight.postmortem;

import dev.hindsight.incident.IncidentId;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * An incident's postmortem document as stored (or, before anyone wrote in it, as its template lays it out: then
 * {@code id} is 0 and {@code version} -1).
 *
 * @param sourceRef where an imported document came from (e.g. the uuid in its front matter), or null
 * @param sections in document order, never null
 * @param publishedAt when the document was (last) published, null while it is not published
 * @param version increases by one on every save; a save based on an older version is refused
 */
public record Postmortem(
        long id,
        IncidentId incidentId,
        String templateName,
        PostmortemStatus status,
        String sourceRef,
        List<Section> sections,
        OffsetDateTime updatedAt,
        OffsetDateTime publishedAt,
        int version) {

    public boolean stored() {
        return id != 0;
    }

    public Optional<Section> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
