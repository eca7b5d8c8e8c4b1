package dev.hindsight.cli;

import dev.hindsight.engines.logmining.LogMining;
import dev.hindsight.engines.logmining.TemplateMiner;
import dev.hindsight.engines.logs.ParseOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code bench-logs}: generates a large synthetic log from Loghub-like templates in several formats and measures
 * parse+mine throughput, peak heap and a {@code wc -l} reference on the same files.
 */
public final class BenchLogsCommand implements CliCommand {

    private static final String USAGE = """
            Usage: hindsight bench-logs [--size-mb 1024] [--dir /tmp] [--formats log4j,syslog,json] [--keep]
                                   [--file existing.log]
              Generates one file of --size-mb per format in --dir, times parse+mine on each and `wc -l`,
              prints lines/s, MB/s, process CPU seconds, the mining thread's CPU seconds, the rate the two-stage
              pipeline would reach with a free core per stage (lines / max(mining CPU, other CPU)), peak heap and
              GC figures, then deletes the files (unless --keep). With --file, measures that file instead.
            """;

    @Override
    public String name() {
        return "bench-logs";
    }

    @Override
    public String summary() {
        return "benchmark log parsing and template mining on generated GB-scale logs";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        long sizeMb = 1024;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        List<String> formats = List.of("log4j", "syslog", "json");
        boolean keep = false;
        Path existing = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(USAGE);
                return 0;
            }
            if (arg.equals("--file") && i + 1 < args.size()) {
                existing = Path.of(args.get(++i));
                continue;
            }
            if (arg.equals("--keep")) {
                keep = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                err.println("bench-logs: unexpected or incomplete argument '" + arg + "'");
                err.print(USAGE);
                return 2;
            }
            String value = args.get(++i);
            switch (arg) {
                case "--size-mb" -> {
                    try {
                        sizeMb = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        sizeMb = -1;
                    }
                    if (sizeMb < 1) {
                        err.println("bench-logs: --size-mb needs a positive number, got '" + value + "'");
                        return 2;
                    }
                }
                case "--dir" -> dir = Path.of(value);
                case "--formats" -> formats = List.of(value.split(","));
                default -> {
                    err.println("bench-logs: unknown option '" + arg + "'");
                    err.print(USAGE);
                    return 2;
                }
            }
        }
        for (String format : formats) {
            if (!List.of("log4j", "syslog", "json").contains(format)) {
                err.println("bench-logs: --formats takes log4j, syslog and/or json, got '" + format + "'");
                return 2;
            }
        }
        if (!Files.isDirectory(dir)) {
            err.println("bench-logs: no such directory: " + dir);
            return 2;
        }
        try {
            out.printf(
                    "bench-logs: %d MB per format, JVM max heap %d MB, %d processors, java %s%n",
                    sizeMb,
                    Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            out.printf(
                    "%-7s %10s %8s %10s %8s %12s %8s %8s %14s %14s %8s %9s %10s %8s%n",
                    "format",
                    "lines",
                    "MB",
                    "seconds",
                    "MB/s",
                    "lines/s",
                    "cpu s",
                    "mine s",
                    "lines/cpu-s",
                    "stage-bound/s",
                    "templates",
                    "peak-heap",
                    "gc(ms/n)",
                    "wc -l s");
            if (existing != null) {
                formats = List.of(existing.toString());
                keep = true;
            }
            for (String format : formats) {
                Path file = existing != null ? existing : dir.resolve("hindsight-bench-" + format + ".log");
                try {
                    long lines = existing != null ? -1 : generate(file, format, sizeMb << 20);
                    double wc = timeWc(file);
                    Measure m = measure(file);
                    double mb = Files.size(file) / 1048576.0;
                    out.printf(
                            "%-7s %10d %8.0f %10.2f %8.1f %12.0f %8.2f %8.2f %14.0f %14.0f %8d %8dM %10s %8.2f%n",
                            existing != null ? "file" : format,
                            lines < 0 ? m.records : lines,
                            mb,
                            m.seconds,
                            mb / m.seconds,
                            m.records / m.seconds,
                            m.cpu,
                            m.minerCpu,
                            m.records / m.cpu,
                            m.records / Math.max(m.minerCpu, m.cpu - m.minerCpu),
                            m.templates,
                            m.peakHeap >> 20,
                            m.gcMillis + "/" + m.gcCount,
                            wc);
                    out.flush();
                } finally {
                    if (!keep) {
                        Files.deleteIfExists(file);
                    }
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("bench-logs: interrupted");
            return 1;
        }
    }

    private record Measure(
            double seconds,
            double cpu,
            double minerCpu,
            long records,
            int templates,
            long peakHeap,
            long gcMillis,
            long gcCount) {}

    private static Measure measure(Path file) throws IOException {
        System.gc();
        List<MemoryPoolMXBean> heapPools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
                heapPools.add(pool);
            }
        }
        long gcMillis0 = 0;
        long gcCount0 = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis0 += Math.max(0, gc.getCollectionTime());
            gcCount0 += Math.max(0, gc.getCollectionCount());
        }
        long cpu0 = processCpu();
        long minerCpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        TemplateMiner miner = new TemplateMiner();
        long[] counter = {0};
        try (InputStream in = Files.newInputStream(file)) {
            LogMining.run(in, ParseOptions.defaults(), miner, (record, shape) -> counter[0]++);
        }
        long records = counter[0];
        int templates = miner.templates().size();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpu() - cpu0) / 1e9;
        double minerCpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - minerCpu0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            peak += pool.getPeakUsage().getUsed();
        }
        long gcMillis = 0;
        long gcCount = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, gc.getCollectionTime());
            gcCount += Math.max(0, gc.getCollectionCount());
        }
        return new Measure(seconds, cpu, minerCpu, records, templates, peak, gcMillis - gcMillis0, gcCount - gcCount0);
    }

    private static long processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static double timeWc(Path file) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("wc", "-l", file.toString())
                .redirectErrorStream(true)
                .start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (process.waitFor() != 0) {
            return Double.NaN;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static long generate(Path file, String format, long bytes) throws IOException {
        SyntheticLog log = new SyntheticLog(42);
        long written = 0;
        long lines = 0;
        StringBuilder sb = new StringBuilder(512);
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
            while (written < bytes) {
                sb.setLength(0);
                lines += log.next(format, sb);
                w.append(sb);
                written += sb.length();
            }
        }
        return lines;
    }

    /** Generates lines from Loghub-like templates with varied parameters. */
    static final class SyntheticLog {
        private static final String[] USERS = {
            "root", "admin", "test", "oracle", "guest", "postgres", "ubuntu", "git", "ftp", "mysql", "www", "alice"
        };
        private static final String[] STATES = {"NEW", "UNASSIGNED", "ASSIGNED", "RUNNING", "SUCCEEDED", "FAILED"};
        private static final String[] VERBS = {"Started", "Stopped", "Paused", "Resumed"};
        private static final String[] HOSTS = {
            "proxy.cse.cuhk.edu.hk", "www.google.com", "clients4.google.com", "api.github.com", "login.live.com"
        };
        private static final String[] LOGGERS = {
            "dfs.DataNode$PacketResponder", "dfs.FSNamesystem", "org.apache.hadoop.mapreduce.v2.app.MRAppMaster",
            "spark.storage.MemoryStore", "executor.Executor", "nova.compute.manager"
        };
        private static final String[] LEVELS = {"INFO", "INFO", "INFO", "INFO", "WARN", "DEBUG", "ERROR"};

        private final SplittableRandom random;
        private long clock = 1_497_000_000_000L;

        SyntheticLog(long seed) {
            random = new SplittableRandom(seed);
        }

        /** Appends one record (one line, or a few for a stack trace) and returns the number of lines. */
        int next(String format, StringBuilder sb) {
            clock += random.nextInt(50);
            String message = message();
            String level = LEVELS[random.nextInt(LEVELS.length)];
            String logger = LOGGERS[random.nextInt(LOGGERS.length)];
            java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(
                    clock / 1000, (int) (clock % 1000) * 1_000_000, java.time.ZoneOffset.UTC);
            switch (format) {
                case "json" -> {
                    sb.append("{\"ts\":\"").append(t).append("Z\",\"level\":\"").append(level);
                    sb.append("\",\"logger\":\"").append(logger).append("\",\"msg\":\"");
                    for (int i = 0; i < message.length(); i++) {
                        char c = message.charAt(i);
                        if (c == '"' || c == '\\') {
                            sb.append('\\');
                        }
                        sb.append(c);
                    }
                    sb.append("\"}\n");
                    return 1;
                }
                case "syslog" -> {
                    sb.append(MONTHS[t.getMonthValue() - 1]);
                    sb.append(' ');
                    if (t.getDayOfMonth() < 10) {
                        sb.append(' ');
                    }
                    sb.append(t.getDayOfMonth()).append(' ');
                    two(sb, t.getHour()).append(':');
                    two(sb, t.getMinute()).append(':');
                    two(sb, t.getSecond()).append(" combo sshd[").append(1000 + random.nextInt(30000));
                    sb.append("]: ").append(message).append('\n');
                    return 1;
                }
                default -> {
                    sb.append(t.toLocalDate()).append(' ');
                    two(sb, t.getHour()).append(':');
                    two(sb, t.getMinute()).append(':');
                    two(sb, t.getSecond()).append(',');
                    int ms = t.getNano() / 1_000_000;
                    sb.append(ms < 100 ? (ms < 10 ? "00" : "0") : "").append(ms);
                    sb.append(' ')
                            .append(level)
                            .append(" [main] ")
                            .append(logger)
                            .append(": ");
                    sb.append(message).append('\n');
                    if (random.nextInt(500) == 0) {
                        sb.append("java.io.IOException: Connection reset by peer\n");
                        sb.append("\tat sun.nio.ch.FileDispatcherImpl.read0(Native Method)\n");
                        sb.append("\tat org.apache.hadoop.ipc.Client$Connection.run(Client.java:")
                                .append(random.nextInt(2000))
                                .append(")\n");
                        return 4;
                    }
                    return 1;
                }
            }
        }

        private static final String[] MONTHS = {
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
        };

        private static StringBuilder two(StringBuilder sb, int v) {
            return sb.append(v < 10 ? "0" : "").append(v);
        }

        private String ip() {
            return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
        }

        private String block() {
            long v = random.nextLong();
            return "blk_" + v;
        }

        private String uuid() {
            return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
        }

        private String message() {
            return switch (random.nextInt(20)) {
                case 0 ->
                    "Receiving block " + block() + " src: /" + ip() + ":" + random.nextInt(65536) + " dest: /" + ip()
                            + ":50010";
                case 1 -> "PacketResponder " + random.nextInt(3) + " for block " + block() + " terminating";
                case 2 -> "Received block " + block() + " of size " + random.nextInt(67108864) + " from /" + ip();
                case 3 ->
                    "BLOCK* NameSystem.addStoredBlock: blockMap updated: " + ip() + ":50010 is added to " + block()
                            + " size " + random.nextInt(67108864);
                case 4 -> "Verification succeeded for " + block();
                case 5 ->
                    "Failed password for " + USERS[random.nextInt(USERS.length)] + " from " + ip() + " port "
                            + random.nextInt(65536) + " ssh2";
                case 6 -> "Invalid user " + USERS[random.nextInt(USERS.length)] + random.nextInt(5) + " from " + ip();
                case 7 -> "Received disconnect from " + ip() + ": 11: Bye Bye [preauth]";
                case 8 ->
                    "Finished task " + random.nextInt(100) + ".0 in stage " + random.nextInt(20) + ".0 (TID "
                            + random.nextInt(10000) + "). " + random.nextInt(5000) + " bytes result sent to driver";
                case 9 ->
                    "Block rdd_" + random.nextInt(50) + "_" + random.nextInt(50)
                            + " stored as bytes in memory (estimated size " + random.nextInt(1000) + "."
                            + random.nextInt(10)
                            + " KB, free " + random.nextInt(1000) + "." + random.nextInt(10) + " MB)";
                case 10 ->
                    "attempt_1445144423722_0020_m_" + String.format("%06d", random.nextInt(100))
                            + "_0 TaskAttempt Transitioned from " + STATES[random.nextInt(3)] + " to "
                            + STATES[3 + random.nextInt(3)];
                case 11 ->
                    ip() + " \"GET /v2/" + Long.toHexString(random.nextLong())
                            + "/servers/detail HTTP/1.1\" status: 200 len: " + (1000 + random.nextInt(1000))
                            + " time: 0."
                            + random.nextInt(1_000_000);
                case 12 ->
                    "[instance: " + uuid() + "] VM " + VERBS[random.nextInt(VERBS.length)] + " (Lifecycle Event)";
                case 13 ->
                    "[instance: " + uuid() + "] Took " + random.nextInt(60) + "." + random.nextInt(100)
                            + " seconds to build instance.";
                case 14 -> "session opened for user " + USERS[random.nextInt(USERS.length)] + " by (uid=0)";
                case 15 -> "onStandStepChanged " + random.nextInt(10000);
                case 16 ->
                    HOSTS[random.nextInt(HOSTS.length)] + ":" + random.nextInt(65536) + " open through proxy "
                            + HOSTS[0] + ":5070 HTTPS";
                case 17 ->
                    HOSTS[random.nextInt(HOSTS.length)] + ":443 close, " + random.nextInt(100000)
                            + " bytes sent, " + random.nextInt(100000) + " bytes received, lifetime 00:"
                            + String.format("%02d", random.nextInt(60));
                case 18 -> "Connection closed by " + ip() + " [preauth]";
                default ->
                    "Times: total = " + random.nextInt(100) + ", boot = " + random.nextInt(10) + ", init = "
                            + random.nextInt(10) + ", finish = " + random.nextInt(10);
            };
        }
    }
}
