package dev.hindsight.trackers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local server speaking the parts of the GitHub Issues REST API (under {@code /github}) and the Jira Cloud REST API
 * v3 (under {@code /jira}) that Hindsight uses, keeping issue states in memory. Scripted failures are answered first,
 * one per request, before the normal behaviour.
 */
final class StubTrackers {

    record Request(String method, String path, Map<String, List<String>> headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    record Failure(int status, Map<String, String> headers) {}

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern GITHUB_ISSUE = Pattern.compile("/github/repos/([^/]+/[^/]+)/issues/(\\d+)");
    private static final Pattern JIRA_ISSUE = Pattern.compile("/jira/rest/api/3/issue/([A-Z]+-\\d+)(/transitions)?");

    final List<Request> requests = new ArrayList<>();
    final Deque<Failure> failures = new ArrayDeque<>();
    final Map<String, String> githubStates = new ConcurrentHashMap<>();
    final Map<String, String> jiraStates = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger(1);
    private final HttpServer server;

    StubTrackers() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    synchronized void reset() {
        requests.clear();
        failures.clear();
    }

    synchronized void failNext(int status, Map<String, String> headers) {
        failures.add(new Failure(status, headers));
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(method, path, Map.copyOf(exchange.getRequestHeaders()), body));
        Failure failure = failures.poll();
        if (failure != null) {
            failure.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            send(exchange, failure.status(), "{\"message\":\"scripted failure\"}");
            return;
        }
        if (path.startsWith("/github/")) {
            github(exchange, method, path, body);
        } else if (path.startsWith("/jira/")) {
            jira(exchange, method, path, body);
        } else {
            send(exchange, 404, "{}");
        }
    }

    private void github(HttpExchange exchange, String method, String path, String body) throws IOException {
        if (!"Bearer gh-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"message\":\"Bad credentials\"}");
            return;
        }
        Matcher issue = GITHUB_ISSUE.matcher(path);
        if (method.equals("POST") && path.matches("/github/repos/[^/]+/[^/]+/issues")) {
            String repo = path.substring("/github/repos/".length(), path.length() - "/issues".length());
            int number = next.getAndIncrement();
            githubStates.put(repo + "#" + number, "open");
            send(exchange, 201, githubIssue(repo, number));
        } else if (issue.matches() && githubStates.containsKey(issue.group(1) + "#" + issue.group(2))) {
            String key = issue.group(1) + "#" + issue.group(2);
            if (method.equals("PATCH")) {
                JsonNode patch = JSON.readTree(body);
                String state = patch.path("state").asString();
                githubStates.put(
                        key,
                        state.equals("closed")
                                        && "not_planned"
                                                .equals(patch.path("state_reason")
                                                        .asString(""))
                                ? "not_planned"
                                : state);
            }
            send(exchange, 200, githubIssue(issue.group(1), Integer.parseInt(issue.group(2))));
        } else {
            send(exchange, 404, "{\"message\":\"Not Found\"}");
        }
    }

    private String githubIssue(String repo, int number) {
        String state = githubStates.get(repo + "#" + number);
        boolean notPlanned = "not_planned".equals(state);
        return JSON.writeValueAsString(Map.of(
                "number",
                number,
                "html_url",
                "https://github.example/" + repo + "/issues/" + number,
                "state",
                notPlanned ? "closed" : state,
                "state_reason",
                notPlanned ? "not_planned" : (state.equals("closed") ? "completed" : "reopened")));
    }

    private void jira(HttpExchange exchange, String method, String path, String body) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString("bot@example.com:jira-token".getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(auth)) {
            send(exchange, 401, "{}");
            return;
        }
        Matcher issue = JIRA_ISSUE.matcher(path);
        if (method.equals("POST") && path.equals("/jira/rest/api/3/issue")) {
            String key = "OPS-" + next.getAndIncrement();
            jiraStates.put(key, "To Do");
            send(exchange, 201, JSON.writeValueAsString(Map.of("id", "100", "key", key, "self", url() + path)));
        } else if (issue.matches() && jiraStates.containsKey(issue.group(1))) {
            String key = issue.group(1);
            if (issue.group(2) == null) {
                send(
                        exchange,
                        200,
                        JSON.writeValueAsString(
                                Map.of("key", key, "fields", Map.of("status", Map.of("name", jiraStates.get(key))))));
            } else if (method.equals("GET")) {
                send(
                        exchange,
                        200,
                        JSON.writeValueAsString(Map.of(
                                "transitions",
                                List.of(
                                        transition("11", "Start", "In Progress"),
                                        transition("21", "Finish", "Done"),
                                        transition("31", "Back to do", "To Do"),
                                        transition("41", "Drop", "Won't Do")))));
            } else {
                String id = JSON.readTree(body).path("transition").path("id").asString();
                jiraStates.put(
                        key,
                        switch (id) {
                            case "11" -> "In Progress";
                            case "21" -> "Done";
                            case "31" -> "To Do";
                            default -> "Won't Do";
                        });
                send(exchange, 204, "");
            }
        } else {
            send(exchange, 404, "{\"errorMessages\":[\"Issue does not exist\"]}");
        }
    }

    private static Map<String, Object> transition(String id, String name, String to) {
        return Map.of("id", id, "name", name, "to", Map.of("name", to));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
