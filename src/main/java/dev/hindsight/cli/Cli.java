package dev.hindsight.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The command-line entry point: dispatches {@code hindsight <command> ...} to a {@link CliCommand}. */
public final class Cli {

    private static final List<CliCommand> COMMANDS = List.of(
            new MineLogsCommand(),
            new BenchLogsCommand(),
            new FtaCommand(),
            new BenchFtaCommand(),
            new BnCommand(),
            new BlamelessCheckCommand(),
            new ImportPostmortemsCommand());

    private Cli() {}

    /** Whether {@code word} is a command-line command (or a request for help) rather than a server argument. */
    public static boolean handles(String word) {
        return word.equals("help") || find(word).isPresent();
    }

    /** Runs the command named by {@code args[0]} and returns its exit code. */
    public static int run(String[] args) {
        return run(Arrays.asList(args), System.out, System.err);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("help")) {
            out.println("Commands:");
            for (CliCommand command : COMMANDS) {
                out.printf("  %-12s %s%n", command.name(), command.summary());
            }
            out.println("Run './hindsight <command> --help' for a command's options.");
            return 0;
        }
        Optional<CliCommand> command = find(args.get(0));
        if (command.isEmpty()) {
            err.println("Unknown command '" + args.get(0) + "'. Run './hindsight help' for the list.");
            return 2;
        }
        try {
            return command.get().run(args.subList(1, args.size()), out, err);
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static Optional<CliCommand> find(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
