package dev.hindsight.postmortem;

import dev.hindsight.incident.IncidentId;
import java.time.OffsetDateTime;

/**
 * Published (inside the publishing transaction) when an incident's postmortem reaches
 * {@link PostmortemStatus#PUBLISHED}. Listeners that notify stakeholders write to their outbox in the same
 * transaction, so a rolled-back publish notifies nobody.
 *
 * @param publishedBy the username of who published it
 */
public record PostmortemPublished(IncidentId incidentId, long postmortemId, String publishedBy, OffsetDateTime at) {}
