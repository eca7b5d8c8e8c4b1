package dev.hindsight.engines.bayes;

import dev.hindsight.engines.bayes.io.NetworkFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Prints inference timings on ALARM (not a test). Run: {@code java -cp target/classes:target/test-classes
 * dev.hindsight.engines.bayes.AlarmBench ../shared/data/bayesnets/alarm.bif}.
 */
public final class AlarmBench {

    private AlarmBench() {}

    public static void main(String[] args) throws Exception {
        BayesianNetwork alarm =
                NetworkFiles.read(Path.of(args.length > 0 ? args[0] : "../shared/data/bayesnets/alarm.bif"));
        VariableElimination ve = new VariableElimination(alarm);
        List<String> all = alarm.variables().stream().map(Variable::name).toList();
        Map<String, Evidence> sets = new LinkedHashMap<>();
        sets.put("none", Evidence.none());
        sets.put("HRBP=HIGH, BP=LOW", Evidence.none().and("HRBP", "HIGH").and("BP", "LOW"));
        sets.put(
                "6 findings",
                Evidence.none()
                        .and("HRBP", "HIGH")
                        .and("BP", "LOW")
                        .and("EXPCO2", "LOW")
                        .and("MINVOL", "ZERO")
                        .and("SAO2", "LOW")
                        .and("CVP", "HIGH"));
        sets.put("6 findings + soft PCWP", sets.get("6 findings").andLikelihood("PCWP", 0.2, 0.3, 0.9));
        System.out.printf(
                Locale.ROOT,
                "%-26s %14s %14s %14s %14s%n",
                "evidence",
                "1 marginal us",
                "37 marginals us",
                "P(e) us",
                "MPE us");
        for (Map.Entry<String, Evidence> set : sets.entrySet()) {
            Evidence e = set.getValue();
            double one = median(() -> ve.marginal("LVFAILURE", e), 2000);
            double marginals = median(() -> ve.marginals(all, e), 200);
            double pe = median(() -> ve.probabilityOfEvidence(e), 2000);
            double mpe = median(() -> ve.mostProbableExplanation(e), 500);
            System.out.printf(
                    Locale.ROOT, "%-26s %14.1f %14.1f %14.1f %14.1f%n", set.getKey(), one, marginals, pe, mpe);
        }
    }

    private static double median(Supplier<?> task, int runs) {
        for (int i = 0; i < runs; i++) {
            task.get();
        }
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            task.get();
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times[runs / 2] / 1000.0;
    }
}
