package dev.hindsight.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code import-postmortems <file.md|dir> ... --url http://host:8080 [--token hs_...]}: sends Markdown postmortems
 * with YAML front matter to a running server's import API ({@code POST /api/v1/postmortems/import}), one request per
 * file, and prints each file's outcome. Unlike the other commands it needs a server: it is a client of its API. The
 * token (an admin's API token) comes from {@code --token} or {@code HINDSIGHT_TOKEN}. Exit code 0 when every file was
 * imported, 1 when any was refused, 2 for a usage mistake.
 */
public final class ImportPostmortemsCommand implements CliCommand {

    private final Function<String, String> environment;

    public ImportPostmortemsCommand() {
        this(System::getenv);
    }

    ImportPostmortemsCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "import-postmortems";
    }

    @Override
    public String summary() {
        return "send Markdown postmortems (YAML front matter) to a running server's import API";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String url = null;
        String token = environment.apply("HINDSIGHT_TOKEN");
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(usage());
                return 0;
            } else if ((arg.equals("--url") || arg.equals("--token")) && i + 1 >= args.size()) {
                err.println(arg + " needs a value.");
                return 2;
            } else if (arg.equals("--url")) {
                url = args.get(++i);
            } else if (arg.equals("--token")) {
                token = args.get(++i);
            } else if (arg.startsWith("-")) {
                err.println("Unknown option '" + arg + "'.");
                err.println(usage());
                return 2;
            } else {
                inputs.add(Path.of(arg));
            }
        }
        if (url == null || inputs.isEmpty()) {
            err.println("Give the server's --url and at least one file or directory.");
            err.println(usage());
            return 2;
        }
        if (token == null || token.isBlank()) {
            err.println("Give an admin's API token with --token or HINDSIGHT_TOKEN.");
            return 2;
        }
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> list = Files.list(input)) {
                    list.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
                } catch (IOException e) {
                    err.println("Cannot read directory " + input + ": " + e.getMessage());
                    return 1;
                }
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                err.println("No file or directory " + input);
                return 2;
            }
        }
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        int refused = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/postmortems/import?name="
                                + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/markdown; charset=utf-8")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofFile(file))
                        .build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    out.println(name + ": imported " + response.body());
                } else {
                    refused++;
                    out.println(name + ": refused (" + response.statusCode() + ") " + response.body());
                }
            } catch (IOException e) {
                err.println(name + ": " + e.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        out.println(files.size() - refused + " of " + files.size() + " files imported.");
        return refused == 0 ? 0 : 1;
    }

    private static String usage() {
        return "Usage: ./hindsight import-postmortems <file.md|dir> ... --url http://host:8080 [--token hs_...]\n"
                + "Needs a running server and an admin's API token (--token or HINDSIGHT_TOKEN).";
    }
}
