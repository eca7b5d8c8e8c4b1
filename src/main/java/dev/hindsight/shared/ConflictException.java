package dev.hindsight.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Thrown when a save is based on an outdated version (someone else saved in between) or would break a uniqueness
 * rule; maps to 409, or 412 when the version came from an {@code If-Match} header. Nothing has been changed.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

    private final Integer currentVersion;

    public ConflictException(String message, Integer currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    public ConflictException(String message) {
        this(message, null);
    }

    /** The version now stored, when the conflict is a stale version; otherwise null. */
    public Integer currentVersion() {
        return currentVersion;
    }
}
