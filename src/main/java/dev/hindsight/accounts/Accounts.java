package dev.hindsight.accounts;

import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and teams: the accounts module's API for every other module. */
@Service
public class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MIN_PASSWORD_LENGTH = 10;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The user with this id, if any. */
    public Optional<User> findById(long id) {
        return jdbc.sql("select * from users where id = ?")
                .param(id)
                .query(Accounts::user)
                .optional();
    }

    /** The user with this login name (case-insensitive), if any. */
    public Optional<User> findByUsername(String username) {
        return jdbc.sql("select * from users where username = ?")
                .param(username == null ? "" : username.trim().toLowerCase())
                .query(Accounts::user)
                .optional();
    }

    /** All users, by name. */
    public List<User> list() {
        return jdbc.sql("select * from users order by username")
                .query(Accounts::user)
                .list();
    }

    /** Users by id, for showing names; ids without a user are left out. */
    public Map<Long, User> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("select * from users where id in (:ids)")
                .param("ids", ids)
                .query(Accounts::user)
                .list()
                .stream()
                .collect(Collectors.toMap(User::id, u -> u));
    }

    /** The acting user for this user id, or empty when the user is gone or disabled. */
    public Optional<Actor> actor(long userId) {
        return findById(userId).filter(User::enabled).map(u -> new Actor(u.id(), u.username(), u.role()));
    }

    /** Creates a user. Throws {@link InvalidInputException} for bad fields, {@link ConflictException} if taken. */
    @Transactional
    public User create(Actor actor, UserForm form) {
        actor.require(Role.ADMIN);
        return createUnchecked(form, false);
    }

    User createUnchecked(UserForm form, boolean mustChangePassword) {
        List<FieldError> errors = new ArrayList<>();
        String username = form.username() == null ? "" : form.username().trim().toLowerCase();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(
                    new FieldError(
                            "username",
                            "2 to 63 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        Role role = checkCommon(form, errors);
        boolean hasPassword = form.password() != null && !form.password().isBlank();
        if (hasPassword && form.password().length() < MIN_PASSWORD_LENGTH) {
            errors.add(new FieldError("password", "at least " + MIN_PASSWORD_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        try {
            long id = insert(
                    username, form, role, hasPassword ? passwords.encode(form.password()) : null, mustChangePassword);
            return findById(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A user named '" + username + "' already exists.");
        }
    }

    private long insert(String username, UserForm form, Role role, String hash, boolean mustChange) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into users (username, display_name, email, password_hash, role, enabled,
                                           must_change_password, created_at)
                        values (?, ?, ?, ?, ?, true, ?, ?)""")
                .params(
                        username,
                        form.displayName() == null || form.displayName().isBlank()
                                ? username
                                : form.displayName().trim(),
                        blankToNull(form.email()),
                        hash,
                        role.name(),
                        mustChange,
                        now())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * The local user for a person who signed in through OpenID Connect: found by issuer and subject, else linked by
     * e-mail, else created with {@code defaultRole}. Empty when that user is disabled.
     */
    @Transactional
    public Optional<User> provisionOidcUser(
            String issuer,
            String subject,
            String preferredUsername,
            String email,
            String displayName,
            Role defaultRole) {
        Optional<User> linked = jdbc.sql("select * from users where oidc_issuer = ? and oidc_subject = ?")
                .params(issuer, subject)
                .query(Accounts::user)
                .optional();
        if (linked.isEmpty() && email != null && !email.isBlank()) {
            linked = jdbc.sql("select * from users where lower(email) = lower(?) and oidc_subject is null")
                    .param(email.trim())
                    .query(Accounts::user)
                    .optional();
            linked.ifPresent(u -> jdbc.sql("update users set oidc_issuer = ?, oidc_subject = ? where id = ?")
                    .params(issuer, subject, u.id())
                    .update());
        }
        if (linked.isEmpty()) {
            String base = preferredUsername != null && !preferredUsername.isBlank()
                    ? preferredUsername
                    : email != null && email.contains("@") ? email.substring(0, email.indexOf('@')) : "user";
            base = base.toLowerCase().replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
            if (base.length() < 2) {
                base = "user-" + base;
            }
            base = base.length() > 55 ? base.substring(0, 55) : base;
            String username = base;
            for (int i = 2; findByUsername(username).isPresent(); i++) {
                username = base + "-" + i;
            }
            long id = insert(
                    username,
                    new UserForm(username, displayName, email, defaultRole.name(), null),
                    defaultRole,
                    null,
                    false);
            jdbc.sql("update users set oidc_issuer = ?, oidc_subject = ? where id = ?")
                    .params(issuer, subject, id)
                    .update();
            linked = findById(id);
        }
        return linked.filter(User::enabled);
    }

    /** Sets the admin account's password (creating the account if needed); used at start-up only. */
    @Transactional
    public User ensureAdmin(String username, String password, boolean mustChangePassword) {
        Optional<User> existing = findByUsername(username);
        if (existing.isPresent()) {
            jdbc.sql(
                            "update users set password_hash = ?, must_change_password = ?, role = 'ADMIN', enabled = true where id = ?")
                    .params(
                            passwords.encode(password),
                            mustChangePassword,
                            existing.get().id())
                    .update();
            return findById(existing.get().id()).orElseThrow();
        }
        return createUnchecked(new UserForm(username, "Administrator", null, "admin", password), mustChangePassword);
    }

    /** Whether any user exists yet. */
    public boolean anyUser() {
        return jdbc.sql("select count(*) from users").query(Long.class).single() > 0;
    }

    /** Changes a user's name, e-mail, role and (when given) password. Admins only. */
    @Transactional
    public User update(Actor actor, long id, UserForm form) {
        actor.require(Role.ADMIN);
        User existing = findById(id).orElseThrow(() -> new NotFoundException("No user with id " + id));
        List<FieldError> errors = new ArrayList<>();
        Role role = checkCommon(form, errors);
        if (existing.id() == actor.userId() && role != Role.ADMIN) {
            errors.add(new FieldError("role", "you cannot take the admin role from yourself"));
        }
        if (form.password() != null
                && !form.password().isBlank()
                && form.password().length() < MIN_PASSWORD_LENGTH) {
            errors.add(new FieldError("password", "at least " + MIN_PASSWORD_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("update users set display_name = ?, email = ?, role = ? where id = ?")
                .params(
                        form.displayName() == null || form.displayName().isBlank()
                                ? existing.displayName()
                                : form.displayName().trim(),
                        blankToNull(form.email()),
                        role.name(),
                        id)
                .update();
        if (form.password() != null && !form.password().isBlank()) {
            jdbc.sql("update users set password_hash = ?, must_change_password = true where id = ?")
                    .params(passwords.encode(form.password()), id)
                    .update();
        }
        return findById(id).orElseThrow();
    }

    /** Enables or disables a user; a disabled user cannot log in and their tokens stop working. */
    @Transactional
    public void setEnabled(Actor actor, long id, boolean enabled) {
        actor.require(Role.ADMIN);
        if (id == actor.userId() && !enabled) {
            throw new InvalidInputException("enabled", "you cannot disable your own account");
        }
        if (jdbc.sql("update users set enabled = ? where id = ?")
                        .params(enabled, id)
                        .update()
                == 0) {
            throw new NotFoundException("No user with id " + id);
        }
    }

    /** Changes the actor's own password after checking the current one. */
    @Transactional
    public void changeOwnPassword(Actor actor, String current, String next) {
        String hash = jdbc.sql("select password_hash from users where id = ?")
                .param(actor.userId())
                .query(String.class)
                .optional()
                .orElse(null);
        List<FieldError> errors = new ArrayList<>();
        if (hash == null || current == null || !passwords.matches(current, hash)) {
            errors.add(new FieldError("currentPassword", "does not match your current password"));
        }
        if (next == null || next.length() < MIN_PASSWORD_LENGTH) {
            errors.add(new FieldError("newPassword", "at least " + MIN_PASSWORD_LENGTH + " characters"));
        } else if (current != null && current.equals(next)) {
            errors.add(new FieldError("newPassword", "must differ from the current password"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("update users set password_hash = ?, must_change_password = false where id = ?")
                .params(passwords.encode(next), actor.userId())
                .update();
    }

    /** All teams with their members, by name. */
    public List<Team> teams() {
        Map<Long, List<Long>> members = jdbc
                .sql("select team_id, user_id from team_members order by user_id")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select id, name, description from teams order by name")
                .query((rs, n) -> new Team(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("description"),
                        members.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /** The team with this id, if any. */
    public Optional<Team> team(long id) {
        return teams().stream().filter(t -> t.id() == id).findFirst();
    }

    /** Creates a team. Admins only. */
    @Transactional
    public Team createTeam(Actor actor, String name, String description, Collection<Long> memberIds) {
        actor.require(Role.ADMIN);
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new InvalidInputException("name", "1 to 100 characters");
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        try {
            jdbc.sql("insert into teams (name, description) values (?, ?)")
                    .params(trimmed, blankToNull(description))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A team named '" + trimmed + "' already exists.");
        }
        long id = keys.getKey().longValue();
        setMembers(id, memberIds);
        return team(id).orElseThrow();
    }

    /** Replaces a team's members. Admins only. */
    @Transactional
    public Team updateTeamMembers(Actor actor, long teamId, Collection<Long> memberIds) {
        actor.require(Role.ADMIN);
        team(teamId).orElseThrow(() -> new NotFoundException("No team with id " + teamId));
        setMembers(teamId, memberIds);
        return team(teamId).orElseThrow();
    }

    private void setMembers(long teamId, Collection<Long> memberIds) {
        Map<Long, User> users = byIds(memberIds);
        for (Long id : memberIds) {
            if (!users.containsKey(id)) {
                throw new InvalidInputException("memberIds", "no user with id " + id);
            }
        }
        jdbc.sql("delete from team_members where team_id = ?").param(teamId).update();
        for (Long id : memberIds.stream().distinct().toList()) {
            jdbc.sql("insert into team_members (team_id, user_id) values (?, ?)")
                    .params(teamId, id)
                    .update();
        }
    }

    private Role checkCommon(UserForm form, List<FieldError> errors) {
        Optional<Role> role = Role.parse(form.role());
        if (role.isEmpty()) {
            errors.add(new FieldError("role", "one of viewer, editor, admin"));
        }
        if (form.email() != null
                && !form.email().isBlank()
                && !EMAIL.matcher(form.email().trim()).matches()) {
            errors.add(new FieldError("email", "not an e-mail address"));
        }
        if (form.displayName() != null && form.displayName().length() > 200) {
            errors.add(new FieldError("displayName", "at most 200 characters"));
        }
        return role.orElse(Role.VIEWER);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static User user(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("email"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"),
                rs.getString("password_hash") != null,
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
