package dev.hindsight.accounts.internal;

/** What every authenticated principal carries, however the user signed in. */
public interface HindsightPrincipal {

    long userId();
}
