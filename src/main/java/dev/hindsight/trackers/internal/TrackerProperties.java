package dev.hindsight.trackers.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hindsight.trackers.*}: where the trackers are, their credentials (from the environment or properties, never
 * shown or logged) and how statuses map. Outbound maps a Hindsight status ({@code open}, {@code in_progress},
 * {@code done}, {@code wont_do}) to a tracker status; inbound maps a tracker status (any case) back.
 */
@ConfigurationProperties("hindsight.trackers")
public class TrackerProperties {

    /** Start delivering queued calls right after the change commits (otherwise only the periodic job does). */
    private boolean dispatchImmediately = true;

    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration initialBackoff = Duration.ofSeconds(30);
    private Duration maxBackoff = Duration.ofHours(1);

    private final Jira jira = new Jira();
    private final GitHub github = new GitHub();

    public static class Mapping {
        private Map<String, String> outbound = new LinkedHashMap<>();
        private Map<String, String> inbound = new LinkedHashMap<>();

        public Map<String, String> getOutbound() {
            return outbound;
        }

        public void setOutbound(Map<String, String> outbound) {
            this.outbound = outbound;
        }

        public Map<String, String> getInbound() {
            return inbound;
        }

        public void setInbound(Map<String, String> inbound) {
            this.inbound = inbound;
        }

        /** The tracker status for a Hindsight status label, or null when unmapped. */
        public String outbound(String hindsightStatus) {
            return outbound.get(hindsightStatus);
        }

        /** The Hindsight status label for a tracker status (any case), or null when unmapped. */
        public String inbound(String remoteStatus) {
            if (remoteStatus == null) {
                return null;
            }
            for (var e : inbound.entrySet()) {
                if (e.getKey().equalsIgnoreCase(remoteStatus.strip())) {
                    return e.getValue().toLowerCase(Locale.ROOT);
                }
            }
            return null;
        }
    }

    public static class Jira extends Mapping {
        private String baseUrl = "";
        private String email = "";
        private String apiToken = "";
        private String projectKey = "";
        private String issueType = "Task";
        private String webhookSecret = "";

        Jira() {
            getOutbound()
                    .putAll(Map.of(
                            "open", "To Do", "in_progress", "In Progress", "done", "Done", "wont_do", "Won't Do"));
            getInbound()
                    .putAll(Map.of(
                            "To Do", "open", "In Progress", "in_progress", "Done", "done", "Won't Do", "wont_do"));
        }

        public boolean configured() {
            return !baseUrl.isBlank() && !apiToken.isBlank() && !projectKey.isBlank();
        }

        public String getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getApiToken() {
            return apiToken;
        }

        public void setApiToken(String apiToken) {
            this.apiToken = apiToken;
        }

        public String getProjectKey() {
            return projectKey;
        }

        public void setProjectKey(String projectKey) {
            this.projectKey = projectKey;
        }

        public String getIssueType() {
            return issueType;
        }

        public void setIssueType(String issueType) {
            this.issueType = issueType;
        }

        public String getWebhookSecret() {
            return webhookSecret;
        }

        public void setWebhookSecret(String webhookSecret) {
            this.webhookSecret = webhookSecret;
        }
    }

    public static class GitHub extends Mapping {
        private String apiUrl = "https://api.github.com";
        private String token = "";
        private String repository = "";
        private String webhookSecret = "";

        GitHub() {
            getOutbound()
                    .putAll(Map.of("open", "open", "in_progress", "open", "done", "closed", "wont_do", "not_planned"));
            getInbound().putAll(Map.of("closed", "done", "not_planned", "wont_do", "open", "open"));
        }

        public boolean configured() {
            return !apiUrl.isBlank() && !token.isBlank() && repository.matches("[\\w.-]+/[\\w.-]+");
        }

        public String getApiUrl() {
            return apiUrl;
        }

        public void setApiUrl(String apiUrl) {
            this.apiUrl = apiUrl == null ? "" : apiUrl.replaceAll("/+$", "");
        }

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token;
        }

        public String getRepository() {
            return repository;
        }

        public void setRepository(String repository) {
            this.repository = repository;
        }

        public String getWebhookSecret() {
            return webhookSecret;
        }

        public void setWebhookSecret(String webhookSecret) {
            this.webhookSecret = webhookSecret;
        }
    }

    public boolean isDispatchImmediately() {
        return dispatchImmediately;
    }

    public void setDispatchImmediately(boolean dispatchImmediately) {
        this.dispatchImmediately = dispatchImmediately;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Jira getJira() {
        return jira;
    }

    public GitHub getGithub() {
        return github;
    }
}
