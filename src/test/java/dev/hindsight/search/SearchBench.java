package dev.hindsight.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Benchmark, not a test: generates N synthetic postmortems (seeded), indexes them, and measures p50/p99 latency of
 * typical queries through Hindsight's search path (visibility filter, facet counts, highlighting, first page) next to
 * the same parsed query on raw Lucene (top 20, nothing else). Run as documented in docs/benchmarks.md.
 */
public final class SearchBench {

    private static final String[] SERVICES = {
        "checkout-api", "payments", "search", "auth", "inventory", "shipping", "notifications", "catalog", "billing",
        "gateway", "ledger", "reporting", "mobile-backend", "cdn", "dns", "kafka", "postgres", "redis"
    };
    private static final String[] CATEGORIES = {
        "change", "capacity", "dependency", "configuration", "detection-gap", "process", "tooling", "knowledge"
    };
    private static final String[] PHRASES = {
        "connection pool exhausted",
        "certificate expired",
        "dns resolution failed",
        "deploy rolled back",
        "memory leak in worker",
        "disk filled up",
        "replica lag grew",
        "rate limiter misconfigured",
        "cache stampede after restart",
        "feature flag enabled for everyone",
        "timeout too aggressive",
        "retry storm overloaded the database",
        "load balancer health checks failed",
        "clock skew between nodes",
        "queue backlog kept growing",
        "schema migration locked the table",
        "third party api returned errors",
        "alert did not fire",
        "runbook was out of date",
        "on call could not reach the dashboard"
    };
    private static final String[] WORDS = {
        "customers",
        "errors",
        "latency",
        "region",
        "traffic",
        "requests",
        "users",
        "orders",
        "nodes",
        "cluster",
        "release",
        "config",
        "monitoring",
        "team",
        "rollback",
        "failover",
        "capacity",
        "incident",
        "mitigation",
        "degraded",
        "recovered",
        "investigation",
        "engineers",
        "pager",
        "metrics",
        "logs",
        "spike",
        "upstream"
    };
    private static final String[] QUERIES = {
        "database timeout",
        "\"connection pool exhausted\"",
        "certificate expired service:payments",
        "dns severity:sev1",
        "rollback category:change",
        "retry storm database -redis",
        "alert monitoring date:[2025-01-01 TO *]",
    };

    private SearchBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dir = Files.createTempDirectory("hindsight-search-bench");
        Random random = new Random(42);
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        try (SearchEngine engine = new SearchEngine(dir)) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                engine.put(document(i, random, now));
            }
            engine.commit(Map.of());
            System.out.printf("indexed %,d postmortems in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
            SearchReader reader = new SearchReader(7, false);
            System.out.printf(
                    "%-45s %8s %10s %10s %10s %10s%n", "query", "hits", "ours p50", "ours p99", "raw p50", "raw p99");
            for (String q : QUERIES) {
                Query parsed = engine.parse(q);
                long[] ours = new long[runs];
                long[] raw = new long[runs];
                long hits = 0;
                for (int r = -runs / 4; r < runs; r++) {
                    long t0 = System.nanoTime();
                    SearchResults results = engine.search(q, reader, 0, 20, now);
                    long t1 = System.nanoTime();
                    IndexSearcher searcher = engine.acquire();
                    try {
                        searcher.search(parsed, 20);
                    } finally {
                        engine.release(searcher);
                    }
                    long t2 = System.nanoTime();
                    if (r >= 0) {
                        ours[r] = t1 - t0;
                        raw[r] = t2 - t1;
                    }
                    hits = results.total();
                }
                System.out.printf(
                        "%-45s %8d %8.2fms %8.2fms %8.2fms %8.2fms%n",
                        q, hits, ms(ours, 0.50), ms(ours, 0.99), ms(raw, 0.50), ms(raw, 0.99));
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double ms(long[] nanos, double quantile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    static SearchDocument document(int i, Random random, Instant now) {
        String phrase = PHRASES[random.nextInt(PHRASES.length)];
        String service = SERVICES[random.nextInt(SERVICES.length)];
        List<String> services =
                random.nextInt(4) == 0 ? List.of(service, SERVICES[random.nextInt(SERVICES.length)]) : List.of(service);
        return new SearchDocument(
                "INC-" + (i + 1),
                service + ": " + phrase,
                Map.of(
                        "summary", sentence(random, phrase, 40),
                        "impact", sentence(random, null, 15),
                        "factors", PHRASES[random.nextInt(PHRASES.length)] + ". " + sentence(random, null, 10),
                        "actions", sentence(random, null, 12)),
                services,
                List.of("team-" + (service.hashCode() & 7)),
                "SEV" + (1 + random.nextInt(5)),
                random.nextInt(10) == 0 ? "investigating" : "resolved",
                List.of("tag" + random.nextInt(50)),
                List.of(CATEGORIES[random.nextInt(CATEGORIES.length)]),
                now.minus(random.nextInt(3 * 365), ChronoUnit.DAYS),
                random.nextInt(20) == 0,
                Set.of((long) random.nextInt(100)));
    }

    private static String sentence(Random random, String phrase, int words) {
        List<String> out = new ArrayList<>();
        for (int w = 0; w < words; w++) {
            out.add(WORDS[random.nextInt(WORDS.length)]);
            if (phrase != null && w == words / 2) {
                out.add(phrase);
            }
        }
        return String.join(" ", out);
    }
}
