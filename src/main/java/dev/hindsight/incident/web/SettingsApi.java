package dev.hindsight.incident.web;

import dev.hindsight.incident.CustomFieldDefinition;
import dev.hindsight.incident.IncidentSettings;
import dev.hindsight.incident.Severity;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.NotFoundException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Severity descriptions and custom field definitions over JSON. */
@RestController
@RequestMapping("/api/v1")
class SettingsApi {

    private final IncidentSettings settings;

    SettingsApi(IncidentSettings settings) {
        this.settings = settings;
    }

    record SeverityView(String severity, String description) {}

    record SeverityChange(String description) {}

    record FieldRequest(String key, String label, String type, Boolean required, List<String> choices) {}

    record FieldView(String key, String label, String type, boolean required, List<String> choices) {
        static FieldView of(CustomFieldDefinition d) {
            return new FieldView(d.key(), d.label(), d.type().label(), d.required(), d.choices());
        }
    }

    @GetMapping("/severities")
    List<SeverityView> severities(Actor actor) {
        return settings.severities().entrySet().stream()
                .map(e -> new SeverityView(e.getKey().label(), e.getValue()))
                .toList();
    }

    @PutMapping("/severities/{severity}")
    SeverityView describe(Actor actor, @PathVariable String severity, @RequestBody SeverityChange change) {
        Severity level = Severity.parse(severity).orElseThrow(() -> new NotFoundException("No severity " + severity));
        settings.describeSeverity(actor, level, change.description());
        return new SeverityView(level.label(), settings.severities().get(level));
    }

    @GetMapping("/custom-fields")
    List<FieldView> fields(Actor actor) {
        return settings.customFields().stream().map(FieldView::of).toList();
    }

    @PostMapping("/custom-fields")
    ResponseEntity<FieldView> define(Actor actor, @RequestBody FieldRequest request) {
        CustomFieldDefinition d = settings.defineField(
                actor,
                request.key(),
                request.label(),
                request.type(),
                Boolean.TRUE.equals(request.required()),
                request.choices());
        return ResponseEntity.created(URI.create("/api/v1/custom-fields/" + d.key()))
                .body(FieldView.of(d));
    }

    @DeleteMapping("/custom-fields/{key}")
    ResponseEntity<Void> remove(Actor actor, @PathVariable String key) {
        settings.removeField(actor, key);
        return ResponseEntity.noContent().build();
    }
}
