package dev.hindsight.trackers;

/** Where a ticket's sync stands. */
public enum SyncState {
    /** The ticket is being created (a call is queued). */
    PENDING,
    /** The last call succeeded; the ticket and the action agree. */
    SYNCED,
    /** The last call failed for a reason that may pass (outage, 429, 5xx, refused credentials); it will be retried. */
    RETRYING,
    /** The tracker refused for good (e.g. the ticket no longer exists); nothing more is tried until a new change. */
    FAILED
}
