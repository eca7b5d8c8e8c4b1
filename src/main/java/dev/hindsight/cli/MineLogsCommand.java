package dev.hindsight.cli;

import dev.hindsight.engines.logmining.LogMining;
import dev.hindsight.engines.logmining.LogTemplate;
import dev.hindsight.engines.logmining.TemplateMiner;
import dev.hindsight.engines.logs.LogFormat;
import dev.hindsight.engines.logs.ParseOptions;
import dev.hindsight.engines.logs.ParseStats;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code mine-logs}: parses a log, mines its templates and writes line-to-template rows and a template summary. */
public final class MineLogsCommand implements CliCommand {

    private static final String USAGE = """
            Usage: hindsight mine-logs <file> [--format NAME|auto] [--zone ZONE] [--year YEAR]
                                              [--out rows.csv] [--templates templates.csv] [--json]
              --format     log format (default auto); one of: auto, %s
              --zone       zone of timestamps written without offset (default UTC), e.g. Europe/Paris
              --year       year of the first record for formats without a year (default: the latest year that
                           does not put the first record after today)
              --out        write the rows (line,line_count,template_id,template) to this CSV file instead of stdout
              --templates  write the templates (id,count,first_seen,last_seen,template) to this CSV file
              --json       print a JSON document (stats, templates, and rows unless --out is given)
            """;

    @Override
    public String name() {
        return "mine-logs";
    }

    @Override
    public String summary() {
        return "parse a log file and mine its message templates";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        String file = null;
        boolean json = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> {
                    out.print(USAGE.formatted(LogFormat.names()));
                    return 0;
                }
                case "--json" -> json = true;
                case "--format", "--zone", "--year", "--out", "--templates" -> {
                    if (i + 1 >= args.size()) {
                        err.println("mine-logs: " + arg + " needs a value");
                        return 2;
                    }
                    options.put(arg, args.get(++i));
                }
                default -> {
                    if (arg.startsWith("--") || file != null) {
                        err.println("mine-logs: unexpected argument '" + arg + "'");
                        err.print(USAGE.formatted(LogFormat.names()));
                        return 2;
                    }
                    file = arg;
                }
            }
        }
        if (file == null) {
            err.println("mine-logs: missing the log file to read");
            err.print(USAGE.formatted(LogFormat.names()));
            return 2;
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            err.println("mine-logs: no such file: " + path.toAbsolutePath());
            return 2;
        }
        ParseOptions parse = ParseOptions.defaults();
        try {
            parse = parse.withFormat(options.getOrDefault("--format", "auto"));
        } catch (IllegalArgumentException e) {
            err.println("mine-logs: " + e.getMessage());
            return 2;
        }
        try {
            ZoneId zone = options.containsKey("--zone") ? ZoneId.of(options.get("--zone")) : ZoneOffset.UTC;
            parse = parse.withZone(zone).withReferenceDate(LocalDate.now(zone));
        } catch (DateTimeException e) {
            err.println("mine-logs: unknown zone '" + options.get("--zone") + "' (use e.g. UTC or Europe/Paris)");
            return 2;
        }
        if (options.containsKey("--year")) {
            try {
                parse = parse.withStartYear(Integer.parseInt(options.get("--year")));
            } catch (NumberFormatException e) {
                err.println("mine-logs: --year needs a number, got '" + options.get("--year") + "'");
                return 2;
            }
        }
        try {
            return mine(path, parse, options, json, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int mine(
            Path path, ParseOptions parse, Map<String, String> options, boolean json, PrintStream out, PrintStream err)
            throws IOException {
        TemplateMiner miner = new TemplateMiner();
        Path assignments = Files.createTempFile("hindsight-mine-", ".bin");
        ParseStats stats;
        try {
            try (InputStream in = Files.newInputStream(path);
                    DataOutputStream rows = new DataOutputStream(
                            new BufferedOutputStream(Files.newOutputStream(assignments), 1 << 16))) {
                stats = LogMining.run(in, parse, miner, (record, shape) -> {
                    try {
                        rows.writeLong(record.lineNumber());
                        rows.writeInt(record.lineCount());
                        rows.writeInt(shape);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            List<LogTemplate> templates = miner.templates();
            Map<Integer, LogTemplate> byId = new HashMap<>();
            templates.forEach(t -> byId.put(t.id(), t));
            String rowsFile = options.get("--out");
            String templatesFile = options.get("--templates");
            if (rowsFile != null) {
                try (Writer w = Files.newBufferedWriter(Path.of(rowsFile), StandardCharsets.UTF_8)) {
                    writeRows(assignments, miner, byId, w);
                }
            }
            if (templatesFile != null) {
                try (Writer w = Files.newBufferedWriter(Path.of(templatesFile), StandardCharsets.UTF_8)) {
                    writeTemplates(templates, w);
                }
            }
            Writer stdout = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (json) {
                writeJson(path, stats, templates, rowsFile == null ? assignments : null, miner, stdout);
            } else {
                if (rowsFile == null) {
                    writeRows(assignments, miner, byId, stdout);
                }
                if (templatesFile == null) {
                    if (rowsFile == null) {
                        stdout.write("\n");
                    }
                    writeTemplates(templates, stdout);
                }
            }
            stdout.flush();
            if (!json) {
                err.printf(
                        "mine-logs: %s: format %s, %d lines, %d records parsed, %d unparsed, %d templates%n",
                        path.getFileName(),
                        stats.format().formatName(),
                        stats.lines(),
                        stats.parsed(),
                        stats.unparsed(),
                        templates.size());
                for (ParseStats.UnparsedLine line : stats.unparsedExamples()) {
                    err.println("  unparsed line " + line.lineNumber() + ": " + line.text());
                }
            }
            return 0;
        } finally {
            Files.deleteIfExists(assignments);
        }
    }

    private interface RowSink {
        void row(long line, int lineCount, LogTemplate template) throws IOException;
    }

    private static void readRows(Path assignments, TemplateMiner miner, Map<Integer, LogTemplate> byId, RowSink sink)
            throws IOException {
        try (DataInputStream in =
                new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(assignments), 1 << 16))) {
            long size = Files.size(assignments);
            for (long read = 0; read < size; read += 16) {
                long line = in.readLong();
                int count = in.readInt();
                int shape = in.readInt();
                sink.row(line, count, byId.get(miner.templateIdOf(shape)));
            }
        }
    }

    private static void writeRows(Path assignments, TemplateMiner miner, Map<Integer, LogTemplate> byId, Writer w)
            throws IOException {
        w.write("line,line_count,template_id,template\n");
        readRows(assignments, miner, byId, (line, count, template) -> {
            w.write(Long.toString(line));
            w.write(',');
            w.write(Integer.toString(count));
            w.write(',');
            w.write(Integer.toString(template.id()));
            w.write(',');
            w.write(Csv.field(template.template()));
            w.write('\n');
        });
    }

    private static void writeTemplates(List<LogTemplate> templates, Writer w) throws IOException {
        w.write("id,count,first_seen,last_seen,template\n");
        for (LogTemplate t : templates) {
            w.write(t.id() + "," + t.count() + "," + (t.firstSeen() == null ? "" : t.firstSeen()) + ","
                    + (t.lastSeen() == null ? "" : t.lastSeen()) + "," + Csv.field(t.template()) + "\n");
        }
    }

    private static void writeJson(
            Path path, ParseStats stats, List<LogTemplate> templates, Path rows, TemplateMiner miner, Writer w)
            throws IOException {
        w.write("{\"file\":" + Csv.json(path.toString()));
        w.write(",\"format\":" + Csv.json(stats.format().formatName()));
        w.write(",\"lines\":" + stats.lines() + ",\"parsed\":" + stats.parsed() + ",\"unparsed\":" + stats.unparsed()
                + ",\"continuationLines\":" + stats.continuationLines());
        w.write(",\"unparsedExamples\":[");
        for (int i = 0; i < stats.unparsedExamples().size(); i++) {
            ParseStats.UnparsedLine line = stats.unparsedExamples().get(i);
            w.write((i > 0 ? "," : "") + "{\"line\":" + line.lineNumber() + ",\"text\":" + Csv.json(line.text()) + "}");
        }
        w.write("],\"templates\":[");
        for (int i = 0; i < templates.size(); i++) {
            LogTemplate t = templates.get(i);
            w.write((i > 0 ? "," : "") + "{\"id\":" + t.id() + ",\"count\":" + t.count() + ",\"firstSeen\":"
                    + (t.firstSeen() == null ? "null" : Csv.json(t.firstSeen().toString())) + ",\"lastSeen\":"
                    + (t.lastSeen() == null ? "null" : Csv.json(t.lastSeen().toString())) + ",\"template\":"
                    + Csv.json(t.template()) + ",\"variablePositions\":" + t.variablePositions() + ",\"examples\":[");
            for (int e = 0; e < t.examples().size(); e++) {
                w.write((e > 0 ? "," : "") + Csv.json(t.examples().get(e)));
            }
            w.write("]}");
        }
        w.write("]");
        if (rows != null) {
            Map<Integer, LogTemplate> byId = new HashMap<>();
            templates.forEach(t -> byId.put(t.id(), t));
            w.write(",\"rows\":[");
            boolean[] first = {true};
            readRows(rows, miner, byId, (line, count, template) -> {
                w.write((first[0] ? "" : ",") + "{\"line\":" + line + ",\"lineCount\":" + count + ",\"templateId\":"
                        + template.id() + "}");
                first[0] = false;
            });
            w.write("]");
        }
        w.write("}\n");
    }

    /** Escaping for hand-written CSV and JSON output. */
    static final class Csv {

        private Csv() {}

        /** {@code value} as one RFC 4180 field, quoted when it holds a comma, quote or line break. */
        static String field(String value) {
            if (value.indexOf(',') < 0
                    && value.indexOf('"') < 0
                    && value.indexOf('\n') < 0
                    && value.indexOf('\r') < 0) {
                return value;
            }
            return '"' + value.replace("\"", "\"\"") + '"';
        }

        /** {@code value} as a JSON string literal. */
        static String json(String value) {
            StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append('"').toString();
        }
    }
}
