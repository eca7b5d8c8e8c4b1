package dev.hindsight.evidence;

/** What an {@link EvidenceEvent} is. */
public enum EvidenceEventKind {
    /** The first occurrence of a log message template (near the incident). */
    LOG_NEW_TEMPLATE,
    /** A jump in the rate of an error-level log message template. */
    LOG_BURST,
    /** An alert started firing (or was acknowledged, escalated or otherwise updated while open). */
    ALERT_FIRING,
    /** An alert resolved or was closed. */
    ALERT_RESOLVED,
    /** A deployment was created or changed state. */
    DEPLOY,
    /** A change from a list of changes (configuration, feature flag, infrastructure, ...). */
    CHANGE,
    /** A chat message. */
    CHAT_MESSAGE,
    /** A change point in a metric series: its mean moved. */
    METRIC_CHANGE
}
