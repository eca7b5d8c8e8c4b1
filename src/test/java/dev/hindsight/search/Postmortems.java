package dev.hindsight.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The public postmortems in {@code ../shared/data/postmortems}: YAML front matter between {@code ---} lines, then text. */
final class Postmortems {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Postmortems() {}

    record Postmortem(
            String uuid, String title, String summary, String body, List<String> categories, List<String> keywords) {

        SearchDocument document() {
            return new SearchDocument(
                    uuid,
                    title,
                    Map.of("summary", summary, "postmortem", body),
                    List.of(),
                    List.of(),
                    null,
                    null,
                    keywords,
                    List.of(),
                    null,
                    false,
                    Set.of());
        }
    }

    static List<Postmortem> read(Path dir) {
        List<Postmortem> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String text = Files.readString(file);
                if (!text.startsWith("---")) {
                    continue;
                }
                int end = text.indexOf("\n---", 3);
                Map<?, ?> front = YAML.readValue(text.substring(3, end), Map.class);
                String body = text.substring(text.indexOf('\n', end + 1) + 1);
                all.add(new Postmortem(
                        String.valueOf(front.get("uuid")),
                        String.valueOf(front.get("title")),
                        front.get("summary") == null ? "" : String.valueOf(front.get("summary")),
                        body,
                        strings(front.get("categories")),
                        strings(front.get("keywords"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }
}
