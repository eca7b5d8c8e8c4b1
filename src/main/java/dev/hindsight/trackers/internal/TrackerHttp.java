package dev.hindsight.trackers.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over the JDK HttpClient with timeouts; turns every failure into a {@link TrackerCallException}. */
final class TrackerHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;
    private final String name;

    TrackerHttp(String name, TrackerProperties properties, Clock clock) {
        this.name = name;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = properties.getRequestTimeout();
        this.clock = clock;
    }

    /** Sends a request with a JSON body (or none) and the given headers; returns the JSON answer (or null if empty). */
    JsonNode send(String method, String url, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TrackerCallException(
                    0, null, name + " could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackerCallException(0, null, name + " call interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            String text = response.body();
            return text == null || text.isBlank() ? null : JSON.readTree(text);
        }
        Duration retryAfter = response.headers()
                .firstValue("Retry-After")
                .map(this::retryAfter)
                .orElse(null);
        throw new TrackerCallException(status, retryAfter, describe(status, method, url));
    }

    private String describe(int status, String method, String url) {
        String path = URI.create(url).getPath();
        return switch (status) {
            case 401 -> name + " refused the credentials (401) for " + method + " " + path;
            case 403 -> name + " forbade " + method + " " + path + " (403)";
            case 404 -> name + " has no " + path + " (404)";
            case 429 -> name + " is rate limiting (429)";
            default -> name + " answered " + status + " to " + method + " " + path;
        };
    }

    /** Retry-After as seconds or an HTTP date; null when unreadable. */
    Duration retryAfter(String value) {
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }
}
