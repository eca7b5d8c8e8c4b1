package dev.hindsight.actions;

import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.ForbiddenException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.shared.Role;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved views of the action board: a named filter and sort per user, optionally shared with everyone. Any signed-in
 * user may save views for themselves; sharing needs the editor role; only the owner or an admin deletes one.
 */
@Service
public class SavedViews {

    /** The board parameters a view may hold; anything else is refused. */
    public static final Set<String> PARAMETERS =
            Set.of("owner", "team", "status", "priority", "type", "overdue", "incident", "mine", "sort", "recurred");

    static final int MAX_NAME = 100;
    static final int MAX_QUERY = 4000;

    private final JdbcClient jdbc;
    private final Clock clock;

    SavedViews(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The actor's own views and the views others shared, by name. Never null. */
    public List<SavedView> visibleTo(Actor actor) {
        return jdbc.sql("select v.*, u.username from action_saved_views v join users u on u.id = v.owner_id"
                        + " where v.owner_id = ? or v.shared = true order by lower(v.name), v.id")
                .param(actor.userId())
                .query((rs, n) -> new SavedView(
                        rs.getLong("id"),
                        rs.getLong("owner_id"),
                        rs.getString("username"),
                        rs.getString("name"),
                        rs.getString("query"),
                        rs.getBoolean("shared"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    /** One view the actor may use; {@link NotFoundException} for another user's unshared view. */
    public SavedView get(Actor actor, long id) {
        return visibleTo(actor).stream()
                .filter(v -> v.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No saved view " + id));
    }

    /**
     * Saves the board query under {@code name}. {@link InvalidInputException} for a blank or long name or a query with
     * unknown parameters; {@link ConflictException} when the actor already has a view of that name.
     */
    @Transactional
    public SavedView save(Actor actor, String name, String query, boolean shared) {
        if (shared) {
            actor.require(Role.EDITOR);
        }
        List<FieldError> errors = new ArrayList<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (trimmed.length() > MAX_NAME) {
            errors.add(new FieldError("name", "at most " + MAX_NAME + " characters"));
        }
        String normal = null;
        try {
            normal = normalize(query);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean taken = jdbc.sql("select count(*) from action_saved_views where owner_id = ? and name = ?")
                        .params(actor.userId(), trimmed)
                        .query(Long.class)
                        .single()
                > 0;
        if (taken) {
            throw new ConflictException("You already have a view named '" + trimmed + "'.");
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into action_saved_views (owner_id, name, query, shared, created_at) values (?, ?, ?, ?, ?)")
                .params(
                        actor.userId(),
                        trimmed,
                        normal,
                        shared,
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update(keys, "id");
        return get(actor, keys.getKey().longValue());
    }

    /** Deletes a view: its owner or an admin. {@link NotFoundException} when the actor cannot see it. */
    @Transactional
    public void delete(Actor actor, long id) {
        SavedView view = get(actor, id);
        if (view.ownerId() != actor.userId() && !actor.isAdmin()) {
            throw new ForbiddenException("Only " + view.ownerName() + " or an admin may delete this view.");
        }
        jdbc.sql("delete from action_saved_views where id = ?").param(id).update();
    }

    /**
     * The query string with only board parameters, re-encoded, blank values dropped; {@link InvalidInputException}
     * naming an unknown parameter or a query that is too long.
     */
    public static String normalize(String query) {
        if (query == null || query.isBlank()) {
            return "";
        }
        String raw = query.strip();
        if (raw.startsWith("?")) {
            raw = raw.substring(1);
        }
        List<String> parts = new ArrayList<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (key.equals("page") || key.equals("size")) {
                continue;
            }
            if (!PARAMETERS.contains(key)) {
                throw new InvalidInputException("query", "'" + key + "' is not a board filter; allowed: " + PARAMETERS);
            }
            if (!value.isBlank()) {
                parts.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
            }
        }
        String normal = String.join("&", parts);
        if (normal.length() > MAX_QUERY) {
            throw new InvalidInputException("query", "at most " + MAX_QUERY + " characters");
        }
        return normal;
    }
}
