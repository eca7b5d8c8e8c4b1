package dev.hindsight.analysis.web;

import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;

/** Reading what the analysis API's clients send: incident keys and the version they edited. */
final class Versions {

    private Versions() {}

    static IncidentId incident(String key) {
        return IncidentId.parse(key)
                .orElseThrow(() -> new NotFoundException("No incident " + key + " (keys look like INC-12)"));
    }

    /** The version from {@code If-Match} (an ETag this API issued) or else from the body or query. */
    static int version(String ifMatch, Integer otherVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String v = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(
                        "If-Match", "'" + ifMatch + "' is not a version this API issued (use the ETag)");
            }
        }
        if (otherVersion == null) {
            throw new InvalidInputException(
                    "version", "is required: send the version you edited, as If-Match: \"<version>\" or in the body");
        }
        return otherVersion;
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }
}
