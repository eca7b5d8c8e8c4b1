package dev.hindsight.timeline;

import java.util.List;
import java.util.Set;

/** The kinds of source events (the evidence module's {@code EvidenceEventKind} names) and which are proposed. */
public final class SourceKinds {

    public static final String LOG_NEW_TEMPLATE = "LOG_NEW_TEMPLATE";
    public static final String LOG_BURST = "LOG_BURST";
    public static final String ALERT_FIRING = "ALERT_FIRING";
    public static final String ALERT_RESOLVED = "ALERT_RESOLVED";
    public static final String DEPLOY = "DEPLOY";
    public static final String CHANGE = "CHANGE";
    public static final String CHAT_MESSAGE = "CHAT_MESSAGE";
    public static final String METRIC_CHANGE = "METRIC_CHANGE";

    /** Every source kind, in the order filters list them. */
    public static final List<String> ALL = List.of(
            LOG_NEW_TEMPLATE, LOG_BURST, ALERT_FIRING, ALERT_RESOLVED, DEPLOY, CHANGE, CHAT_MESSAGE, METRIC_CHANGE);

    private static final Set<String> ALWAYS_PROPOSED =
            Set.of(LOG_NEW_TEMPLATE, LOG_BURST, ALERT_FIRING, ALERT_RESOLVED, DEPLOY, CHANGE, METRIC_CHANGE);

    private SourceKinds() {}

    /**
     * Whether the event becomes a proposed entry: every kind but chat, and chat messages only with a {@code signal}
     * attribute (decision, rollback, mitigated, resolved, escalation). The others are shown with "all source events".
     */
    public static boolean proposes(SourceEvent event) {
        if (ALWAYS_PROPOSED.contains(event.kind())) {
            return true;
        }
        String signal = event.attributes().get("signal");
        return CHAT_MESSAGE.equals(event.kind()) && signal != null && !signal.isBlank();
    }
}
