package dev.hindsight.evidence.internal.sources;

import static dev.hindsight.evidence.internal.sources.Json.object;
import static dev.hindsight.evidence.internal.sources.Json.text;

import dev.hindsight.engines.timeseries.ChangePoints;
import dev.hindsight.evidence.EvidenceEventKind;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Metric series: a CSV in wide form ({@code time,series1,series2,...}) or long form ({@code time,metric,value}), or a
 * Prometheus range-query answer ({@code {"status":"success","data":{"resultType":"matrix","result":[...]}}}). Each
 * series is sorted by time and searched for change points ({@link ChangePoints#defaults()}); each change becomes a
 * {@code METRIC_CHANGE} at the first sample of the new level. A series longer than {@value #MAX_SAMPLES} samples is
 * averaged over equal runs of samples first; at most {@value #MAX_CHANGES_PER_SERIES} changes per series are kept
 * (the largest relative to the noise). At most {@value #MAX_POINTS} points are read in all.
 */
final class MetricSeries {

    static final String EXPECTED_JSON =
            "a Prometheus range-query answer ({\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",...}})";
    static final int MAX_POINTS = 2_000_000;
    static final int MAX_SAMPLES = 20_000;
    static final int MAX_CHANGES_PER_SERIES = 10;

    private static final List<String> TIME = List.of("time", "timestamp", "ts", "date", "datetime", "at");
    private static final List<String> NAME = List.of("metric", "series", "name");

    private final Map<String, Series> series = new LinkedHashMap<>();
    private long points;

    private static final class Series {
        final Map<String, String> labels;
        long[] seconds = new long[16];
        int[] nanos = new int[16];
        double[] values = new double[16];
        long[] lines = new long[16];
        int size;

        Series(Map<String, String> labels) {
            this.labels = labels;
        }

        void add(Instant at, double value, long line) {
            if (size == values.length) {
                int grown = size * 2;
                seconds = java.util.Arrays.copyOf(seconds, grown);
                nanos = java.util.Arrays.copyOf(nanos, grown);
                values = java.util.Arrays.copyOf(values, grown);
                lines = java.util.Arrays.copyOf(lines, grown);
            }
            seconds[size] = at.getEpochSecond();
            nanos[size] = at.getNano();
            values[size] = value;
            lines[size] = line;
            size++;
        }

        Instant at(int i) {
            return Instant.ofEpochSecond(seconds[i], nanos[i]);
        }
    }

    private boolean add(String name, Map<String, String> labels, Instant at, double value, long line, Collected out) {
        if (points >= MAX_POINTS) {
            out.unparsed.add((line > 0 ? line + ": " : "") + name + " (more than " + MAX_POINTS + " points)");
            return false;
        }
        points++;
        out.items++;
        series.computeIfAbsent(name, n -> new Series(labels)).add(at, value, line);
        return true;
    }

    static void csv(InputStream in, Collected out) {
        MetricSeries metrics = new MetricSeries();
        Csv.read(in, out.unparsed, (header, row) -> {
            int time = Csv.column(header, TIME);
            if (time < 0) {
                time = 0;
            }
            Instant at = out.time(row.get(time));
            if (at == null) {
                out.unparsed.add(Csv.describe(row) + " (no readable time)");
                return;
            }
            int name = Csv.column(header, NAME);
            int value = header.indexOf("value");
            if (name >= 0 && value >= 0) {
                Double v = number(row.get(value));
                if (row.get(name) == null || v == null) {
                    out.unparsed.add(Csv.describe(row) + " (no metric name or number)");
                    return;
                }
                metrics.add(row.get(name), Map.of(), at, v, row.firstLine(), out);
                return;
            }
            boolean any = false;
            boolean bad = false;
            for (int i = 0; i < header.size(); i++) {
                if (i == time || row.get(i) == null) {
                    continue;
                }
                Double v = number(row.get(i));
                if (v == null) {
                    bad = true;
                    continue;
                }
                any = true;
                String column = header.get(i).isBlank() ? "column " + (i + 1) : header.get(i);
                metrics.add(column, Map.of(), at, v, row.firstLine(), out);
            }
            if (bad || !any) {
                out.unparsed.add(Csv.describe(row) + (any ? " (some values are not numbers)" : " (no numbers)"));
            }
        });
        metrics.changes(out);
    }

    static boolean looksLikePrometheus(JsonNode doc) {
        return doc.isObject() && object(doc, "data") != null && doc.get("data").has("result");
    }

    static void prometheus(List<Json.Document> docs, Collected out) {
        MetricSeries metrics = new MetricSeries();
        for (Json.Document doc : docs) {
            JsonNode data = object(doc.node(), "data");
            if (!looksLikePrometheus(doc.node()) || !"matrix".equals(text(data, "resultType"))) {
                out.unparsed.add("lines " + doc.firstLine() + "-" + doc.lastLine() + ": not " + EXPECTED_JSON
                        + (data == null ? "" : " (resultType " + text(data, "resultType") + ")"));
                continue;
            }
            for (JsonNode result : data.get("result")) {
                Map<String, String> labels = Json.strings(object(result, "metric"));
                String name = name(labels);
                JsonNode values = result.get("values");
                if (values == null || !values.isArray()) {
                    out.unparsed.add(name + ": no values");
                    continue;
                }
                for (JsonNode pair : values) {
                    Instant at = pair.isArray() && pair.size() == 2
                            ? Times.epoch(new BigDecimal(pair.get(0).asString()))
                            : null;
                    Double v = at == null ? null : number(pair.get(1).asString());
                    if (v == null) {
                        out.unparsed.add(name + ": " + pair);
                        continue;
                    }
                    if (!metrics.add(name, labels, at, v, 0, out)) {
                        break;
                    }
                }
            }
        }
        metrics.changes(out);
    }

    private static String name(Map<String, String> labels) {
        String metric = labels.getOrDefault("__name__", "");
        String rest = labels.entrySet().stream()
                .filter(e -> !e.getKey().equals("__name__"))
                .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                .collect(Collectors.joining(","));
        return rest.isEmpty() ? (metric.isEmpty() ? "{}" : metric) : metric + "{" + rest + "}";
    }

    private static Double number(String text) {
        if (text == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(text.strip());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void changes(Collected out) {
        ChangePoints detector = ChangePoints.defaults();
        for (var entry : series.entrySet()) {
            Series s = entry.getValue();
            Integer[] order = new Integer[s.size];
            for (int i = 0; i < s.size; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, Comparator.comparing(s::at));
            int runs = Math.max(1, (s.size + MAX_SAMPLES - 1) / MAX_SAMPLES);
            int n = (s.size + runs - 1) / runs;
            double[] values = new double[n];
            for (int k = 0; k < n; k++) {
                double sum = 0;
                int count = 0;
                for (int j = k * runs; j < Math.min(s.size, (k + 1) * runs); j++) {
                    sum += s.values[order[j]];
                    count++;
                }
                values[k] = sum / count;
            }
            List<ChangePoints.Change> found = new ArrayList<>(detector.find(values));
            if (found.size() > MAX_CHANGES_PER_SERIES) {
                found.sort(Comparator.comparingDouble((ChangePoints.Change c) -> Math.abs(c.after() - c.before()))
                        .reversed());
                found = new ArrayList<>(found.subList(0, MAX_CHANGES_PER_SERIES));
            }
            for (ChangePoints.Change c : found) {
                int sample = order[c.index() * runs];
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("metric", entry.getKey());
                attributes.put("before", format(c.before()));
                attributes.put("after", format(c.after()));
                attributes.put("direction", c.after() > c.before() ? "up" : "down");
                attributes.put("service", firstLabel(s.labels, "service", "job", "app"));
                String percent = c.before() == 0
                        ? ""
                        : String.format(
                                Locale.ROOT, " (%+.0f%%)", (c.after() - c.before()) / Math.abs(c.before()) * 100);
                long line = s.lines[sample];
                out.event(
                        s.at(sample),
                        EvidenceEventKind.METRIC_CHANGE,
                        entry.getKey() + ": " + format(c.before()) + " → " + format(c.after()) + percent,
                        "Mean before " + format(c.before()) + ", after " + format(c.after()) + "; change point found"
                                + " at sample " + (c.index() * runs + 1) + " of " + s.size + ".",
                        line,
                        line,
                        attributes);
            }
        }
    }

    private static String firstLabel(Map<String, String> labels, String... names) {
        for (String n : names) {
            if (labels.containsKey(n)) {
                return labels.get(n);
            }
        }
        return null;
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v)
                .round(new java.math.MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }
}
