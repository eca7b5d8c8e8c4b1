package dev.hindsight.incident;

import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.shared.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What admins configure about incidents: the severity descriptions and the custom fields. */
@Service
public class IncidentSettings {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,59}");

    private final JdbcClient jdbc;

    IncidentSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** SEV1..SEV5 with their descriptions, most severe first. */
    public Map<Severity, String> severities() {
        Map<Severity, String> map = new LinkedHashMap<>();
        jdbc.sql("select level, description from severity_levels order by level")
                .query((rs, n) -> Map.entry(new Severity(rs.getInt(1)), rs.getString(2)))
                .list()
                .forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /** Changes what a severity level means. Admins only. */
    @Transactional
    public void describeSeverity(Actor actor, Severity severity, String description) {
        actor.require(Role.ADMIN);
        if (description == null || description.isBlank() || description.length() > 500) {
            throw new InvalidInputException("description", "1 to 500 characters");
        }
        jdbc.sql("update severity_levels set description = ? where level = ?")
                .params(description.trim(), severity.level())
                .update();
    }

    /** The custom fields in display order. */
    public List<CustomFieldDefinition> customFields() {
        return jdbc.sql("select * from custom_field_definitions order by position, id")
                .query((rs, n) -> new CustomFieldDefinition(
                        rs.getLong("id"),
                        rs.getString("field_key"),
                        rs.getString("label"),
                        CustomFieldType.valueOf(rs.getString("field_type")),
                        rs.getBoolean("required"),
                        rs.getString("choices") == null
                                ? List.of()
                                : Arrays.stream(rs.getString("choices").split("\n"))
                                        .map(String::trim)
                                        .filter(s -> !s.isEmpty())
                                        .toList(),
                        rs.getInt("position")))
                .list();
    }

    /** Defines a custom field. Admins only. {@code choices} is used for choice fields only. */
    @Transactional
    public CustomFieldDefinition defineField(
            Actor actor, String key, String label, String type, boolean required, List<String> choices) {
        actor.require(Role.ADMIN);
        List<FieldError> errors = new ArrayList<>();
        String k = key == null ? "" : key.trim();
        if (!KEY.matcher(k).matches()) {
            errors.add(
                    new FieldError("key", "lower-case letters, digits and '_', starting with a letter (e.g. region)"));
        }
        if (label == null || label.isBlank() || label.length() > 120) {
            errors.add(new FieldError("label", "1 to 120 characters"));
        }
        var fieldType = CustomFieldType.parse(type);
        if (fieldType.isEmpty()) {
            errors.add(new FieldError("type", "one of text, number, choice, date"));
        }
        List<String> options = choices == null
                ? List.of()
                : choices.stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
        if (fieldType.orElse(null) == CustomFieldType.CHOICE && options.isEmpty()) {
            errors.add(new FieldError("choices", "a choice field needs at least one choice"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from custom_field_definitions")
                .query(Integer.class)
                .single();
        try {
            jdbc.sql("""
                            insert into custom_field_definitions (field_key, label, field_type, required, choices, position)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(
                            k,
                            label.trim(),
                            fieldType.get().name(),
                            required,
                            fieldType.get() == CustomFieldType.CHOICE ? String.join("\n", options) : null,
                            position)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A field with key '" + k + "' already exists.");
        }
        return customFields().stream()
                .filter(f -> f.key().equals(k))
                .findFirst()
                .orElseThrow();
    }

    /** Removes a custom field definition; values already stored on incidents are kept but no longer shown. */
    @Transactional
    public void removeField(Actor actor, String key) {
        actor.require(Role.ADMIN);
        if (jdbc.sql("delete from custom_field_definitions where field_key = ?")
                        .param(key)
                        .update()
                == 0) {
            throw new NotFoundException("No custom field '" + key + "'");
        }
    }
}
