package dev.hindsight.engines.logs;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The line formats {@link LogParser} reads. Detection prefers the earlier constant when two match equally well. */
public enum LogFormat {
    /** One JSON object per line (fields time/timestamp/ts/@timestamp, level/severity/lvl, msg/message, logger). */
    JSON("json", List.of("jsonl", "ndjson"), new Structured.Json()),
    /** RFC 5424 syslog. */
    SYSLOG_5424("syslog-5424", List.of("rfc5424"), new Parsers.Syslog5424()),
    /** Apache/nginx common or combined access log. */
    ACCESS("access", List.of("apache", "nginx", "clf", "combined"), new Parsers.Access()),
    /** BlueGene/L RAS log: {@code - 1117838570 2005.06.03 node 2005-06-03-15.42.50.675872 node RAS KERNEL INFO msg}. */
    BGL("bgl", List.of("bluegene"), new Parsers.Bgl()),
    /** Thunderbird: {@code - 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 crond[2915]: msg}. */
    THUNDERBIRD("thunderbird", List.of(), new Parsers.Thunderbird()),
    /** HPC: {@code 134681 node-246 unix.hw state_change.unavailable 1077804742 1 msg}. */
    HPC("hpc", List.of(), new Parsers.Hpc()),
    /** HealthApp: {@code 20171223-22:15:29:606|Component|pid|message}. */
    HEALTHAPP("healthapp", List.of(), new Parsers.HealthApp()),
    /** Proxifier: {@code [10.30 16:49:06] program - message}. */
    PROXIFIER("proxifier", List.of(), new Parsers.Proxifier()),
    /** Apache httpd error log: {@code [Sun Dec 04 04:47:44 2005] [error] message}. */
    APACHE_ERROR("apache-error", List.of("httpd-error"), new Parsers.ApacheError()),
    /** RFC 3164 syslog, optionally without priority: {@code Jun 14 15:16:01 host tag[pid]: message}. */
    SYSLOG("syslog", List.of("rfc3164", "linux", "openssh"), new Parsers.Syslog()),
    /**
     * Log4j/Logback/Python style {@code time [pid] LEVEL [thread] logger: message} with multi-line stack traces;
     * covers HDFS, Hadoop, Spark, Zookeeper-style nested thread brackets and Android logcat {@code threadtime}.
     */
    LOG4J("log4j", List.of("logback", "python", "hdfs", "hadoop", "spark", "logcat"), new Parsers.Log4j()),
    /** OpenStack / oslo.log: {@code [file] 2017-05-16 00:00:00.008 pid LEVEL logger [context] message}. */
    OPENSTACK("openstack", List.of("oslo"), new Parsers.OpenStack()),
    /** logfmt {@code key=value} pairs. */
    LOGFMT("logfmt", List.of(), new Structured.Logfmt()),
    /** Any text: each line is a record whose message is the whole line. */
    RAW("raw", List.of("text", "plain"), new Parsers.Raw());

    private final String formatName;
    private final List<String> aliases;
    private final HeaderParser parser;

    LogFormat(String formatName, List<String> aliases, HeaderParser parser) {
        this.formatName = formatName;
        this.aliases = aliases;
        this.parser = parser;
    }

    /** The name used on the command line, never null. */
    public String formatName() {
        return formatName;
    }

    /** Other accepted names, never null. */
    public List<String> aliases() {
        return aliases;
    }

    /** Whether lines matching no header may continue the previous record (stack traces). */
    public boolean multiLine() {
        return parser.continuations();
    }

    HeaderParser parser() {
        return parser;
    }

    /** The format with this name or alias, case-insensitively; throws IllegalArgumentException listing the names. */
    public static LogFormat byName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (LogFormat format : values()) {
            if (format.formatName.equals(wanted) || format.aliases.contains(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown log format '" + name + "'; known formats: auto, " + names());
    }

    /** All format names with their aliases in parentheses, comma-separated, never null. */
    public static String names() {
        return Arrays.stream(values())
                .map(f -> f.aliases.isEmpty() ? f.formatName : f.formatName + " (" + String.join(", ", f.aliases) + ")")
                .collect(Collectors.joining(", "));
    }
}
