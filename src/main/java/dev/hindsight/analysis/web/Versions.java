package dev.hindsight.analysis.web;

import dev.hindsight.incident.IncidentId;
import dev.hindsight.shared.ExpectedVersion;

/** Reading what the analysis API's clients send: incident keys and the version they edited. */
final class Versions {

    private Versions() {}

    static IncidentId incident(String key) {
        return IncidentId.fromKey(key);
    }

    static int version(String ifMatch, Integer otherVersion) {
        return ExpectedVersion.from(ifMatch, otherVersion);
    }

    static String etag(int version) {
        return ExpectedVersion.etag(version);
    }
}
