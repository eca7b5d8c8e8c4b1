package dev.hindsight.analysis.web;

import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.ExpectedVersion;
import dev.hindsight.shared.NotFoundException;

/** Reading what the analysis API's clients send: incident keys and the version they edited. */
final class Versions {

    private Versions() {}

    static IncidentId incident(String key) {
        return IncidentId.parse(key)
                .orElseThrow(() -> new NotFoundException("No incident " + key + " (keys look like INC-12)"));
    }

    static int version(String ifMatch, Integer otherVersion) {
        return ExpectedVersion.from(ifMatch, otherVersion);
    }

    static String etag(int version) {
        return ExpectedVersion.etag(version);
    }
}
