package dev.hindsight.evidence;

import dev.hindsight.incident.IncidentId;
import java.time.OffsetDateTime;

/**
 * A file attached to an incident, as recorded once its bytes were stored.
 *
 * @param id the record's id
 * @param incident the incident it belongs to
 * @param name the original file name (no directories)
 * @param kind what it is
 * @param format a parser format override (e.g. {@code nginx}, {@code logfmt}); null to let the parser detect it
 * @param size bytes
 * @param sha256 the content hash, 64 lower-case hex digits; the key of the bytes in the {@link EvidenceStore}
 * @param uploadedBy user name of who attached it
 * @param uploadedAt when, in UTC
 * @param zone time zone of timestamps without an offset in the content (an IANA name or UTC)
 * @param clockOffsetSeconds how far the source's clock was ahead (positive) or behind, in seconds
 * @param status where processing stands ({@code ready} once stored)
 */
public record Evidence(
        long id,
        IncidentId incident,
        String name,
        EvidenceKind kind,
        String format,
        long size,
        String sha256,
        String uploadedBy,
        OffsetDateTime uploadedAt,
        String zone,
        int clockOffsetSeconds,
        String status) {

    /** Status of evidence whose bytes are stored and which can be read. */
    public static final String READY = "ready";

    /** The size for people: {@code 512 B}, {@code 1.5 KiB}, {@code 200.0 MiB}. */
    public String humanSize() {
        return humanSize(size);
    }

    /** The first 12 hex digits of the hash, enough to tell files apart on a page. */
    public String shortSha256() {
        return sha256.substring(0, 12);
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
