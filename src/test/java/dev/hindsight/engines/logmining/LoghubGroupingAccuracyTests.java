package dev.hindsight.engines.logmining;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.engines.logs.LogParser;
import dev.hindsight.engines.logs.LogRecord;
import dev.hindsight.engines.logs.LoghubCsv;
import dev.hindsight.engines.logs.ParseOptions;
import dev.hindsight.testing.SharedData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LoghubGroupingAccuracyTests {

    private static final List<String> SYSTEMS =
            List.of("HDFS", "Hadoop", "HealthApp", "Linux", "OpenSSH", "OpenStack", "Proxifier", "Spark");

    @Test
    void reachesAnAverageGroupingAccuracyOfAtLeast95PercentOnTheLoghubSamples() throws Exception {
        SharedData.require("logs");
        Map<String, Double> accuracies = new LinkedHashMap<>();
        for (String system : SYSTEMS) {
            accuracies.put(system, accuracy(system));
        }
        double average = accuracies.values().stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElseThrow();
        StringBuilder table = new StringBuilder("Grouping Accuracy (Loghub 2k):\n");
        accuracies.forEach((system, ga) -> table.append(String.format("  %-10s %.4f%n", system, ga)));
        table.append(String.format("  %-10s %.4f%n", "average", average));
        System.out.print(table);

        assertThat(average).as(table.toString()).isGreaterThanOrEqualTo(0.95);
    }

    private static double accuracy(String system) throws Exception {
        Path log = SharedData.require("logs/" + system + "/" + system + "_2k.log");
        LoghubCsv truth =
                LoghubCsv.read(SharedData.require("logs/" + system + "/" + system + "_2k.log_structured.csv"));
        TemplateMiner miner = new TemplateMiner();
        List<Integer> shapes = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        try (InputStream in = Files.newInputStream(log)) {
            LogParser.parse(in, ParseOptions.defaults(), (LogRecord record) -> {
                shapes.add(miner.add(record));
                messages.add(record.message());
            });
        }
        List<Integer> predicted = new ArrayList<>();
        for (int shape : shapes) {
            predicted.add(miner.templateIdOf(shape));
        }
        List<String> expected = truth.column("EventId");
        GroupingAccuracy.Result result = GroupingAccuracy.compute(expected, predicted);
        if (Boolean.getBoolean("hindsight.ga.verbose")) {
            explain(system, expected, truth.column("EventTemplate"), predicted, miner);
        }
        return result.accuracy();
    }

    private static void explain(
            String system,
            List<String> truth,
            List<String> truthTemplates,
            List<Integer> predicted,
            TemplateMiner miner) {
        Map<String, Map<Integer, Integer>> byTruth = new TreeMap<>();
        Map<Integer, Map<String, Integer>> byPredicted = new TreeMap<>();
        Map<String, String> texts = new TreeMap<>();
        for (int i = 0; i < truth.size(); i++) {
            byTruth.computeIfAbsent(truth.get(i), k -> new TreeMap<>()).merge(predicted.get(i), 1, Integer::sum);
            byPredicted.computeIfAbsent(predicted.get(i), k -> new TreeMap<>()).merge(truth.get(i), 1, Integer::sum);
            texts.put(truth.get(i), truthTemplates.get(i));
        }
        Map<Integer, String> templates = new TreeMap<>();
        miner.templates().forEach(t -> templates.put(t.id(), t.template()));
        System.out.println("=== " + system);
        byTruth.forEach((event, split) -> {
            boolean wrong = split.size() > 1
                    || byPredicted.get(split.keySet().iterator().next()).size() > 1;
            if (wrong) {
                System.out.println("  " + event + " " + texts.get(event));
                split.forEach((id, n) -> System.out.println("      " + n + " -> #" + id + " " + templates.get(id)
                        + "  (mixes " + byPredicted.get(id) + ")"));
            }
        });
    }
}
