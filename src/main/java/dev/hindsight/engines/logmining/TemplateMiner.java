package dev.hindsight.engines.logmining;

import dev.hindsight.engines.logs.LogRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An online template miner. {@link #add} files each message under its masked shape in constant time when the shape
 * was seen before; new shapes are placed in a family (same token count, same leading word, similar tokens) of a
 * fixed-depth tree. {@link #templates()} groups each family's shapes: a position whose values vary like a parameter
 * becomes {@code <*>}, and shapes that agree on all other positions form one template.
 *
 * <p>Memory grows with the number of distinct shapes (bounded per family by
 * {@link MinerConfig#maxShapesPerFamily()}), not with the number of messages. Not thread-safe.
 */
public final class TemplateMiner {

    private final MinerConfig config;
    private final Masker masker = new Masker();
    private Entry[] cache = new Entry[1024];
    private int cached;
    private final HashMap<String, List<Family>> tree = new HashMap<>();
    private final ArrayList<Shape> shapes = new ArrayList<>();
    private long messages;
    private boolean dirty = true;
    private int[] groupOf = new int[0];
    private List<LogTemplate> templates = List.of();

    /** A miner with {@link MinerConfig#defaults()}. */
    public TemplateMiner() {
        this(MinerConfig.defaults());
    }

    /** A miner with the given configuration, never null. */
    public TemplateMiner(MinerConfig config) {
        this.config = config;
    }

    /**
     * Adds one message and returns the id of its shape. Shape ids are dense from 0; map one to its template with
     * {@link #templateIdOf(int)} once all messages are added.
     *
     * @param message the message content (only its first line is mined), never null
     * @param timestamp the message's instant, or null
     */
    public int add(String message, Instant timestamp) {
        Masker m = masker;
        m.mask(message);
        char[] chars = m.chars();
        int length = m.length();
        int hash = m.hash();
        Entry[] table = cache;
        int mask = table.length - 1;
        int index = (hash ^ (hash >>> 16)) & mask;
        Shape shape = null;
        for (Entry e = table[index]; e != null; e = table[index]) {
            if (e.hash == hash && Arrays.equals(e.key, 0, e.key.length, chars, 0, length)) {
                shape = e.shape;
                break;
            }
            index = (index + 1) & mask;
        }
        if (shape == null) {
            shape = locate(new String(chars, 0, length));
            remember(Arrays.copyOf(chars, length), hash, shape);
        }
        messages++;
        dirty = true;
        shape.count++;
        if (timestamp != null) {
            if (shape.first == null || timestamp.isBefore(shape.first)) {
                shape.first = timestamp;
            }
            if (shape.last == null || timestamp.isAfter(shape.last)) {
                shape.last = timestamp;
            }
        }
        if (shape.examples.size() < config.maxExamples()) {
            int newline = message.indexOf('\n');
            shape.examples.add(newline < 0 ? message : message.substring(0, newline));
        }
        return shape.id;
    }

    /** Adds a parsed record's message and timestamp; see {@link #add(String, Instant)}. */
    public int add(LogRecord record) {
        return add(record.message(), record.timestamp());
    }

    /** The number of messages added so far. */
    public long messageCount() {
        return messages;
    }

    /** The number of distinct shapes so far. */
    public int shapeCount() {
        return shapes.size();
    }

    /**
     * The id of the template that the shape belongs to now. Grouping depends on all messages added so far, so call
     * this once the messages of interest are added; each call after an {@link #add} regroups all shapes.
     *
     * @throws IndexOutOfBoundsException when no shape has this id
     */
    public int templateIdOf(int shapeId) {
        group();
        return groupOf[shapeId];
    }

    /** The templates of all messages added so far, ordered by id, never null. */
    public List<LogTemplate> templates() {
        group();
        return templates;
    }

    private void remember(char[] key, int hash, Shape shape) {
        if (cached >= config.maxCachedSignatures()) {
            Arrays.fill(cache, null);
            cached = 0;
        }
        if ((cached + 1) * 2 > cache.length) {
            Entry[] old = cache;
            cache = new Entry[old.length * 2];
            cached = 0;
            for (Entry e : old) {
                if (e != null) {
                    insert(e);
                }
            }
        }
        insert(new Entry(key, hash, shape));
    }

    private void insert(Entry entry) {
        int mask = cache.length - 1;
        int index = (entry.hash ^ (entry.hash >>> 16)) & mask;
        while (cache[index] != null) {
            index = (index + 1) & mask;
        }
        cache[index] = entry;
        cached++;
    }

    private record Entry(char[] key, int hash, Shape shape) {}

    private Shape locate(String signature) {
        String[] tokens = signature.isEmpty() ? new String[0] : signature.split(" ");
        String key = keyOf(tokens);
        List<Family> families = tree.computeIfAbsent(key, k -> new ArrayList<>(2));
        Family best = null;
        double bestSimilarity = -1;
        for (Family family : families) {
            double similarity = family.similarity(tokens);
            if (similarity > bestSimilarity) {
                best = family;
                bestSimilarity = similarity;
            }
        }
        if (best == null || bestSimilarity < config.similarityThreshold()) {
            best = new Family(tokens);
            families.add(best);
        } else {
            for (Shape shape : best.shapes) {
                if (shape.signature.equals(signature)) {
                    return shape;
                }
            }
            if (best.shapes.size() >= config.maxShapesPerFamily()) {
                return best.closest(tokens);
            }
        }
        Shape shape = new Shape(shapes.size(), signature, tokens, config.maxExamples());
        shapes.add(shape);
        best.add(shape);
        dirty = true;
        return shape;
    }

    private static String keyOf(String[] tokens) {
        int limit = Math.min(tokens.length, 3);
        for (int i = 0; i < limit; i++) {
            if (isWord(tokens[i])) {
                return tokens.length + "|" + i + "|" + tokens[i];
            }
        }
        return tokens.length + "|*";
    }

    private static boolean isWord(String token) {
        int n = token.length();
        while (n > 0 && (token.charAt(n - 1) == ':' || token.charAt(n - 1) == ',' || token.charAt(n - 1) == '=')) {
            n--;
        }
        if (n < 2) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < n; i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (c != '_' && c != '-' && c != '$') {
                return false;
            }
        }
        return letter;
    }

    private void group() {
        if (!dirty) {
            return;
        }
        int[] groups = new int[shapes.size()];
        List<LogTemplate> result = new ArrayList<>();
        for (List<Family> families : tree.values()) {
            for (Family family : families) {
                family.group(groups, result, config.maxExamples());
            }
        }
        result.sort((a, b) -> Integer.compare(a.id(), b.id()));
        groupOf = groups;
        templates = List.copyOf(result);
        dirty = false;
    }

    static final class Shape {
        final int id;
        final String signature;
        final String[] tokens;
        final List<String> examples;
        long count;
        Instant first;
        Instant last;

        Shape(int id, String signature, String[] tokens, int maxExamples) {
            this.id = id;
            this.signature = signature;
            this.tokens = tokens;
            this.examples = new ArrayList<>(Math.min(maxExamples, 4));
        }
    }

    static final class Family {
        final String[] template;
        final List<Shape> shapes = new ArrayList<>();

        Family(String[] tokens) {
            this.template = tokens.clone();
        }

        double similarity(String[] tokens) {
            if (tokens.length == 0) {
                return 1;
            }
            int same = 0;
            for (int i = 0; i < tokens.length; i++) {
                if (template[i] != null && template[i].equals(tokens[i])) {
                    same++;
                }
            }
            return (double) same / tokens.length;
        }

        void add(Shape shape) {
            shapes.add(shape);
            for (int i = 0; i < template.length; i++) {
                if (template[i] != null && !template[i].equals(shape.tokens[i])) {
                    template[i] = null;
                }
            }
        }

        Shape closest(String[] tokens) {
            Shape best = shapes.get(0);
            int bestSame = -1;
            for (Shape shape : shapes) {
                int same = 0;
                for (int i = 0; i < tokens.length; i++) {
                    if (shape.tokens[i].equals(tokens[i])) {
                        same++;
                    }
                }
                if (same > bestSame) {
                    best = shape;
                    bestSame = same;
                }
            }
            return best;
        }

        void group(int[] groupOf, List<LogTemplate> out, int maxExamples) {
            int length = template.length;
            boolean[] variable = new boolean[length];
            for (int i = 0; i < length; i++) {
                if (template[i] == null) {
                    variable[i] = ParameterRule.isParameter(this, i);
                } else {
                    variable[i] = template[i].equals(Masker.VAR);
                }
            }
            Map<String, List<Shape>> groups = new LinkedHashMap<>();
            StringBuilder key = new StringBuilder();
            for (Shape shape : shapes) {
                key.setLength(0);
                for (int i = 0; i < length; i++) {
                    if (!variable[i]) {
                        key.append(shape.tokens[i]).append('\u0001');
                    }
                }
                groups.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(shape);
            }
            for (List<Shape> members : groups.values()) {
                out.add(templateOf(members, variable, groupOf, maxExamples));
            }
        }

        private LogTemplate templateOf(List<Shape> members, boolean[] variable, int[] groupOf, int maxExamples) {
            int id = Integer.MAX_VALUE;
            long count = 0;
            Instant first = null;
            Instant last = null;
            List<String> examples = new ArrayList<>();
            for (Shape shape : members) {
                id = Math.min(id, shape.id);
                count += shape.count;
                if (shape.first != null && (first == null || shape.first.isBefore(first))) {
                    first = shape.first;
                }
                if (shape.last != null && (last == null || shape.last.isAfter(last))) {
                    last = shape.last;
                }
                for (String example : shape.examples) {
                    if (examples.size() < maxExamples) {
                        examples.add(example);
                    }
                }
            }
            String[] tokens = members.get(0).tokens.clone();
            for (int i = 0; i < tokens.length; i++) {
                if (variable[i]) {
                    tokens[i] = Masker.VAR;
                } else {
                    for (Shape shape : members) {
                        if (!shape.tokens[i].equals(tokens[i])) {
                            tokens[i] = Masker.VAR;
                            break;
                        }
                    }
                }
            }
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < tokens.length; i++) {
                if (tokens[i].contains(Masker.VAR)) {
                    positions.add(i);
                }
            }
            for (Shape shape : members) {
                groupOf[shape.id] = id;
            }
            return new LogTemplate(
                    id, String.join(" ", Arrays.asList(tokens)), count, first, last, List.copyOf(positions), examples);
        }
    }
}
