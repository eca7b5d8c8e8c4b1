package dev.hindsight.notifications;

/**
 * Which channels a user wants. Defaults: everything on ({@link #DEFAULTS}). E-mail needs an address on the account
 * and a configured mail server.
 */
public record Preferences(boolean inApp, boolean email, boolean weeklyDigest) {

    public static final Preferences DEFAULTS = new Preferences(true, true, true);
}
