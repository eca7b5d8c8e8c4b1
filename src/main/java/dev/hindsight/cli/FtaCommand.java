package dev.hindsight.cli;

import dev.hindsight.engines.faulttree.CutSet;
import dev.hindsight.engines.faulttree.FaultTree;
import dev.hindsight.engines.faulttree.FaultTreeAnalysis;
import dev.hindsight.engines.faulttree.FaultTreeReport;
import dev.hindsight.engines.faulttree.Importance;
import dev.hindsight.engines.faulttree.MefImporter;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code fta}: quantitative fault tree analysis of Open-PSA MEF files. */
public final class FtaCommand implements CliCommand {

    private static final String USAGE = "usage: ./hindsight fta <file.xml> [more.xml ...] [--top N] [--gate NAME]"
            + " [--mission-time HOURS] [--json]";

    @Override
    public String name() {
        return "fta";
    }

    @Override
    public String summary() {
        return "fault tree analysis of Open-PSA MEF files: MCS, exact/rare-event/MCUB probability, importance";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<Path> files = new ArrayList<>();
        int topN = 10;
        boolean json = false;
        String gate = null;
        double missionTime = MefImporter.DEFAULT_MISSION_TIME;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--help", "-h" -> {
                    out.println(USAGE);
                    out.println("  --top N            how many cut sets and importance rows to print (default 10)");
                    out.println("  --gate NAME        the top gate (default: the gate no other gate references)");
                    out.println("  --mission-time H   hours for <system-mission-time/> (default 8760)");
                    out.println("  --json             print JSON instead of text");
                    return 0;
                }
                case "--json" -> json = true;
                case "--top", "--gate", "--mission-time" -> {
                    if (i + 1 >= args.size()) {
                        err.println(a + " needs a value. " + USAGE);
                        return 2;
                    }
                    String v = args.get(++i);
                    try {
                        if (a.equals("--top")) {
                            topN = Integer.parseInt(v);
                            if (topN < 0) {
                                throw new NumberFormatException();
                            }
                        } else if (a.equals("--mission-time")) {
                            missionTime = Double.parseDouble(v);
                            if (!(missionTime >= 0)) {
                                throw new NumberFormatException();
                            }
                        } else {
                            gate = v;
                        }
                    } catch (NumberFormatException e) {
                        err.println(a + " needs a non-negative number, got '" + v + "'. " + USAGE);
                        return 2;
                    }
                }
                default -> {
                    if (a.startsWith("--")) {
                        err.println("unknown option " + a + ". " + USAGE);
                        return 2;
                    }
                    files.add(Path.of(a));
                }
            }
        }
        if (files.isEmpty()) {
            err.println("no MEF file given. " + USAGE);
            return 2;
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                err.println("file not found: " + f);
                return 2;
            }
        }
        long start = System.nanoTime();
        FaultTree tree = new MefImporter(missionTime).read(files, gate);
        FaultTreeReport report = FaultTreeAnalysis.of(tree).report(topN);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (json) {
            out.println(json(report, millis));
        } else {
            text(report, millis, out);
        }
        return 0;
    }

    private static void text(FaultTreeReport r, long millis, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "tree %s (top gate %s): %d gates, %d basic events%n",
                r.tree(),
                r.topGate(),
                r.gates(),
                r.basicEvents());
        out.printf(Locale.ROOT, "minimal cut sets     %d%n", r.minimalCutSets());
        out.printf(Locale.ROOT, "  by order           %s%n", r.orderDistribution());
        out.printf(Locale.ROOT, "p(top) exact (BDD)   %.6g%n", r.topProbability());
        out.printf(Locale.ROOT, "p(top) rare-event    %.6g%n", r.rareEvent());
        out.printf(Locale.ROOT, "p(top) MCUB          %.6g%n", r.minCutUpperBound());
        out.printf(Locale.ROOT, "%nmost probable minimal cut sets:%n");
        for (CutSet c : r.cutSets()) {
            out.printf(Locale.ROOT, "  %-12.6g %s%n", c.probability(), c);
        }
        out.printf(Locale.ROOT, "%nimportance (by Fussell-Vesely):%n");
        out.printf(
                Locale.ROOT,
                "  %-24s %10s %6s %10s %10s %10s %10s %10s %10s%n",
                "event",
                "p",
                "occ",
                "FV",
                "MIF",
                "CIF",
                "DIF",
                "RAW",
                "RRW");
        for (Importance i : r.importance()) {
            out.printf(
                    Locale.ROOT,
                    "  %-24s %10.4g %6d %10.4g %10.4g %10.4g %10.4g %10.4g %10.4g%n",
                    i.event(),
                    i.probability(),
                    i.occurrence(),
                    i.fussellVesely(),
                    i.mif(),
                    i.cif(),
                    i.dif(),
                    i.raw(),
                    i.rrw());
        }
        out.printf(Locale.ROOT, "%nBDD nodes %d, time %d ms%n", r.bddNodes(), millis);
    }

    private static String json(FaultTreeReport r, long millis) {
        StringBuilder sb = new StringBuilder("{");
        field(sb, "tree", str(r.tree())).append(',');
        field(sb, "topGate", str(r.topGate())).append(',');
        field(sb, "gates", Integer.toString(r.gates())).append(',');
        field(sb, "basicEvents", Integer.toString(r.basicEvents())).append(',');
        field(sb, "minimalCutSets", Long.toString(r.minimalCutSets())).append(',');
        field(sb, "orderDistribution", r.orderDistribution().toString().replace(" ", ""))
                .append(',');
        field(sb, "pTopExact", num(r.topProbability())).append(',');
        field(sb, "pTopRareEvent", num(r.rareEvent())).append(',');
        field(sb, "pTopMcub", num(r.minCutUpperBound())).append(',');
        sb.append("\"cutSets\":[");
        for (int i = 0; i < r.cutSets().size(); i++) {
            CutSet c = r.cutSets().get(i);
            sb.append(i > 0 ? "," : "").append("{\"events\":[");
            for (int j = 0; j < c.events().size(); j++) {
                sb.append(j > 0 ? "," : "").append(str(c.events().get(j)));
            }
            sb.append("],\"probability\":").append(num(c.probability())).append('}');
        }
        sb.append("],\"importance\":[");
        for (int i = 0; i < r.importance().size(); i++) {
            Importance m = r.importance().get(i);
            sb.append(i > 0 ? "," : "").append('{');
            field(sb, "event", str(m.event())).append(',');
            field(sb, "probability", num(m.probability())).append(',');
            field(sb, "occurrence", Long.toString(m.occurrence())).append(',');
            field(sb, "fussellVesely", num(m.fussellVesely())).append(',');
            field(sb, "mif", num(m.mif())).append(',');
            field(sb, "cif", num(m.cif())).append(',');
            field(sb, "dif", num(m.dif())).append(',');
            field(sb, "raw", num(m.raw())).append(',');
            field(sb, "rrw", num(m.rrw())).append('}');
        }
        sb.append("],");
        field(sb, "bddNodes", Integer.toString(r.bddNodes())).append(',');
        field(sb, "millis", Long.toString(millis));
        return sb.append('}').toString();
    }

    private static StringBuilder field(StringBuilder sb, String name, String value) {
        return sb.append('"').append(name).append("\":").append(value);
    }

    static String num(double d) {
        return Double.isFinite(d) ? Double.toString(d) : "null";
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
