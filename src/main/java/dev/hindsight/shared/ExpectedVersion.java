package dev.hindsight.shared;

/**
 * Reads the version an API client says it edited, for optimistic locking: from {@code If-Match} (an ETag the API
 * issued, {@code "3"} or {@code W/"3"}) or else from the request body or query.
 */
public final class ExpectedVersion {

    private ExpectedVersion() {}

    /**
     * The version to check. Throws {@link InvalidInputException} when {@code If-Match} is not a version this API
     * issued, or when neither it nor {@code otherVersion} is given.
     */
    public static int from(String ifMatch, Integer otherVersion) {
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

    /** The ETag for {@code version}: {@code "3"}. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }
}
