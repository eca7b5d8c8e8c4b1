package dev.hindsight.trackers.internal;

import dev.hindsight.trackers.TrackerKind;

/** One issue tracker, spoken to over its documented REST API. Each method throws {@link TrackerCallException}. */
public interface IssueTracker {

    /** A ticket as the tracker reports it. */
    record RemoteIssue(String key, String url, String status) {}

    /** What a new ticket says. */
    record NewIssue(String title, String description, String backlink, String actionKey) {}

    TrackerKind kind();

    /** Whether its URL and credentials are configured. */
    boolean configured();

    RemoteIssue create(NewIssue issue);

    RemoteIssue get(String key);

    /** Moves the ticket to {@code remoteStatus} (a status of this tracker, as the mapping names it). */
    void moveTo(String key, String remoteStatus);

    /** The tracker status for a Hindsight status label, or null. */
    String outbound(String hindsightStatus);

    /** The Hindsight status label for a tracker status, or null. */
    String inbound(String remoteStatus);
}
