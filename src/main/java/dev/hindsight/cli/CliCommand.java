package dev.hindsight.cli;

import java.io.PrintStream;
import java.util.List;

/** One command of the Hindsight command line. Commands run without the server and without a database. */
public interface CliCommand {

    /** The word that selects this command, e.g. {@code mine-logs}. */
    String name();

    /** One line for the help listing. */
    String summary();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command name, never null
     * @return the process exit code: 0 on success, 2 for a usage mistake, 1 for any other failure
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
