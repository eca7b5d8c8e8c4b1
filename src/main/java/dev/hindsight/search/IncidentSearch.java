package dev.hindsight.search;

import dev.hindsight.audit.AuditRecorded;
import dev.hindsight.catalog.CatalogService;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentFilter;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.incident.IncidentSort;
import dev.hindsight.incident.Page;
import dev.hindsight.incident.PageRequest;
import dev.hindsight.incident.Participant;
import dev.hindsight.incident.Visibility;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.Role;
import jakarta.annotation.PreDestroy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search module's API: full-text search and similar incidents, and this node's index kept current. The index is
 * rebuilt from the database when it is missing or has an older {@link #SCHEMA}; after that the node follows the
 * {@code search_changes} table (filled in the same transaction as every audited incident change), polling every few
 * seconds on every node (deliberately not under ShedLock), and remembers the last sequence it indexed in the index's
 * commit data. Sequences that were skipped (a transaction still open, or rolled back) are re-checked for a while.
 */
@Service
public class IncidentSearch {

    /** Bump when the document layout changes: every node then rebuilds its index on start. */
    static final String SCHEMA = "1";

    static final Actor INDEXER = new Actor(0L, "search-indexer", Role.ADMIN);
    private static final Logger log = LoggerFactory.getLogger(IncidentSearch.class);
    private static final Duration GAP_PATIENCE = Duration.ofMinutes(5);
    private static final int BATCH = 500;

    /** Changes older than this are pruned; a node whose index followed none for this long rebuilds on start. */
    static final Duration RETENTION = Duration.ofDays(30);

    private final IncidentManagement incidents;
    private final List<SearchContributor> contributors;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SearchEngine engine;
    private final Map<Long, Instant> gaps = new HashMap<>();

    IncidentSearch(
            IncidentManagement incidents,
            List<SearchContributor> contributors,
            JdbcClient jdbc,
            Clock clock,
            @Value("${hindsight.search.dir:${hindsight.data-dir:./data}/search-index}") Path dir)
            throws java.io.IOException {
        this.incidents = incidents;
        this.contributors = contributors;
        this.jdbc = jdbc;
        this.clock = clock;
        Files.createDirectories(dir);
        this.engine = new SearchEngine(dir);
    }

    @PreDestroy
    void close() {
        engine.close();
    }

    /** Appends the change to {@code search_changes}, in the transaction that audited it. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(AuditRecorded recorded) {
        jdbc.sql("insert into search_changes (incident_id, changed_at) values (?, ?)")
                .params(recorded.incidentId(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        ensureCurrent();
    }

    /** Rebuilds the index when it is missing or of another schema, then catches up; true when it rebuilt. */
    synchronized boolean ensureCurrent() {
        Map<String, String> data = engine.commitData();
        boolean rebuild = !SCHEMA.equals(data.get("schema"))
                || data.get("seq") == null
                || data.get("followedAt") == null
                || Instant.parse(data.get("followedAt"))
                        .isBefore(clock.instant().minus(RETENTION).plus(Duration.ofDays(1)));
        if (rebuild) {
            rebuild();
        }
        follow();
        return rebuild;
    }

    /** Drops the index and builds it again from the database. Returns how many incidents it indexed. */
    synchronized int rebuild() {
        long seq = jdbc.sql("select coalesce(max(seq), 0) from search_changes")
                .query(Long.class)
                .single();
        engine.clear();
        int count = 0;
        for (int page = 0; ; page++) {
            Page<Incident> slice = incidents.list(
                    INDEXER,
                    IncidentFilter.ALL,
                    new PageRequest(page, PageRequest.MAX_SIZE, IncidentSort.STARTED, false));
            for (Incident incident : slice.items()) {
                engine.put(document(incident));
                count++;
            }
            if (!slice.hasNext()) {
                break;
            }
        }
        gaps.clear();
        engine.commit(Map.of(
                "schema",
                SCHEMA,
                "seq",
                Long.toString(seq),
                "followedAt",
                clock.instant().toString()));
        log.info("Search index rebuilt: {} incidents, up to change {}", count, seq);
        return count;
    }

    /**
     * Indexes the incidents changed since the last change this node indexed. Runs every few seconds on every node;
     * tests call it directly. Returns how many incidents it re-indexed.
     */
    @Scheduled(fixedDelayString = "${hindsight.search.poll:PT3S}", initialDelayString = "${hindsight.search.poll:PT3S}")
    public synchronized int follow() {
        long last = Long.parseLong(engine.commitData().getOrDefault("seq", "0"));
        Instant now = clock.instant();
        gaps.values().removeIf(since -> since.plus(GAP_PATIENCE).isBefore(now));
        String sql = "select seq, incident_id from search_changes where seq > ?"
                + (gaps.isEmpty()
                        ? ""
                        : " or seq in ("
                                + String.join(
                                        ",",
                                        gaps.keySet().stream()
                                                .map(String::valueOf)
                                                .toList()) + ")")
                + " order by seq limit " + BATCH;
        record Change(long seq, long incidentId) {}
        List<Change> changes = jdbc.sql(sql)
                .param(last)
                .query((rs, n) -> new Change(rs.getLong("seq"), rs.getLong("incident_id")))
                .list();
        if (changes.isEmpty()) {
            return 0;
        }
        Set<Long> changed = new LinkedHashSet<>();
        long max = last;
        TreeSet<Long> seen = new TreeSet<>();
        for (Change c : changes) {
            changed.add(c.incidentId());
            gaps.remove(c.seq());
            seen.add(c.seq());
            max = Math.max(max, c.seq());
        }
        for (long s = last + 1; s < max; s++) {
            if (!seen.contains(s)) {
                gaps.putIfAbsent(s, now);
            }
        }
        for (long id : changed) {
            Optional<Incident> incident = incidents.find(INDEXER, new IncidentId(id));
            if (incident.isPresent()) {
                engine.put(document(incident.get()));
            } else {
                engine.remove(new IncidentId(id).key());
            }
        }
        engine.commit(Map.of("schema", SCHEMA, "seq", Long.toString(max), "followedAt", now.toString()));
        return changed.size();
    }

    /**
     * Deletes changes older than {@link #RETENTION} (one node does it, under ShedLock). Nodes that were down longer
     * than that rebuild their index on start instead of following.
     */
    @Scheduled(cron = "${hindsight.search.prune-cron:0 17 3 * * *}")
    @SchedulerLock(name = "search-changes-prune")
    @Transactional
    public void prune() {
        jdbc.sql("delete from search_changes where changed_at < ?")
                .param(OffsetDateTime.now(clock).minus(RETENTION).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
    }

    /** The last change this node's index holds. */
    long indexedSequence() {
        return Long.parseLong(engine.commitData().getOrDefault("seq", "0"));
    }

    SearchDocument document(Incident incident) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("summary", incident.summary());
        texts.put("impact", incident.impact().description());
        List<String> categories = new ArrayList<>();
        for (SearchContributor contributor : contributors) {
            SearchContributor.Contribution c = contributor.contribute(incident);
            if (c.text() != null && !c.text().isBlank()) {
                texts.merge(c.field(), c.text(), (a, b) -> a == null ? b : a + "\n" + b);
            }
            categories.addAll(c.categories());
        }
        Set<Long> readers = new LinkedHashSet<>();
        if (incident.createdBy() != null) {
            readers.add(incident.createdBy());
        }
        if (incident.commander() != null) {
            readers.add(incident.commander().userId());
        }
        incident.participants().stream().map(Participant::userId).forEach(readers::add);
        OffsetDateTime date =
                incident.keyTimes().startedAt() != null ? incident.keyTimes().startedAt() : incident.createdAt();
        return new SearchDocument(
                incident.key(),
                incident.title(),
                texts,
                incident.serviceNames(),
                incident.services().stream()
                        .map(CatalogService::teamName)
                        .filter(t -> t != null)
                        .distinct()
                        .toList(),
                incident.severity().label(),
                incident.status().label(),
                incident.tags(),
                categories,
                date == null ? null : date.toInstant(),
                incident.visibility() == Visibility.RESTRICTED,
                readers);
    }

    /**
     * One page of the incidents matching {@code query} that the actor may see, with facets over all of them.
     *
     * @throws InvalidInputException when the query cannot be parsed or the page is out of range
     */
    public SearchResults search(Actor actor, String query, int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0 || page > 1_000) {
            errors.add(new FieldError("page", "must be between 0 and 1000"));
        }
        if (size < 1 || size > 100) {
            errors.add(new FieldError("size", "must be between 1 and 100"));
        }
        if (query != null && query.length() > 1_000) {
            errors.add(new FieldError("q", "must be at most 1000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        try {
            return engine.search(query, SearchReader.of(actor), page, size, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("q", e.getMessage());
        }
    }

    /** Up to {@code limit} incidents like {@code id} that the actor may see; 404 when the actor may not see it. */
    public List<SimilarIncident> similar(Actor actor, IncidentId id, int limit) {
        Incident incident = incidents.get(actor, id);
        return engine.similar(incident.key(), SearchReader.of(actor), limit);
    }

    /** This node's engine, for tests. */
    SearchEngine engine() {
        return engine;
    }
}
