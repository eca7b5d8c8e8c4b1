package dev.hindsight.evidence.internal.sources;

import static dev.hindsight.evidence.internal.sources.Json.firstNonNull;
import static dev.hindsight.evidence.internal.sources.Json.object;
import static dev.hindsight.evidence.internal.sources.Json.text;

import dev.hindsight.evidence.EvidenceEventKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Alert webhooks: Prometheus Alertmanager, Grafana unified alerting (the same shape with {@code orgId}, {@code state},
 * {@code values}), Grafana legacy ({@code evalMatches}, {@code ruleName}; it has no time, so it is dated when
 * received), PagerDuty v3 webhooks ({@code event.event_type}) and Opsgenie webhooks ({@code action} + {@code alert}).
 * Resolved / closed becomes {@code ALERT_RESOLVED}; everything else about an open alert (triggered, acknowledged,
 * escalated, annotated, ...) {@code ALERT_FIRING}, with the action in the {@code status} attribute.
 */
final class AlertPayloads {

    static final List<String> FORMATS = List.of("alertmanager", "grafana", "pagerduty", "opsgenie");
    static final String EXPECTED = "an alert webhook payload (Alertmanager, Grafana, PagerDuty v3 or Opsgenie)";

    private AlertPayloads() {}

    /** The format of one payload document, or null when it is none of them. */
    static String detect(JsonNode doc) {
        if (!doc.isObject()) {
            return null;
        }
        JsonNode event = object(doc, "event");
        if (event != null && event.has("event_type")) {
            return "pagerduty";
        }
        if (doc.has("action") && object(doc, "alert") != null) {
            return "opsgenie";
        }
        if (doc.has("evalMatches") || doc.has("ruleName")) {
            return "grafana";
        }
        if (doc.has("alerts") && doc.get("alerts").isArray()) {
            return doc.has("orgId") || doc.has("state") ? "grafana" : "alertmanager";
        }
        return null;
    }

    static void read(Json.Document doc, String format, Collected out) {
        JsonNode node = doc.node();
        String detected = detect(node);
        if (detected == null || (format != null && !compatible(format, detected))) {
            out.unparsed.add("lines " + doc.firstLine() + "-" + doc.lastLine() + ": not "
                    + (format == null ? EXPECTED : "a " + format + " payload") + ": " + Json.cut(node.toString(), 200));
            return;
        }
        out.items++;
        switch (detected) {
            case "pagerduty" -> pagerDuty(doc, out);
            case "opsgenie" -> opsgenie(doc, out);
            default -> {
                if (node.has("alerts")) {
                    alertmanager(doc, detected, out);
                } else {
                    grafanaLegacy(doc, out);
                }
            }
        }
    }

    private static boolean compatible(String format, String detected) {
        return format.equals(detected)
                || (format.equals("alertmanager") && detected.equals("grafana"))
                || (format.equals("grafana") && detected.equals("alertmanager"));
    }

    private static void alertmanager(Json.Document doc, String source, Collected out) {
        JsonNode payload = doc.node();
        Map<String, String> common = Json.strings(object(payload, "commonLabels"));
        String payloadStatus = text(payload, "status");
        for (JsonNode alert : payload.get("alerts")) {
            Map<String, String> labels = Json.strings(object(alert, "labels"));
            Map<String, String> annotations = Json.strings(object(alert, "annotations"));
            String status = firstNonNull(text(alert, "status"), payloadStatus, "firing");
            boolean resolved = status.equalsIgnoreCase("resolved");
            Instant starts = out.time(text(alert, "startsAt"));
            Instant ends = out.time(text(alert, "endsAt"));
            Instant at = resolved && ends != null ? ends : starts;
            Map<String, String> attributes = new LinkedHashMap<>();
            if (at == null) {
                at = out.received;
                attributes.put("time", "received");
            }
            String name = firstNonNull(labels.get("alertname"), common.get("alertname"), annotations.get("name"));
            attributes.put("source", source);
            attributes.put("alertname", name);
            attributes.put("severity", firstNonNull(labels.get("severity"), common.get("severity")));
            attributes.put("service", firstNonNull(labels.get("service"), labels.get("app"), labels.get("job")));
            attributes.put("status", status.toLowerCase(Locale.ROOT));
            attributes.put(
                    "url",
                    firstNonNull(text(alert, "generatorURL"), text(alert, "panelURL"), text(alert, "dashboardURL")));
            attributes.put("fingerprint", text(alert, "fingerprint"));
            List<String> details = new java.util.ArrayList<>();
            details.add(annotations.remove("summary"));
            details.add(annotations.remove("description"));
            annotations.forEach((k, v) -> details.add(k + ": " + v));
            details.add(text(alert, "valueString"));
            String detail =
                    details.stream().filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("\n"));
            out.event(
                    at,
                    resolved ? EvidenceEventKind.ALERT_RESOLVED : EvidenceEventKind.ALERT_FIRING,
                    title(name, labels),
                    detail,
                    doc.firstLine(),
                    doc.lastLine(),
                    attributes);
        }
    }

    private static String title(String name, Map<String, String> labels) {
        String summary = labels.entrySet().stream()
                .filter(e -> !e.getKey().equals("alertname"))
                .limit(5)
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        String base = name == null ? "Alert" : name;
        return summary.isEmpty() ? base : base + " {" + summary + "}";
    }

    private static void grafanaLegacy(Json.Document doc, Collected out) {
        JsonNode payload = doc.node();
        String state = firstNonNull(text(payload, "state"), "alerting").toLowerCase(Locale.ROOT);
        String name = firstNonNull(text(payload, "ruleName"), text(payload, "title"), "Grafana alert");
        StringBuilder matches = new StringBuilder();
        JsonNode evalMatches = payload.get("evalMatches");
        if (evalMatches != null && evalMatches.isArray()) {
            for (JsonNode m : evalMatches) {
                if (!matches.isEmpty()) {
                    matches.append(", ");
                }
                matches.append(text(m, "metric")).append('=').append(text(m, "value"));
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("source", "grafana");
        attributes.put("alertname", name);
        attributes.put("status", state);
        attributes.put("url", text(payload, "ruleUrl"));
        attributes.put("time", "received");
        out.event(
                out.received,
                state.equals("ok") ? EvidenceEventKind.ALERT_RESOLVED : EvidenceEventKind.ALERT_FIRING,
                matches.isEmpty() ? name : name + " {" + matches + "}",
                text(payload, "message"),
                doc.firstLine(),
                doc.lastLine(),
                attributes);
    }

    private static void pagerDuty(Json.Document doc, Collected out) {
        JsonNode event = object(doc.node(), "event");
        String type = text(event, "event_type");
        String action = type.startsWith("incident.") ? type.substring("incident.".length()) : type;
        JsonNode data = object(event, "data");
        JsonNode incident = data == null ? null : (object(data, "incident") != null ? object(data, "incident") : data);
        String incidentTitle = firstNonNull(text(incident, "title"), text(incident, "summary"), "PagerDuty incident");
        String detail = data == null ? null : firstNonNull(text(data, "content"), text(data, "message"));
        Map<String, String> attributes = new LinkedHashMap<>();
        Instant at = out.time(text(event, "occurred_at"));
        if (at == null) {
            at = out.received;
            attributes.put("time", "received");
        }
        attributes.put("source", "pagerduty");
        attributes.put("alertname", incidentTitle);
        attributes.put("severity", text(incident, "urgency"));
        attributes.put("priority", text(object(incident, "priority"), "summary"));
        attributes.put("service", text(object(incident, "service"), "summary"));
        attributes.put("status", action);
        attributes.put("url", text(incident, "html_url"));
        attributes.put("author", text(object(event, "agent"), "summary"));
        attributes.put("incident", text(incident, "id"));
        out.event(
                at,
                action.equals("resolved") ? EvidenceEventKind.ALERT_RESOLVED : EvidenceEventKind.ALERT_FIRING,
                incidentTitle + " (" + action.replace('_', ' ') + ")",
                detail,
                doc.firstLine(),
                doc.lastLine(),
                attributes);
    }

    private static void opsgenie(Json.Document doc, Collected out) {
        JsonNode payload = doc.node();
        JsonNode alert = object(payload, "alert");
        String action = text(payload, "action");
        String status = action.toLowerCase(Locale.ROOT);
        Instant created = out.time(text(alert, "createdAt"));
        Instant updated = out.time(text(alert, "updatedAt"));
        Instant at = status.equals("create") ? firstTime(created, updated) : firstTime(updated, created);
        Map<String, String> attributes = new LinkedHashMap<>();
        if (at == null) {
            at = out.received;
            attributes.put("time", "received");
        }
        String message = firstNonNull(
                text(alert, "message"),
                "Opsgenie alert " + firstNonNull(text(alert, "tinyId"), text(alert, "alias"), text(alert, "alertId")));
        attributes.put("source", "opsgenie");
        attributes.put("alertname", message);
        String priority = text(alert, "priority");
        attributes.put("severity", priority == null ? null : priority.startsWith("P") ? priority : "P" + priority);
        attributes.put("service", text(alert, "entity"));
        attributes.put("status", status);
        attributes.put("author", text(alert, "username"));
        attributes.put("alias", text(alert, "alias"));
        attributes.put("escalation", text(payload, "escalationName"));
        JsonNode tags = alert.get("tags");
        if (tags != null && tags.isArray() && !tags.isEmpty()) {
            attributes.put("tags", tags.valueStream().map(JsonNode::asString).collect(Collectors.joining(",")));
        }
        out.event(
                at,
                status.equals("close") || status.equals("delete")
                        ? EvidenceEventKind.ALERT_RESOLVED
                        : EvidenceEventKind.ALERT_FIRING,
                message + " (" + status + ")",
                text(alert, "description"),
                doc.firstLine(),
                doc.lastLine(),
                attributes);
    }

    private static Instant firstTime(Instant a, Instant b) {
        return a != null ? a : b;
    }
}
