package dev.hindsight.trackers.internal;

import dev.hindsight.trackers.TrackerKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Jira Cloud REST API v3: {@code POST /rest/api/3/issue} (description in Atlassian Document Format), {@code GET
 * /rest/api/3/issue/{key}}, and status changes through {@code GET}/{@code POST /rest/api/3/issue/{key}/transitions}
 * (the transition whose target status, or name, is the mapped status). Basic auth with an account e-mail and API
 * token.
 */
@Component
class JiraTracker implements IssueTracker {

    private final TrackerProperties.Jira config;
    private final TrackerHttp http;

    JiraTracker(TrackerProperties properties, Clock clock) {
        this.config = properties.getJira();
        this.http = new TrackerHttp("Jira", properties, clock);
    }

    @Override
    public TrackerKind kind() {
        return TrackerKind.JIRA;
    }

    @Override
    public boolean configured() {
        return config.configured();
    }

    private Map<String, String> headers() {
        String basic = Base64.getEncoder()
                .encodeToString((config.getEmail() + ":" + config.getApiToken()).getBytes(StandardCharsets.UTF_8));
        return Map.of("Authorization", "Basic " + basic);
    }

    @Override
    public RemoteIssue create(NewIssue issue) {
        List<Object> content = new java.util.ArrayList<>();
        if (issue.description() != null && !issue.description().isBlank()) {
            content.add(paragraph(List.of(text(issue.description()))));
        }
        content.add(paragraph(List.of(
                text("Hindsight action " + issue.actionKey() + ": "),
                Map.of(
                        "type", "text",
                        "text", issue.backlink(),
                        "marks", List.of(Map.of("type", "link", "attrs", Map.of("href", issue.backlink())))))));
        Map<String, Object> fields = Map.of(
                "project", Map.of("key", config.getProjectKey()),
                "summary", issue.title(),
                "issuetype", Map.of("name", config.getIssueType()),
                "description", Map.of("type", "doc", "version", 1, "content", content));
        JsonNode created =
                http.send("POST", config.getBaseUrl() + "/rest/api/3/issue", Map.of("fields", fields), headers());
        String key = created.path("key").asString();
        return new RemoteIssue(key, browse(key), null);
    }

    @Override
    public RemoteIssue get(String key) {
        JsonNode issue = http.send("GET", issueUrl(key) + "?fields=status", null, headers());
        return new RemoteIssue(
                key,
                browse(key),
                issue.path("fields").path("status").path("name").asString(null));
    }

    @Override
    public void moveTo(String key, String remoteStatus) {
        JsonNode transitions = http.send("GET", issueUrl(key) + "/transitions", null, headers());
        for (JsonNode t : transitions.path("transitions")) {
            if (remoteStatus.equalsIgnoreCase(t.path("to").path("name").asString(""))
                    || remoteStatus.equalsIgnoreCase(t.path("name").asString(""))) {
                http.send(
                        "POST",
                        issueUrl(key) + "/transitions",
                        Map.of("transition", Map.of("id", t.path("id").asString())),
                        headers());
                return;
            }
        }
        throw new TrackerCallException(
                422, null, "Jira offers no transition of " + key + " to '" + remoteStatus + "' (check the mapping)");
    }

    @Override
    public String outbound(String hindsightStatus) {
        return config.outbound(hindsightStatus);
    }

    @Override
    public String inbound(String remoteStatus) {
        return config.inbound(remoteStatus);
    }

    private String issueUrl(String key) {
        return config.getBaseUrl() + "/rest/api/3/issue/" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    private String browse(String key) {
        return config.getBaseUrl() + "/browse/" + key;
    }

    private static Map<String, Object> paragraph(List<Object> content) {
        return Map.of("type", "paragraph", "content", content);
    }

    private static Map<String, Object> text(String text) {
        return Map.of("type", "text", "text", text);
    }
}
