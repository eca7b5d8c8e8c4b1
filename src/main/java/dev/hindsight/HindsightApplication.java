package dev.hindsight;

import dev.hindsight.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the Hindsight server, or runs a command-line tool when the first argument names one. */
@SpringBootApplication
public class HindsightApplication {

    public static void main(String[] args) {
        if (args.length > 0 && Cli.handles(args[0])) {
            System.exit(Cli.run(args));
        }
        SpringApplication.run(HindsightApplication.class, args);
    }
}
