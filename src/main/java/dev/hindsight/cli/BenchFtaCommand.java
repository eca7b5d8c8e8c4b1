package dev.hindsight.cli;

import dev.hindsight.engines.faulttree.AnalysisTimeoutException;
import dev.hindsight.engines.faulttree.FaultTree;
import dev.hindsight.engines.faulttree.FaultTreeAnalysis;
import dev.hindsight.engines.faulttree.MefImporter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** {@code bench-fta}: times the fault tree engine on every benchmark tree of a directory. */
public final class BenchFtaCommand implements CliCommand {

    private static final String USAGE =
            "usage: ./hindsight bench-fta [dir] [--timeout SECONDS] [--only NAME]   (dir default ../shared/data/faulttrees)";

    @Override
    public String name() {
        return "bench-fta";
    }

    @Override
    public String summary() {
        return "time the fault tree engine (parse, BDD, probability, MCS count) on benchmark trees";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path dir = Path.of("..", "shared", "data", "faulttrees");
        long timeout = 120;
        String only = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            } else if (a.equals("--timeout") || a.equals("--only")) {
                if (i + 1 >= args.size()) {
                    err.println(a + " needs a value. " + USAGE);
                    return 2;
                }
                String v = args.get(++i);
                if (a.equals("--only")) {
                    only = v;
                } else {
                    try {
                        timeout = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        err.println("--timeout needs whole seconds, got '" + v + "'. " + USAGE);
                        return 2;
                    }
                }
            } else if (a.startsWith("--")) {
                err.println("unknown option " + a + ". " + USAGE);
                return 2;
            } else {
                dir = Path.of(a);
            }
        }
        if (!Files.isDirectory(dir)) {
            err.println("benchmark directory not found: " + dir.toAbsolutePath().normalize() + ". " + USAGE);
            return 2;
        }
        List<List<Path>> trees = trees(dir);
        out.printf(
                Locale.ROOT,
                "%-22s %6s %8s %9s %10s %12s %9s %16s %9s %10s%n",
                "tree",
                "events",
                "parse ms",
                "BDD ms",
                "BDD nodes",
                "p(top)",
                "MCS ms",
                "MCS",
                "ZBDD",
                "total ms");
        for (List<Path> files : trees) {
            String name = files.get(0).getFileName().toString().replace(".xml", "");
            String group = files.get(0).getParent().getFileName().toString();
            String label = group.equals("aralia") ? name : "scram/" + name;
            if (only != null && !label.contains(only)) {
                continue;
            }
            long t0 = System.nanoTime();
            try {
                FaultTree tree = new MefImporter().read(files);
                long t1 = System.nanoTime();
                FaultTreeAnalysis a = FaultTreeAnalysis.of(tree, Duration.ofSeconds(timeout));
                long t2 = System.nanoTime();
                double p = a.topProbability();
                long t3 = System.nanoTime();
                long mcs = a.minimalCutSetCount();
                long t4 = System.nanoTime();
                out.printf(
                        Locale.ROOT,
                        "%-22s %6d %8d %9d %10d %12.6g %9d %16d %9d %10d%n",
                        label,
                        tree.basicEvents().size(),
                        ms(t1 - t0),
                        ms(t3 - t1),
                        a.bddNodeCount(),
                        p,
                        ms(t4 - t3),
                        mcs,
                        a.zbddNodeCount(),
                        ms(t4 - t0));
            } catch (AnalysisTimeoutException e) {
                out.printf(Locale.ROOT, "%-22s timeout after %d s (%s)%n", label, timeout, e.getMessage());
            } catch (OutOfMemoryError e) {
                out.printf(Locale.ROOT, "%-22s out of memory after %d ms%n", label, ms(System.nanoTime() - t0));
            }
            out.flush();
        }
        return 0;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static List<List<Path>> trees(Path dir) {
        List<List<Path>> out = new ArrayList<>();
        try {
            Path aralia = dir.resolve("aralia");
            if (Files.isDirectory(aralia)) {
                try (Stream<Path> s = Files.list(aralia)) {
                    s.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(p -> out.add(List.of(p)));
                }
            }
            Path scram = dir.resolve("scram").resolve("benchmarks");
            if (Files.isDirectory(scram)) {
                try (Stream<Path> s = Files.walk(scram)) {
                    List<Path> xml = s.filter(p -> p.toString().endsWith(".xml"))
                            .sorted()
                            .toList();
                    for (Path p : xml) {
                        String f = p.getFileName().toString();
                        if (f.endsWith("-basic-events.xml")) {
                            continue;
                        }
                        Path events = p.resolveSibling(f.replace(".xml", "-basic-events.xml"));
                        out.add(Files.exists(events) ? List.of(p, events) : List.of(p));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
