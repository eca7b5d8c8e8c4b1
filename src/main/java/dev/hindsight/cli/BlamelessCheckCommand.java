package dev.hindsight.cli;

import dev.hindsight.engines.blameless.BlamelessChecker;
import dev.hindsight.engines.blameless.Finding;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code blameless-check <file.md> [--names Alice,Bob]}: prints blaming and hindsight language found in a postmortem
 * draft. Exit code 0 when the text is clean, 1 when there are findings, 2 for a usage mistake.
 */
public final class BlamelessCheckCommand implements CliCommand {

    @Override
    public String name() {
        return "blameless-check";
    }

    @Override
    public String summary() {
        return "find blaming and hindsight language in a postmortem (Markdown) file";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path file = null;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(usage());
                return 0;
            } else if (arg.equals("--names")) {
                if (i + 1 >= args.size()) {
                    err.println("--names needs a value, e.g. --names Alice,Bob,@carol");
                    return 2;
                }
                addNames(args.get(++i), names);
            } else if (arg.startsWith("--names=")) {
                addNames(arg.substring("--names=".length()), names);
            } else if (arg.startsWith("-")) {
                err.println("Unknown option '" + arg + "'.");
                err.println(usage());
                return 2;
            } else if (file == null) {
                file = Path.of(arg);
            } else {
                err.println("Give exactly one file; '" + arg + "' is extra.");
                err.println(usage());
                return 2;
            }
        }
        if (file == null) {
            err.println("Give the Markdown file to check.");
            err.println(usage());
            return 2;
        }
        if (!Files.isRegularFile(file)) {
            err.println("File not found: " + file + " (give the path of a Markdown or text file).");
            return 2;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        List<Finding> findings = BlamelessChecker.withKnownNames(names).check(text);
        LineIndex lines = new LineIndex(text);
        for (Finding f : findings) {
            out.printf(
                    "%s:%d:%d: %s: \"%s\"%n    why: %s%n    try: %s%n",
                    file,
                    lines.line(f.start()),
                    lines.column(f.start()),
                    f.rule().id(),
                    f.text().replaceAll("\\s+", " "),
                    f.reason(),
                    f.suggestion());
        }
        out.println(
                findings.isEmpty()
                        ? "No blaming or hindsight language found."
                        : findings.size() + (findings.size() == 1 ? " finding." : " findings."));
        return findings.isEmpty() ? 0 : 1;
    }

    private static void addNames(String value, List<String> names) {
        for (String name : value.split(",")) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
    }

    private static String usage() {
        return "Usage: ./hindsight blameless-check <file.md> [--names Alice,Bob,@carol]\n"
                + "  --names  participants of the incident (names or @handles), comma-separated\n"
                + "Exit code: 0 clean, 1 findings, 2 usage mistake.";
    }

    /** Converts offsets to 1-based line and column numbers. */
    private static final class LineIndex {
        private final List<Integer> starts = new ArrayList<>();

        LineIndex(String text) {
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
        }

        int line(int offset) {
            int lo = 0;
            int hi = starts.size() - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (starts.get(mid) <= offset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo + 1;
        }

        int column(int offset) {
            return offset - starts.get(line(offset) - 1) + 1;
        }
    }
}
