package dev.hindsight.accounts;

import java.time.OffsetDateTime;

/** An API token as listed to its owner: never the secret itself, only its first characters. */
public record ApiToken(
        long id,
        long userId,
        String name,
        String prefix,
        OffsetDateTime createdAt,
        OffsetDateTime lastUsedAt,
        OffsetDateTime revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
