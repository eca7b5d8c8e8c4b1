package dev.hindsight.notifications;

import java.util.Objects;

/**
 * Who a notification is for: a user, every member of a team, or an e-mail address outside Hindsight (e-mail only).
 * Exactly one of the three is set.
 */
public record Recipient(Long userId, Long teamId, String address) {

    public Recipient {
        int set = (userId != null ? 1 : 0) + (teamId != null ? 1 : 0) + (address != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("exactly one of userId, teamId, address");
        }
    }

    public static Recipient user(long userId) {
        return new Recipient(userId, null, null);
    }

    public static Recipient team(long teamId) {
        return new Recipient(null, teamId, null);
    }

    public static Recipient address(String address) {
        return new Recipient(null, null, Objects.requireNonNull(address).trim());
    }
}
