package dev.hindsight.incident;

import dev.hindsight.catalog.CatalogService;
import dev.hindsight.shared.Actor;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An incident as stored. Immutable: changes go through {@link IncidentManagement}, which checks the rules and the
 * version.
 *
 * @param version increases by one on every save; a save based on an older version is refused
 * @param customFields values of admin-defined fields by key, as entered
 */
public record Incident(
        IncidentId id,
        String title,
        String summary,
        Severity severity,
        IncidentStatus status,
        Visibility visibility,
        List<CatalogService> services,
        Impact impact,
        KeyTimes keyTimes,
        Participant commander,
        List<Participant> participants,
        List<String> tags,
        List<IncidentLink> links,
        Map<String, String> customFields,
        Long createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        int version) {

    public String key() {
        return id.key();
    }

    /** Whether {@code actor} may see this incident: restricted ones only for their people and admins. */
    public boolean visibleTo(Actor actor) {
        return visibility == Visibility.NORMAL || actor.isAdmin() || involves(actor.userId());
    }

    /** Whether the user is the commander, a participant or the creator. */
    public boolean involves(long userId) {
        return (commander != null && commander.userId() == userId)
                || (createdBy != null && createdBy == userId)
                || participants.stream().anyMatch(p -> p.userId() == userId);
    }

    /** The names of the affected services. */
    public List<String> serviceNames() {
        return services.stream().map(CatalogService::name).toList();
    }
}
