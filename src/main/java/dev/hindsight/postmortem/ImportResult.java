package dev.hindsight.postmortem;

import dev.hindsight.shared.FieldError;
import java.util.List;

/**
 * What importing one file did: the incident it created or updated, or why nothing changed.
 *
 * @param key the incident's key, null when the file was refused
 * @param errors empty when the file was imported
 */
public record ImportResult(String file, String key, boolean created, String title, List<FieldError> errors) {

    public boolean ok() {
        return errors.isEmpty();
    }
}
