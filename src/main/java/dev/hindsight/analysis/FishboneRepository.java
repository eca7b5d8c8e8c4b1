package dev.hindsight.analysis;

import dev.hindsight.incident.IncidentId;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Reads and writes fishbone diagrams, their categories and causes with explicit SQL. */
@Repository
class FishboneRepository {

    private final JdbcClient jdbc;

    FishboneRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record CauseRow(long id, long categoryId, Long parentId, String text, Long factorId, int version) {}

    long insertFishbone(long incidentId, String effect, long actorId, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into fishbones (incident_id, effect, created_at, created_by, version)
                        values (?, ?, ?, ?, 0)""").params(incidentId, effect, now, actorId).update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Locks the diagram's row until the transaction ends, so changes to one diagram happen one after the other and
     * every check sees the diagram as it will be written. Empty when there is no such diagram on the incident.
     */
    Optional<Long> lock(long incidentId, long fishboneId) {
        return jdbc.sql("select id from fishbones where id = ? and incident_id = ? for update")
                .params(fishboneId, incidentId)
                .query(Long.class)
                .optional();
    }

    boolean updateEffect(long id, String effect, int expectedVersion) {
        return jdbc.sql("update fishbones set effect = ?, version = version + 1 where id = ? and version = ?")
                        .params(effect, id, expectedVersion)
                        .update()
                == 1;
    }

    void deleteFishbone(long id) {
        jdbc.sql("""
                        delete from fishbone_causes where parent_id is not null and category_id in
                            (select c.id from fishbone_categories c where c.fishbone_id = ?)""").param(id).update();
        jdbc.sql("""
                        delete from fishbone_causes where category_id in
                            (select c.id from fishbone_categories c where c.fishbone_id = ?)""").param(id).update();
        jdbc.sql("delete from fishbone_categories where fishbone_id = ?")
                .param(id)
                .update();
        jdbc.sql("delete from fishbones where id = ?").param(id).update();
    }

    long insertCategory(long fishboneId, String name, int position) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into fishbone_categories (fishbone_id, name, position, version) values (?, ?, ?, 0)")
                .params(fishboneId, name, position)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean updateCategory(long id, String name, int expectedVersion) {
        return jdbc.sql("update fishbone_categories set name = ?, version = version + 1 where id = ? and version = ?")
                        .params(name, id, expectedVersion)
                        .update()
                == 1;
    }

    void setPosition(long categoryId, int position) {
        jdbc.sql("update fishbone_categories set position = ? where id = ?")
                .params(position, categoryId)
                .update();
    }

    void deleteCategory(long id) {
        jdbc.sql("delete from fishbone_causes where category_id = ? and parent_id is not null")
                .param(id)
                .update();
        jdbc.sql("delete from fishbone_causes where category_id = ?").param(id).update();
        jdbc.sql("delete from fishbone_categories where id = ?").param(id).update();
    }

    long insertCause(long categoryId, Long parentId, String text, long actorId, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into fishbone_causes (category_id, parent_id, text, created_at, created_by, version)
                        values (?, ?, ?, ?, ?, 0)""").params(categoryId, parentId, text, now, actorId).update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean updateCause(long id, String text, int expectedVersion) {
        return jdbc.sql("update fishbone_causes set text = ?, version = version + 1 where id = ? and version = ?")
                        .params(text, id, expectedVersion)
                        .update()
                == 1;
    }

    void setFactor(long causeId, long factorId) {
        jdbc.sql("update fishbone_causes set factor_id = ? where id = ?")
                .params(factorId, causeId)
                .update();
    }

    void deleteCause(long id) {
        jdbc.sql("delete from fishbone_causes where parent_id = ?").param(id).update();
        jdbc.sql("delete from fishbone_causes where id = ?").param(id).update();
    }

    /** The incident's diagrams in the order added, each complete; factors looked up in {@code factors} by id. */
    List<Fishbone> fishbones(long incidentId, Map<Long, ContributingFactor> factors) {
        List<Fishbone> heads = jdbc.sql("select * from fishbones where incident_id = ? order by id")
                .param(incidentId)
                .query((rs, n) -> new Fishbone(
                        rs.getLong("id"),
                        new IncidentId(rs.getLong("incident_id")),
                        rs.getString("effect"),
                        List.of(),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getInt("version")))
                .list();
        if (heads.isEmpty()) {
            return heads;
        }
        Map<Long, List<CauseRow>> causesByCategory = new HashMap<>();
        jdbc.sql("""
                        select s.* from fishbone_causes s
                        join fishbone_categories c on c.id = s.category_id
                        join fishbones f on f.id = c.fishbone_id
                        where f.incident_id = ? order by s.id""")
                .param(incidentId)
                .query((rs, n) -> new CauseRow(
                        rs.getLong("id"),
                        rs.getLong("category_id"),
                        rs.getObject("parent_id", Long.class),
                        rs.getString("text"),
                        rs.getObject("factor_id", Long.class),
                        rs.getInt("version")))
                .list()
                .forEach(row -> causesByCategory
                        .computeIfAbsent(row.categoryId(), k -> new ArrayList<>())
                        .add(row));
        Map<Long, List<FishboneCategory>> categoriesByFishbone = new HashMap<>();
        jdbc.sql("""
                        select c.* from fishbone_categories c join fishbones f on f.id = c.fishbone_id
                        where f.incident_id = ? order by c.position, c.id""")
                .param(incidentId)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    return Map.entry(
                            rs.getLong("fishbone_id"),
                            new FishboneCategory(
                                    id, rs.getString("name"), rs.getInt("position"), rs.getInt("version"), List.of()));
                })
                .list()
                .forEach(e -> {
                    FishboneCategory c = e.getValue();
                    List<FishboneCause> causes = causes(causesByCategory.getOrDefault(c.id(), List.of()), factors);
                    categoriesByFishbone
                            .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(new FishboneCategory(c.id(), c.name(), c.position(), c.version(), causes));
                });
        return heads.stream()
                .map(f -> new Fishbone(
                        f.id(),
                        f.incidentId(),
                        f.effect(),
                        List.copyOf(categoriesByFishbone.getOrDefault(f.id(), List.of())),
                        f.createdAt(),
                        f.version()))
                .toList();
    }

    private static List<FishboneCause> causes(List<CauseRow> rows, Map<Long, ContributingFactor> factors) {
        List<FishboneCause> top = new ArrayList<>();
        for (CauseRow row : rows) {
            if (row.parentId() == null) {
                List<FishboneCause> subs = rows.stream()
                        .filter(r -> row.id() == (r.parentId() == null ? -1 : r.parentId()))
                        .map(r -> cause(r, factors, List.of()))
                        .toList();
                top.add(cause(row, factors, subs));
            }
        }
        return List.copyOf(top);
    }

    private static FishboneCause cause(CauseRow row, Map<Long, ContributingFactor> factors, List<FishboneCause> subs) {
        return new FishboneCause(
                row.id(),
                row.categoryId(),
                row.parentId(),
                row.text(),
                row.version(),
                row.factorId() == null ? null : factors.get(row.factorId()),
                subs);
    }
}
