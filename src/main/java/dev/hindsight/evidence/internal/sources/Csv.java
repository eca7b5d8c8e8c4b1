package dev.hindsight.evidence.internal.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Streams a CSV file with a header row (names matched case-insensitively); hands each row over with its lines. */
final class Csv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .setTrim(true)
            .get();

    /** One row: its values by column index and the 1-based lines it spans. */
    record Row(List<String> values, long firstLine, long lastLine) {

        String get(int column) {
            if (column < 0 || column >= values.size()) {
                return null;
            }
            String v = values.get(column);
            return v == null || v.isBlank() ? null : v;
        }
    }

    interface RowHandler {
        void row(List<String> header, Row row);
    }

    private Csv() {}

    /** Reads all rows; a malformed file stops being read where it breaks, and that is counted as unparsed. */
    static void read(InputStream in, Unparsed unparsed, RowHandler handler) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = FORMAT.parse(reader)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.strip().toLowerCase(Locale.ROOT))
                    .toList();
            long previous = parser.getCurrentLineNumber();
            var iterator = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    record = iterator.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    unparsed.add((previous + 1) + ": malformed CSV, the rest was not read (" + e.getMessage() + ")");
                    break;
                }
                long last = parser.getCurrentLineNumber();
                List<String> values = new ArrayList<>(record.size());
                record.forEach(values::add);
                handler.row(header, new Row(values, Math.min(previous + 1, last), last));
                previous = last;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            unparsed.add("1: no readable CSV header (" + e.getMessage() + ")");
        }
    }

    /** The index of the first column named one of {@code names}, or -1. */
    static int column(List<String> header, List<String> names) {
        for (String name : names) {
            int i = header.indexOf(name);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    static String describe(Row row) {
        return row.firstLine() + ": " + String.join(",", row.values());
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
