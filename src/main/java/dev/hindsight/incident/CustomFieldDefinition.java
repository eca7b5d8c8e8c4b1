package dev.hindsight.incident;

import dev.hindsight.shared.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * An incident field defined by an admin.
 *
 * @param key the name used in the API, e.g. {@code region}
 * @param choices the allowed values of a {@link CustomFieldType#CHOICE} field, else empty
 */
public record CustomFieldDefinition(
        long id, String key, String label, CustomFieldType type, boolean required, List<String> choices, int position) {

    /** The problem with {@code value} for this field, if any; blank values are checked by required-ness only. */
    public Optional<FieldError> check(String value) {
        String field = "customFields." + key;
        if (value == null || value.isBlank()) {
            return required ? Optional.of(new FieldError(field, "is required")) : Optional.empty();
        }
        if (value.length() > 2000) {
            return Optional.of(new FieldError(field, "at most 2000 characters"));
        }
        return switch (type) {
            case TEXT -> Optional.empty();
            case NUMBER -> {
                try {
                    new BigDecimal(value.trim());
                    yield Optional.empty();
                } catch (NumberFormatException e) {
                    yield Optional.of(new FieldError(field, "'" + value + "' is not a number"));
                }
            }
            case DATE -> {
                try {
                    LocalDate.parse(value.trim());
                    yield Optional.empty();
                } catch (DateTimeParseException e) {
                    yield Optional.of(new FieldError(field, "'" + value + "' is not a date like 2026-01-31"));
                }
            }
            case CHOICE ->
                choices.contains(value.trim())
                        ? Optional.empty()
                        : Optional.of(new FieldError(field, "'" + value + "' is not one of " + choices));
        };
    }
}
