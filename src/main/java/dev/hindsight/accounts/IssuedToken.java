package dev.hindsight.accounts;

/** A newly created API token: {@code secret} is shown this once and stored only as a hash. */
public record IssuedToken(ApiToken token, String secret) {}
