package dev.hindsight.accounts;

/** What an admin enters to create or change a user; {@code password} may be blank to keep (or not set) one. */
public record UserForm(String username, String displayName, String email, String role, String password) {}
