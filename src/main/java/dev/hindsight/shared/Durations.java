package dev.hindsight.shared;

import java.time.Duration;

/** Formats durations for people. */
public final class Durations {

    private Durations() {}

    /** {@code 3d 4h}, {@code 2h 05m}, {@code 7m}, {@code 40s}; an em dash when {@code d} is null. */
    public static String human(Duration d) {
        if (d == null) {
            return "—";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        long m = s / 60;
        if (m < 60) {
            return m + "m";
        }
        long h = m / 60;
        if (h < 48) {
            return h + "h " + String.format("%02dm", m % 60);
        }
        return (h / 24) + "d " + (h % 24) + "h";
    }
}
