package dev.hindsight.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code ../shared/data}, the public benchmark data that may not be copied into the project. Tests that need
 * it call {@link #require(String)}: when the data is absent the test is reported as skipped with a message saying so.
 */
public final class SharedData {

    private SharedData() {}

    /** The shared data directory (it may not exist). */
    public static Path root() {
        String configured = System.getProperty("hindsight.shared-data");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared", "data");
        return root.toAbsolutePath().normalize();
    }

    /** Returns {@code root()/relative}, or skips the calling test with a clear message when it is absent. */
    public static Path require(String relative) {
        Path path = root().resolve(relative);
        assumeTrue(
                Files.exists(path),
                () -> "SKIPPED: shared benchmark data not found at " + path
                        + " (check out ../shared beside the project to run this test)");
        return path;
    }
}
