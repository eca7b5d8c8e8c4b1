package dev.hindsight.evidence.internal.sources;

import dev.hindsight.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON evidence into documents with the lines they span: one document, a top-level array (each element a
 * document), or JSON lines / concatenated documents. A JSON-lines file with bad lines keeps its good ones (the bad
 * ones are counted as unparsed); content that is not JSON at all is rejected with {@link InvalidInputException}.
 */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A document and the 1-based lines it spans. */
    record Document(JsonNode node, long firstLine, long lastLine) {}

    private Json() {}

    static List<Document> documents(byte[] content, String expected, Unparsed unparsed) {
        List<Document> documents = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw notJson(expected, "it is empty");
            }
            if (first == JsonToken.START_ARRAY) {
                JsonToken token;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                    documents.add(read(parser));
                }
                if (parser.nextToken() != null) {
                    throw notJson(expected, "there is more after the top-level array");
                }
                return documents;
            }
            documents.add(read(parser));
            while (parser.nextToken() != null) {
                documents.add(read(parser));
            }
            return documents;
        } catch (JacksonException e) {
            if (documents.isEmpty() && !multiLine(content)) {
                throw notJson(expected, e.getOriginalMessage());
            }
            return byLine(content, expected, unparsed);
        }
    }

    private static List<Document> byLine(byte[] content, String expected, Unparsed unparsed) {
        List<Document> documents = new ArrayList<>();
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\r?\n", -1);
        long bad = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                documents.add(new Document(MAPPER.readTree(line), i + 1, i + 1));
            } catch (JacksonException e) {
                bad++;
                unparsed.add((i + 1) + ": " + line);
            }
        }
        if (documents.isEmpty()) {
            throw notJson(expected, "none of its " + bad + " lines is a JSON document");
        }
        return documents;
    }

    private static Document read(JsonParser parser) {
        long first = parser.currentTokenLocation().getLineNr();
        JsonNode node = MAPPER.readTree(parser);
        return new Document(node, first, parser.currentLocation().getLineNr());
    }

    private static boolean multiLine(byte[] content) {
        int lines = 0;
        for (byte b : content) {
            if (b == '\n' && ++lines > 1) {
                return true;
            }
        }
        return false;
    }

    private static InvalidInputException notJson(String expected, String why) {
        return new InvalidInputException(
                "file", "is not JSON (" + why + "); expected " + expected + ". Nothing was attached.");
    }

    /** The text of a scalar field, or null when absent, null or not a scalar. */
    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainer() || value.isMissingNode()) {
            return null;
        }
        String text = value.isString() ? value.stringValue() : value.toString();
        return text.isBlank() ? null : text;
    }

    /** The object at {@code field}, or null. */
    static JsonNode object(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isObject() ? value : null;
    }

    /** Scalar properties of an object as strings, in order; empty when it is not an object. */
    static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        if (node != null && node.isObject()) {
            for (var e : node.properties()) {
                String v = text(node, e.getKey());
                if (v != null) {
                    map.put(e.getKey(), v);
                }
            }
        }
        return map;
    }

    static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
