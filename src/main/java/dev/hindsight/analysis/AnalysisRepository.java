package dev.hindsight.analysis;

import dev.hindsight.incident.IncidentId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Reads and writes categories, factors and Five Whys trees with explicit SQL. */
@Repository
class AnalysisRepository {

    private final JdbcClient jdbc;

    AnalysisRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Factor values validated by {@link RootCauseAnalysis}. */
    record FactorRow(
            FactorKind kind,
            String title,
            String category,
            String description,
            AnalysisMethod method,
            List<String> evidence) {}

    // Categories

    List<FactorCategory> categories() {
        return jdbc.sql("select category_key, description from factor_categories order by position, category_key")
                .query((rs, n) -> new FactorCategory(rs.getString(1), rs.getString(2)))
                .list();
    }

    boolean categoryExists(String key) {
        return jdbc.sql("select count(*) from factor_categories where category_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insertCategory(String key, String description) {
        jdbc.sql("""
                        insert into factor_categories (category_key, description, position)
                        select ?, ?, coalesce(max(position), 0) + 1 from factor_categories""").params(key, description).update();
    }

    // Factors

    long insertFactor(long incidentId, FactorRow row, Long whyNodeId, long actorId, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into contributing_factors (incident_id, kind, title, category_key, description, method,
                            why_node_id, evidence, created_at, created_by, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(
                        incidentId,
                        row.kind().name(),
                        row.title(),
                        row.category(),
                        row.description(),
                        row.method().name(),
                        whyNodeId,
                        lines(row.evidence()),
                        now,
                        actorId,
                        now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Updates when the stored version is {@code expectedVersion}; returns false (changing nothing) otherwise. */
    boolean updateFactor(long id, FactorRow row, int expectedVersion, OffsetDateTime now) {
        return jdbc.sql("""
                                update contributing_factors set kind = ?, title = ?, category_key = ?, description = ?,
                                    method = ?, evidence = ?, updated_at = ?, version = version + 1
                                where id = ? and version = ?""")
                        .params(
                                row.kind().name(),
                                row.title(),
                                row.category(),
                                row.description(),
                                row.method().name(),
                                lines(row.evidence()),
                                now,
                                id,
                                expectedVersion)
                        .update()
                == 1;
    }

    boolean deleteFactor(long id, int expectedVersion) {
        return jdbc.sql("delete from contributing_factors where id = ? and version = ?")
                        .params(id, expectedVersion)
                        .update()
                == 1;
    }

    void deleteFactor(long id) {
        jdbc.sql("delete from contributing_factors where id = ?").param(id).update();
    }

    Optional<ContributingFactor> factor(long incidentId, long id) {
        return jdbc.sql("select * from contributing_factors where id = ? and incident_id = ?")
                .params(id, incidentId)
                .query(AnalysisRepository::factor)
                .optional();
    }

    Optional<ContributingFactor> factorOfNode(long whyNodeId) {
        return jdbc.sql("select * from contributing_factors where why_node_id = ?")
                .param(whyNodeId)
                .query(AnalysisRepository::factor)
                .optional();
    }

    Optional<Integer> factorVersion(long id) {
        return jdbc.sql("select version from contributing_factors where id = ?")
                .param(id)
                .query(Integer.class)
                .optional();
    }

    /** The incidents' factors, root causes first, then in the order added. */
    List<ContributingFactor> factors(Collection<Long> incidentIds) {
        if (incidentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from contributing_factors where incident_id in (:ids)
                        order by incident_id, case when kind = 'ROOT_CAUSE' then 0 else 1 end, id""")
                .param("ids", incidentIds)
                .query(AnalysisRepository::factor)
                .list();
    }

    // Five Whys

    long insertFiveWhys(long incidentId, String problem, long actorId, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into five_whys (incident_id, problem, created_at, created_by, version)
                        values (?, ?, ?, ?, 0)""").params(incidentId, problem, now, actorId).update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Locks the tree's row until the transaction ends, so structural changes to one tree (add, move, remove) happen
     * one after the other and every check sees the tree as it will be written. Empty when there is no such tree.
     */
    Optional<Long> lockTree(long incidentId, long fiveWhysId) {
        return jdbc.sql("select id from five_whys where id = ? and incident_id = ? for update")
                .params(fiveWhysId, incidentId)
                .query(Long.class)
                .optional();
    }

    List<FiveWhys> fiveWhys(long incidentId) {
        List<FiveWhys> trees = jdbc.sql("select * from five_whys where incident_id = ? order by id")
                .param(incidentId)
                .query((rs, n) -> new FiveWhys(
                        rs.getLong("id"),
                        new IncidentId(rs.getLong("incident_id")),
                        rs.getString("problem"),
                        List.of(),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getInt("version")))
                .list();
        if (trees.isEmpty()) {
            return trees;
        }
        Map<Long, ContributingFactor> factorsByNode = new HashMap<>();
        factors(List.of(incidentId)).stream()
                .filter(f -> f.whyNodeId() != null)
                .forEach(f -> factorsByNode.put(f.whyNodeId(), f));
        Map<Long, List<NodeRow>> rowsByTree = new HashMap<>();
        jdbc.sql("""
                        select n.* from why_nodes n join five_whys w on w.id = n.five_whys_id
                        where w.incident_id = ? order by n.id""").param(incidentId).query((ResultSet rs) -> {
            rowsByTree
                    .computeIfAbsent(rs.getLong("five_whys_id"), k -> new ArrayList<>())
                    .add(new NodeRow(
                            rs.getLong("id"),
                            rs.getLong("five_whys_id"),
                            rs.getObject("parent_id", Long.class),
                            rs.getString("answer"),
                            list(rs.getString("refs")),
                            rs.getInt("version")));
        });
        List<FiveWhys> result = new ArrayList<>();
        for (FiveWhys tree : trees) {
            List<WhyNode> nodes = ordered(rowsByTree.getOrDefault(tree.id(), List.of()), factorsByNode);
            result.add(new FiveWhys(
                    tree.id(), tree.incidentId(), tree.problem(), nodes, tree.createdAt(), tree.version()));
        }
        return result;
    }

    boolean updateProblem(long id, String problem, int expectedVersion) {
        return jdbc.sql("update five_whys set problem = ?, version = version + 1 where id = ? and version = ?")
                        .params(problem, id, expectedVersion)
                        .update()
                == 1;
    }

    void deleteFiveWhys(long id) {
        jdbc.sql("""
                        delete from contributing_factors
                        where why_node_id in (select n.id from why_nodes n where n.five_whys_id = ?)""").param(id).update();
        jdbc.sql("update why_nodes set parent_id = null where five_whys_id = ?")
                .param(id)
                .update();
        jdbc.sql("delete from why_nodes where five_whys_id = ?").param(id).update();
        jdbc.sql("delete from five_whys where id = ?").param(id).update();
    }

    Optional<Integer> fiveWhysVersion(long id) {
        return jdbc.sql("select version from five_whys where id = ?")
                .param(id)
                .query(Integer.class)
                .optional();
    }

    long insertNode(
            long fiveWhysId, Long parentId, String text, List<String> references, long actorId, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into why_nodes (five_whys_id, parent_id, answer, refs, created_at, created_by, version)
                        values (?, ?, ?, ?, ?, ?, 0)""")
                .params(fiveWhysId, parentId, text, lines(references), now, actorId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean updateNode(long id, Long parentId, String text, List<String> references, int expectedVersion) {
        return jdbc.sql("""
                                update why_nodes set parent_id = ?, answer = ?, refs = ?, version = version + 1
                                where id = ? and version = ?""")
                        .params(parentId, text, lines(references), id, expectedVersion)
                        .update()
                == 1;
    }

    /** Removes the answers (children before parents, so it works without relying on cascades). */
    void deleteNodes(List<Long> idsBottomUp) {
        for (Long id : idsBottomUp) {
            jdbc.sql("delete from contributing_factors where why_node_id = ?")
                    .param(id)
                    .update();
            jdbc.sql("delete from why_nodes where id = ?").param(id).update();
        }
    }

    Optional<Integer> nodeVersion(long id) {
        return jdbc.sql("select version from why_nodes where id = ?")
                .param(id)
                .query(Integer.class)
                .optional();
    }

    private record NodeRow(
            long id, long fiveWhysId, Long parentId, String text, List<String> references, int version) {}

    /** Parents before children, siblings in the order added, each with its depth. */
    private static List<WhyNode> ordered(List<NodeRow> rows, Map<Long, ContributingFactor> factors) {
        Map<Long, List<NodeRow>> children = new HashMap<>();
        for (NodeRow row : rows) {
            children.computeIfAbsent(row.parentId() == null ? 0L : row.parentId(), k -> new ArrayList<>())
                    .add(row);
        }
        List<WhyNode> nodes = new ArrayList<>();
        List<Map.Entry<NodeRow, Integer>> stack = new ArrayList<>();
        List<NodeRow> roots = children.getOrDefault(0L, List.of());
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.add(Map.entry(roots.get(i), 1));
        }
        while (!stack.isEmpty()) {
            var entry = stack.remove(stack.size() - 1);
            NodeRow row = entry.getKey();
            nodes.add(new WhyNode(
                    row.id(),
                    row.fiveWhysId(),
                    row.parentId(),
                    row.text(),
                    entry.getValue(),
                    row.references(),
                    row.version(),
                    factors.get(row.id())));
            List<NodeRow> below = children.getOrDefault(row.id(), List.of());
            for (int i = below.size() - 1; i >= 0; i--) {
                stack.add(Map.entry(below.get(i), entry.getValue() + 1));
            }
        }
        return nodes;
    }

    private static ContributingFactor factor(ResultSet rs, int n) throws SQLException {
        return new ContributingFactor(
                rs.getLong("id"),
                new IncidentId(rs.getLong("incident_id")),
                FactorKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("category_key"),
                rs.getString("description"),
                AnalysisMethod.valueOf(rs.getString("method")),
                rs.getObject("why_node_id", Long.class),
                list(rs.getString("evidence")),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getInt("version"));
    }

    private static String lines(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join("\n", values);
    }

    private static List<String> list(String lines) {
        return lines == null || lines.isBlank() ? List.of() : Arrays.asList(lines.split("\n"));
    }
}
