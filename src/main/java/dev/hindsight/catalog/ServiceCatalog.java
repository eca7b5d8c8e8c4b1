package dev.hindsight.catalog;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The services incidents affect, with their owning teams. Reading is open to all; changes are for admins. */
@Service
public class ServiceCatalog {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final String SELECT =
            "select s.id, s.name, s.description, s.team_id, t.name as team_name from services s left join teams t on t.id = s.team_id ";

    private final JdbcClient jdbc;
    private final Accounts accounts;

    ServiceCatalog(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** All services by name. */
    public List<CatalogService> list() {
        return jdbc.sql(SELECT + "order by s.name")
                .query(ServiceCatalog::service)
                .list();
    }

    /** The service with this name, if any. */
    public Optional<CatalogService> findByName(String name) {
        return jdbc.sql(SELECT + "where s.name = ?")
                .param(name)
                .query(ServiceCatalog::service)
                .optional();
    }

    /** The services with these ids. */
    public List<CatalogService> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "where s.id in (:ids) order by s.name")
                .param("ids", ids)
                .query(ServiceCatalog::service)
                .list();
    }

    /** Adds a service. Names are lower-case slugs such as {@code checkout-api}. */
    @Transactional
    public CatalogService create(Actor actor, String name, String description, Long teamId) {
        actor.require(Role.ADMIN);
        String slug = name == null ? "" : name.trim().toLowerCase();
        if (!NAME.matcher(slug).matches()) {
            throw new InvalidInputException(
                    "name", "1 to 100 characters: lower-case letters, digits, '.', '_' or '-' (e.g. checkout-api)");
        }
        if (teamId != null && accounts.team(teamId).isEmpty()) {
            throw new InvalidInputException("teamId", "no team with id " + teamId);
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into services (name, description, team_id) values (?, ?, ?)")
                    .params(slug, description == null || description.isBlank() ? null : description.trim(), teamId)
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A service named '" + slug + "' already exists.");
        }
        return byIds(List.of(keys.getKey().longValue())).get(0);
    }

    /** Changes a service's owning team and description. */
    @Transactional
    public CatalogService update(Actor actor, long id, String description, Long teamId) {
        actor.require(Role.ADMIN);
        if (teamId != null && accounts.team(teamId).isEmpty()) {
            throw new InvalidInputException("teamId", "no team with id " + teamId);
        }
        int changed = jdbc.sql("update services set description = ?, team_id = ? where id = ?")
                .params(description == null || description.isBlank() ? null : description.trim(), teamId, id)
                .update();
        if (changed == 0) {
            throw new NotFoundException("No service with id " + id);
        }
        return byIds(List.of(id)).get(0);
    }

    private static CatalogService service(ResultSet rs, int row) throws SQLException {
        long team = rs.getLong("team_id");
        return new CatalogService(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.wasNull() ? null : team,
                rs.getString("team_name"));
    }
}
