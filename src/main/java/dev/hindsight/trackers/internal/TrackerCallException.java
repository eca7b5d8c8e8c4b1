package dev.hindsight.trackers.internal;

import java.time.Duration;

/**
 * A tracker call that failed. {@code status} is the HTTP status, 0 when the tracker could not be reached;
 * {@code retryAfter} is what a 429 or 503 asked for (null when it said nothing). The message never holds credentials.
 */
public class TrackerCallException extends RuntimeException {

    private final int status;
    private final Duration retryAfter;

    public TrackerCallException(int status, Duration retryAfter, String message) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** A 404: the ticket (or project, repository) is not there. */
    public boolean notFound() {
        return status == 404;
    }

    /** Refused for good: the request itself is wrong (400, 404 on an existing ticket, 409, 410, 422). */
    public boolean permanent() {
        return status == 400 || status == 404 || status == 409 || status == 410 || status == 422;
    }
}
