package dev.hindsight.trackers.internal;

import dev.hindsight.trackers.TrackerKind;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * GitHub Issues over REST: {@code POST /repos/{owner}/{repo}/issues}, {@code PATCH} and {@code GET
 * /repos/{owner}/{repo}/issues/{number}}. Ticket keys are {@code owner/repo#number}. Statuses are {@code open},
 * {@code closed} (completed) and {@code not_planned} (closed as not planned).
 */
@Component
class GitHubTracker implements IssueTracker {

    private final TrackerProperties.GitHub config;
    private final TrackerHttp http;

    GitHubTracker(TrackerProperties properties, Clock clock) {
        this.config = properties.getGithub();
        this.http = new TrackerHttp("GitHub", properties, clock);
    }

    @Override
    public TrackerKind kind() {
        return TrackerKind.GITHUB;
    }

    @Override
    public boolean configured() {
        return config.configured();
    }

    private Map<String, String> headers() {
        return Map.of(
                "Authorization", "Bearer " + config.getToken(),
                "Accept", "application/vnd.github+json",
                "X-GitHub-Api-Version", "2022-11-28");
    }

    @Override
    public RemoteIssue create(NewIssue issue) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", issue.title());
        body.put(
                "body",
                (issue.description() == null ? "" : issue.description() + "\n\n") + "Hindsight action "
                        + issue.actionKey() + ": " + issue.backlink());
        JsonNode created =
                http.send("POST", config.getApiUrl() + "/repos/" + config.getRepository() + "/issues", body, headers());
        return remote(config.getRepository(), created);
    }

    @Override
    public RemoteIssue get(String key) {
        return remote(repository(key), http.send("GET", url(key), null, headers()));
    }

    @Override
    public void moveTo(String key, String remoteStatus) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (remoteStatus) {
            case "open" -> body.put("state", "open");
            case "not_planned" -> {
                body.put("state", "closed");
                body.put("state_reason", "not_planned");
            }
            default -> {
                body.put("state", "closed");
                body.put("state_reason", "completed");
            }
        }
        http.send("PATCH", url(key), body, headers());
    }

    @Override
    public String outbound(String hindsightStatus) {
        return config.outbound(hindsightStatus);
    }

    @Override
    public String inbound(String remoteStatus) {
        return config.inbound(remoteStatus);
    }

    /** The status name of an issue payload: {@code open}, {@code closed} or {@code not_planned}. */
    static String status(JsonNode issue) {
        String state = issue.path("state").asString("open");
        if (state.equals("closed")
                && "not_planned".equals(issue.path("state_reason").asString(""))) {
            return "not_planned";
        }
        return state;
    }

    private String url(String key) {
        int hash = key.lastIndexOf('#');
        return config.getApiUrl() + "/repos/" + key.substring(0, hash) + "/issues/" + key.substring(hash + 1);
    }

    private static String repository(String key) {
        return key.substring(0, key.lastIndexOf('#'));
    }

    private static RemoteIssue remote(String repository, JsonNode issue) {
        return new RemoteIssue(
                repository + "#" + issue.path("number").asLong(),
                issue.path("html_url").asString(null),
                status(issue));
    }
}
