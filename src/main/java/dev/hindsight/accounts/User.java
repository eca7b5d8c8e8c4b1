package dev.hindsight.accounts;

import dev.hindsight.shared.Role;
import java.time.OffsetDateTime;

/**
 * A person who uses Hindsight.
 *
 * @param passwordSet whether the user can log in with a password (SSO-only users cannot)
 */
public record User(
        long id,
        String username,
        String displayName,
        String email,
        Role role,
        boolean enabled,
        boolean mustChangePassword,
        boolean passwordSet,
        OffsetDateTime createdAt) {}
