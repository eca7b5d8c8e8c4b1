package dev.hindsight.engines.logs;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A tiny RFC 4180 reader for the Loghub structured CSV files (quoted fields, doubled quotes, CRLF). */
public final class LoghubCsv {

    private final List<String> header;
    private final List<List<String>> rows;

    private LoghubCsv(List<String> header, List<List<String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    /** Reads the whole file (the 2k samples are small). */
    public static LoghubCsv read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<List<String>> records = parse(in);
            return new LoghubCsv(records.get(0), records.subList(1, records.size()));
        }
    }

    static List<List<String>> parse(Reader in) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int c;
        while ((c = in.read()) >= 0) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next >= 0) {
                            handle((char) next, record, field, records);
                        }
                    }
                } else {
                    field.append(ch);
                }
                continue;
            }
            if (ch == '"' && field.isEmpty() && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
                continue;
            }
            fieldStarted = handle(ch, record, field, records) ? false : true;
            if (ch == ',' || ch == '\n') {
                fieldStarted = false;
            }
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    private static boolean handle(char ch, List<String> record, StringBuilder field, List<List<String>> records) {
        if (ch == ',') {
            record.add(field.toString());
            field.setLength(0);
            return true;
        }
        if (ch == '\n') {
            record.add(field.toString());
            field.setLength(0);
            records.add(new ArrayList<>(record));
            record.clear();
            return true;
        }
        if (ch != '\r') {
            field.append(ch);
        }
        return false;
    }

    /** The number of data rows. */
    public int size() {
        return rows.size();
    }

    /** The values of one column, in row order. */
    public List<String> column(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        List<String> values = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            values.add(row.get(index));
        }
        return values;
    }

    /** Row {@code i} as column name to value. */
    public Map<String, String> row(int i) {
        Map<String, String> map = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            map.put(header.get(c), rows.get(i).get(c));
        }
        return map;
    }
}
