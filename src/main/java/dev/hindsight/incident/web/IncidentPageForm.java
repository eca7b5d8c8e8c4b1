package dev.hindsight.incident.web;

import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentForm;
import dev.hindsight.incident.IncidentLink;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incident form as the HTML page posts it: plain strings, times as {@code datetime-local} values in the
 * browser's time zone, participants one per line ("username role"), links one per line ("label | url").
 */
public class IncidentPageForm {

    private String title;
    private String summary;
    private String severity = "SEV3";
    private String status = "investigating";
    private String visibility = "normal";
    private List<String> services = new ArrayList<>();
    private String impactDescription;
    private String usersAffected;
    private String errorBudgetConsumed;
    private String startedAt;
    private String detectedAt;
    private String acknowledgedAt;
    private String mitigatedAt;
    private String resolvedAt;
    private String commander;
    private String participants;
    private String tags;
    private String links;
    private Map<String, String> customFields = new LinkedHashMap<>();
    private int version;

    static IncidentPageForm of(Incident incident, ZoneId zone) {
        IncidentPageForm f = new IncidentPageForm();
        f.title = incident.title();
        f.summary = incident.summary();
        f.severity = incident.severity().label();
        f.status = incident.status().label();
        f.visibility = incident.visibility().label();
        f.services = new ArrayList<>(incident.serviceNames());
        f.impactDescription = incident.impact().description();
        f.usersAffected = incident.impact().usersAffected() == null
                ? null
                : incident.impact().usersAffected().toString();
        f.errorBudgetConsumed = incident.impact().errorBudgetConsumed() == null
                ? null
                : incident.impact().errorBudgetConsumed().toString();
        var t = incident.keyTimes();
        f.startedAt = local(t.startedAt(), zone);
        f.detectedAt = local(t.detectedAt(), zone);
        f.acknowledgedAt = local(t.acknowledgedAt(), zone);
        f.mitigatedAt = local(t.mitigatedAt(), zone);
        f.resolvedAt = local(t.resolvedAt(), zone);
        f.commander = incident.commander() == null ? null : incident.commander().username();
        f.participants = String.join(
                "\n",
                incident.participants().stream()
                        .map(p -> p.username() + " " + p.role().label())
                        .toList());
        f.tags = String.join(", ", incident.tags());
        f.links = String.join(
                "\n",
                incident.links().stream().map(l -> l.label() + " | " + l.url()).toList());
        f.customFields = new LinkedHashMap<>(incident.customFields());
        f.version = incident.version();
        return f;
    }

    /** Converts to the domain form; throws {@link InvalidInputException} for values that do not even parse. */
    IncidentForm toForm(ZoneId zone) {
        List<FieldError> errors = new ArrayList<>();
        Long users = parseLong("impact.usersAffected", usersAffected, errors);
        Double budget = parseDouble("impact.errorBudgetConsumed", errorBudgetConsumed, errors);
        OffsetDateTime started = time("keyTimes.startedAt", startedAt, zone, errors);
        OffsetDateTime detected = time("keyTimes.detectedAt", detectedAt, zone, errors);
        OffsetDateTime acknowledged = time("keyTimes.acknowledgedAt", acknowledgedAt, zone, errors);
        OffsetDateTime mitigated = time("keyTimes.mitigatedAt", mitigatedAt, zone, errors);
        OffsetDateTime resolved = time("keyTimes.resolvedAt", resolvedAt, zone, errors);
        List<IncidentForm.ParticipantEntry> people = new ArrayList<>();
        for (String line : lines(participants)) {
            String[] parts = line.trim().split("\\s+", 2);
            people.add(new IncidentForm.ParticipantEntry(parts[0], parts.length > 1 ? parts[1] : "responder"));
        }
        List<IncidentLink> linkList = new ArrayList<>();
        for (String line : lines(links)) {
            int bar = line.lastIndexOf('|');
            linkList.add(
                    bar < 0
                            ? new IncidentLink(null, line.trim())
                            : new IncidentLink(
                                    line.substring(0, bar).trim(),
                                    line.substring(bar + 1).trim()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new IncidentForm(
                title,
                summary,
                severity,
                status,
                visibility,
                services,
                impactDescription,
                users,
                budget,
                started,
                detected,
                acknowledged,
                mitigated,
                resolved,
                commander,
                people,
                tags == null
                        ? List.of()
                        : Arrays.stream(tags.split(","))
                                .map(String::trim)
                                .filter(s -> !s.isEmpty())
                                .toList(),
                linkList,
                customFields);
    }

    private static List<String> lines(String text) {
        return text == null
                ? List.of()
                : text.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String local(OffsetDateTime time, ZoneId zone) {
        return time == null
                ? null
                : time.atZoneSameInstant(zone)
                        .toLocalDateTime()
                        .truncatedTo(ChronoUnit.MINUTES)
                        .toString();
    }

    private static OffsetDateTime time(String field, String value, ZoneId zone, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + value + "' is not a date and time"));
            return null;
        }
    }

    private static Long parseLong(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "'" + value + "' is not a whole number"));
            return null;
        }
    }

    private static Double parseDouble(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "'" + value + "' is not a number"));
            return null;
        }
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getVisibility() {
        return visibility;
    }

    public void setVisibility(String visibility) {
        this.visibility = visibility;
    }

    public List<String> getServices() {
        return services;
    }

    public void setServices(List<String> services) {
        this.services = services;
    }

    public String getImpactDescription() {
        return impactDescription;
    }

    public void setImpactDescription(String impactDescription) {
        this.impactDescription = impactDescription;
    }

    public String getUsersAffected() {
        return usersAffected;
    }

    public void setUsersAffected(String usersAffected) {
        this.usersAffected = usersAffected;
    }

    public String getErrorBudgetConsumed() {
        return errorBudgetConsumed;
    }

    public void setErrorBudgetConsumed(String errorBudgetConsumed) {
        this.errorBudgetConsumed = errorBudgetConsumed;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public String getDetectedAt() {
        return detectedAt;
    }

    public void setDetectedAt(String detectedAt) {
        this.detectedAt = detectedAt;
    }

    public String getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public void setAcknowledgedAt(String acknowledgedAt) {
        this.acknowledgedAt = acknowledgedAt;
    }

    public String getMitigatedAt() {
        return mitigatedAt;
    }

    public void setMitigatedAt(String mitigatedAt) {
        this.mitigatedAt = mitigatedAt;
    }

    public String getResolvedAt() {
        return resolvedAt;
    }

    public void setResolvedAt(String resolvedAt) {
        this.resolvedAt = resolvedAt;
    }

    public String getCommander() {
        return commander;
    }

    public void setCommander(String commander) {
        this.commander = commander;
    }

    public String getParticipants() {
        return participants;
    }

    public void setParticipants(String participants) {
        this.participants = participants;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getLinks() {
        return links;
    }

    public void setLinks(String links) {
        this.links = links;
    }

    public Map<String, String> getCustomFields() {
        return customFields;
    }

    public void setCustomFields(Map<String, String> customFields) {
        this.customFields = customFields;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
