package dev.hindsight.engines.bayes.io;

import dev.hindsight.engines.bayes.BayesianNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a network file in either supported format, chosen by content: XMLBIF when it starts with {@code <}. */
public final class NetworkFiles {

    private NetworkFiles() {}

    /**
     * Reads a BIF or XMLBIF file.
     *
     * @return the network, never null
     * @throws IOException when the file cannot be read
     * @throws NetworkFormatException when the syntax is wrong
     * @throws dev.hindsight.engines.bayes.NetworkValidationException when the network is inconsistent
     */
    public static BayesianNetwork read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses BIF or XMLBIF text; throws as {@link #read(Path)} does. */
    public static BayesianNetwork parse(String text) {
        String start = text.stripLeading();
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1).stripLeading();
        }
        return start.startsWith("<") ? XmlBifReader.parse(start) : BifReader.parse(text);
    }
}
