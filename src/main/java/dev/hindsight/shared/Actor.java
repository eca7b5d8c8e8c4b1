package dev.hindsight.shared;

/**
 * The user on whose behalf something is done: passed into every module's API so rules about who may see and change
 * what are checked in one place, not in controllers.
 *
 * @param userId the user's id, never null
 * @param username the login name, shown in audit trails
 * @param role what the user may do
 */
public record Actor(Long userId, String username, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean canEdit() {
        return role.includes(Role.EDITOR);
    }

    /** Throws {@link ForbiddenException} unless the actor has at least {@code needed}. */
    public void require(Role needed) {
        if (!role.includes(needed)) {
            throw new ForbiddenException("This needs the " + needed.label() + " role; you are " + role.label() + ".");
        }
    }
}
