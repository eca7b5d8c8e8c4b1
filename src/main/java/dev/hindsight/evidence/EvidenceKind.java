package dev.hindsight.evidence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a piece of evidence is, chosen by the person attaching it. Text kinds must be UTF-8 text. */
public enum EvidenceKind {
    LOG(true),
    ALERT(true),
    CHAT(true),
    DEPLOY(true),
    METRIC(true),
    STATEMENT(false),
    OTHER(false);

    private final boolean text;

    EvidenceKind(boolean text) {
        this.text = text;
    }

    /** Whether content of this kind must be UTF-8 text without NUL bytes. */
    public boolean requiresText() {
        return text;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code value} (any case), if there is one. */
    public static Optional<EvidenceKind> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(wanted)).findFirst();
    }

    /** A guess from a file name, used when the person does not choose; never null. */
    public static EvidenceKind guess(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        if (ext.equals("gz") || ext.equals("zip") || ext.equals("zst") || ext.equals("tar")) {
            return OTHER;
        }
        if (name.contains("alert")) {
            return ALERT;
        }
        if (name.contains("slack") || name.contains("chat") || name.contains("teams")) {
            return CHAT;
        }
        if (name.contains("deploy") || name.contains("release") || name.contains("rollout")) {
            return DEPLOY;
        }
        if (name.contains("metric") || ext.equals("prom") || ext.equals("csv")) {
            return METRIC;
        }
        if (name.contains("statement") || ext.equals("md") || ext.equals("docx") || ext.equals("pdf")) {
            return STATEMENT;
        }
        return switch (ext) {
            case "log", "txt", "out", "err", "jsonl", "ndjson", "json" -> LOG;
            default -> name.contains("log") ? LOG : OTHER;
        };
    }
}
