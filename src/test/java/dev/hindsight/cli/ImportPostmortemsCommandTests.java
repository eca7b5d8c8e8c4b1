package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import client against a stand-in server that records what it receives. */
class ImportPostmortemsCommandTests {

    record Received(String path, String authorization, String contentType, String body) {}

    HttpServer server;
    final List<Received> received = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/postmortems/import", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (received) {
                received.add(new Received(
                        exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        body));
            }
            boolean ok = body.startsWith("---");
            byte[] answer = (ok ? "[{\"key\":\"INC-1\"}]" : "[{\"errors\":[{\"field\":\"file\"}]}]")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ok ? 200 : 422, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void sendsEveryMarkdownFileOfADirectoryWithTheTokenAndReportsRefusals() throws Exception {
        Files.writeString(dir.resolve("a.md"), "---\ntitle: Café\n---\nBody\n");
        Files.writeString(dir.resolve("b b.md"), "no front matter");
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = new ImportPostmortemsCommand(Map.of("HINDSIGHT_TOKEN", "hs_secret")::get)
                .run(List.of(dir.toString(), "--url", url() + "/"), new PrintStream(out), new PrintStream(err));

        assertThat(code).isEqualTo(1);
        assertThat(received).hasSize(2);
        assertThat(received.get(0).path()).isEqualTo("/api/v1/postmortems/import?name=a.md");
        assertThat(received.get(0).authorization()).isEqualTo("Bearer hs_secret");
        assertThat(received.get(0).contentType()).startsWith("text/markdown");
        assertThat(received.get(0).body()).isEqualTo("---\ntitle: Café\n---\nBody\n");
        assertThat(received.get(1).path()).isEqualTo("/api/v1/postmortems/import?name=b+b.md");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("a.md: imported", "b b.md: refused (422)", "1 of 2 files imported.");
    }

    @Test
    void refusesToRunWithoutUrlOrToken() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ImportPostmortemsCommand command = new ImportPostmortemsCommand(Map.<String, String>of()::get);

        assertThat(command.run(List.of("x.md"), System.out, new PrintStream(err)))
                .isEqualTo(2);
        assertThat(command.run(List.of("x.md", "--url", url()), System.out, new PrintStream(err)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--url", "HINDSIGHT_TOKEN");
        assertThat(received).isEmpty();
    }
}
