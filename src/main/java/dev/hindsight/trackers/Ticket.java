package dev.hindsight.trackers;

import dev.hindsight.actions.ActionId;
import java.time.OffsetDateTime;

/**
 * An action's ticket in an issue tracker and how its sync stands.
 *
 * @param externalKey {@code PROJ-12} in Jira, {@code owner/repo#12} in GitHub; null until created
 * @param url where people open the ticket; null until created
 * @param remoteStatus the ticket's status in the tracker as last seen, or null
 * @param lastError the last failure, for people (never contains credentials), or null
 * @param pendingCalls calls still queued for the tracker
 * @param nextAttemptAt when the oldest queued call (the one the others wait for) is due, or null
 */
public record Ticket(
        ActionId action,
        TrackerKind tracker,
        String externalKey,
        String url,
        String remoteStatus,
        SyncState state,
        String lastError,
        OffsetDateTime lastSyncedAt,
        int pendingCalls,
        OffsetDateTime nextAttemptAt) {}
