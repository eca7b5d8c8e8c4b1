package dev.hindsight.testing;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.User;
import dev.hindsight.accounts.UserForm;
import dev.hindsight.shared.Actor;
import java.util.UUID;

/** Creates users for tests, each with a unique name so tests sharing a database do not collide. */
public final class TestUsers {

    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String PASSWORD = "test-user-password";

    private TestUsers() {}

    public static Actor admin(Accounts accounts) {
        User admin = accounts.findByUsername("admin").orElseThrow();
        return new Actor(admin.id(), admin.username(), admin.role());
    }

    /** A new user with {@code role} and password {@link #PASSWORD}. */
    public static Actor create(Accounts accounts, String role) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        User user = accounts.create(admin(accounts), new UserForm(name, "Test " + name, null, role, PASSWORD));
        return new Actor(user.id(), user.username(), user.role());
    }
}
