package dev.hindsight.evidence.internal.sources;

import static dev.hindsight.evidence.internal.sources.Json.firstNonNull;
import static dev.hindsight.evidence.internal.sources.Json.object;
import static dev.hindsight.evidence.internal.sources.Json.text;

import dev.hindsight.evidence.EvidenceEventKind;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Deploys and changes: GitHub {@code deployment} and {@code deployment_status} webhooks (and other GitHub webhooks
 * that carry a {@code deployment}, such as a {@code workflow_job}) become {@code DEPLOY} events; other GitHub events
 * (check runs, commit statuses, ...) are counted as unparsed. A CSV of changes with a header row becomes
 * {@code CHANGE} events: a time column ({@code time}, {@code timestamp}, {@code date}, {@code at}, {@code when},
 * {@code created_at}) is required; {@code service}, {@code description}/{@code summary}, {@code author} and
 * {@code type} are recognised by several names (any case); other non-empty columns become attributes.
 */
final class DeployPayloads {

    static final String EXPECTED_JSON = "a GitHub deployment or deployment_status webhook payload";
    static final int MAX_CHANGES = 20_000;

    static final List<String> TIME = List.of("time", "timestamp", "date", "datetime", "at", "when", "created_at");
    static final List<String> SERVICE = List.of("service", "component", "system", "app", "application");
    static final List<String> DESCRIPTION =
            List.of("description", "summary", "change", "title", "message", "details", "what");
    static final List<String> AUTHOR = List.of("author", "user", "by", "who", "owner", "changed_by");
    static final List<String> TYPE = List.of("type", "kind", "category");

    private DeployPayloads() {}

    static void github(Json.Document doc, Collected out) {
        JsonNode payload = doc.node();
        JsonNode deployment = object(payload, "deployment");
        if (deployment == null) {
            String event = payload.isObject()
                    ? payload.propertyNames().stream()
                            .filter(k -> !List.of("action", "repository", "sender", "organization", "installation")
                                    .contains(k))
                            .findFirst()
                            .orElse("unknown")
                    : "not an object";
            out.unparsed.add("lines " + doc.firstLine() + "-" + doc.lastLine() + ": a GitHub payload without a "
                    + "deployment (" + event + (text(payload, "action") == null ? "" : " " + text(payload, "action"))
                    + ")");
            return;
        }
        out.items++;
        JsonNode status = object(payload, "deployment_status");
        JsonNode repository = object(payload, "repository");
        String state = status != null
                ? firstNonNull(text(status, "state"), "unknown")
                : firstNonNull(text(object(payload, "workflow_job"), "status"), text(payload, "action"), "created");
        Instant at = out.time(status != null ? text(status, "created_at") : text(deployment, "created_at"));
        Map<String, String> attributes = new LinkedHashMap<>();
        if (at == null) {
            at = out.received;
            attributes.put("time", "received");
        }
        String environment = firstNonNull(
                text(status, "environment"), text(deployment, "environment"), text(payload, "environment"));
        String sha = text(deployment, "sha");
        String ref = text(deployment, "ref");
        String repo = text(repository, "full_name");
        attributes.put("source", "github");
        attributes.put("environment", environment);
        attributes.put("sha", sha);
        attributes.put("ref", ref);
        attributes.put("status", state);
        attributes.put("service", text(repository, "name"));
        attributes.put("repository", repo);
        attributes.put("task", text(deployment, "task"));
        attributes.put(
                "author",
                firstNonNull(
                        text(object(status, "creator"), "login"),
                        text(object(deployment, "creator"), "login"),
                        text(object(payload, "sender"), "login")));
        attributes.put(
                "url",
                firstNonNull(
                        text(status, "target_url"),
                        text(status, "log_url"),
                        text(status, "environment_url"),
                        text(deployment, "url")));
        String title = "Deploy " + (repo == null ? "" : repo + " ")
                + (ref == null ? "" : ref + " ")
                + (sha == null ? "" : "(" + sha.substring(0, Math.min(7, sha.length())) + ") ")
                + "to " + firstNonNull(environment, "an environment") + ": " + state;
        out.event(
                at,
                EvidenceEventKind.DEPLOY,
                title,
                firstNonNull(text(status, "description"), text(deployment, "description")),
                doc.firstLine(),
                doc.lastLine(),
                attributes);
    }

    static void changesCsv(InputStream in, Collected out) {
        Csv.read(in, out.unparsed, (header, row) -> {
            int time = Csv.column(header, TIME);
            if (time < 0) {
                if (out.unparsed.count() == 0) {
                    out.unparsed.add("1: no time column (one of " + String.join(", ", TIME) + ") in the header "
                            + String.join(",", header));
                } else {
                    out.unparsed.add(Csv.describe(row));
                }
                return;
            }
            Instant at = out.time(row.get(time));
            if (at == null) {
                out.unparsed.add(Csv.describe(row) + " (no readable time)");
                return;
            }
            out.items++;
            if (out.events.size() >= MAX_CHANGES) {
                out.unparsed.add(Csv.describe(row) + " (more than " + MAX_CHANGES + " changes)");
                return;
            }
            int service = Csv.column(header, SERVICE);
            int description = Csv.column(header, DESCRIPTION);
            int author = Csv.column(header, AUTHOR);
            int type = Csv.column(header, TYPE);
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("source", "csv");
            attributes.put("service", row.get(service));
            attributes.put("author", row.get(author));
            attributes.put("type", row.get(type));
            for (int i = 0; i < header.size() && attributes.size() < 16; i++) {
                if (i != time
                        && i != service
                        && i != description
                        && i != author
                        && i != type
                        && !header.get(i).isBlank()) {
                    attributes.putIfAbsent(header.get(i), row.get(i));
                }
            }
            String what = firstNonNull(row.get(description), row.get(type), "change");
            String title = row.get(service) == null ? what : row.get(service) + ": " + what;
            out.event(
                    at,
                    EvidenceEventKind.CHANGE,
                    title,
                    row.get(description),
                    row.firstLine(),
                    row.lastLine(),
                    attributes);
        });
    }
}
