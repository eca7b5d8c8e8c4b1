package dev.hindsight.accounts;

import dev.hindsight.shared.Actor;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for scripts and the command line, sent as {@code Authorization: Bearer hs_...}. Only a SHA-256 hash of
 * each token is stored; a revoked token, or one of a disabled user, authenticates nobody.
 */
@Service
public class ApiTokens {

    private static final String PREFIX = "hs_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Creates a token for the actor; the returned secret is never shown again. */
    @Transactional
    public IssuedToken create(Actor actor, String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new InvalidInputException("name", "1 to 100 characters, e.g. 'ci-export'");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into api_tokens (user_id, name, token_hash, token_prefix, created_at)
                        values (?, ?, ?, ?, ?)""")
                .params(actor.userId(), trimmed, hash(secret), secret.substring(0, 10), now())
                .update(keys, "id");
        return new IssuedToken(find(keys.getKey().longValue()).orElseThrow(), secret);
    }

    /** The actor's tokens, newest first. */
    public List<ApiToken> list(Actor actor) {
        return jdbc.sql("select * from api_tokens where user_id = ? order by id desc")
                .param(actor.userId())
                .query(ApiTokens::token)
                .list();
    }

    /** Revokes one of the actor's tokens (admins may revoke anyone's). */
    @Transactional
    public void revoke(Actor actor, long id) {
        ApiToken token = find(id).filter(t -> t.userId() == actor.userId() || actor.isAdmin())
                .orElseThrow(() -> new NotFoundException("No token with id " + id));
        if (token.active()) {
            jdbc.sql("update api_tokens set revoked_at = ? where id = ?")
                    .params(now(), id)
                    .update();
        }
    }

    /** The acting user for a presented secret, or empty when it is unknown, revoked, or its user is disabled. */
    @Transactional
    public Optional<Actor> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiToken> token = jdbc.sql("select * from api_tokens where token_hash = ? and revoked_at is null")
                .param(hash(secret))
                .query(ApiTokens::token)
                .optional();
        token.ifPresent(t -> jdbc.sql("update api_tokens set last_used_at = ? where id = ?")
                .params(now(), t.id())
                .update());
        return token.flatMap(t -> accounts.actor(t.userId()));
    }

    private Optional<ApiToken> find(long id) {
        return jdbc.sql("select * from api_tokens where id = ?")
                .param(id)
                .query(ApiTokens::token)
                .optional();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        return new ApiToken(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("name"),
                rs.getString("token_prefix"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("last_used_at", OffsetDateTime.class),
                rs.getObject("revoked_at", OffsetDateTime.class));
    }
}
