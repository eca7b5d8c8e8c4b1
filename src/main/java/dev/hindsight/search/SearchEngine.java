package dev.hindsight.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordTokenizerFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The search index of one node: plain Lucene, no Spring, so tests and benchmarks drive it directly. Text fields are
 * analysed as English (stemmed, stop words removed) with offsets for highlighting; facet fields are kept as lower-case
 * keywords for queries ({@code service:checkout}) and as doc-value facets with their original spelling for counts.
 * Every query is filtered by the reader's visibility, so counts and facets only ever cover what the reader may see.
 * Thread-safe.
 */
public final class SearchEngine implements Closeable {

    /** Text fields with their weight in ranking. */
    public static final Map<String, Float> TEXT_FIELDS = textFields();

    /** Facet fields users may name in a query. */
    public static final List<String> FACETS = List.of("service", "team", "severity", "status", "tag", "category");

    static final String KEY = "key";
    static final String DATE = "date";
    static final String VISIBILITY = "visibility";
    static final String READER = "reader";
    static final String SIMILAR = "similar";
    private static final String[] SIMILAR_FIELDS = {"title", "summary", "impact", "factors", "postmortem"};
    private static final FieldType TEXT = textType();

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer;
    private final FacetsConfig facetsConfig = new FacetsConfig();
    private volatile SortedSetDocValuesReaderState facetState;

    /** Opens (or creates) the index in {@code dir}. */
    public SearchEngine(Path dir) {
        try {
            directory = FSDirectory.open(dir);
            Analyzer keyword = CustomAnalyzer.builder()
                    .withTokenizer(KeywordTokenizerFactory.class)
                    .addTokenFilter(LowerCaseFilterFactory.class)
                    .build();
            Map<String, Analyzer> perField = new HashMap<>();
            FACETS.forEach(f -> perField.put(f, keyword));
            perField.put(KEY, keyword);
            analyzer = new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), perField);
            FACETS.forEach(f -> facetsConfig.setMultiValued(f, true));
            writer = new IndexWriter(
                    directory,
                    new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Float> textFields() {
        Map<String, Float> fields = new LinkedHashMap<>();
        fields.put("title", 3f);
        fields.put("summary", 1.5f);
        fields.put("impact", 1f);
        fields.put("factors", 1.5f);
        fields.put("actions", 1f);
        fields.put("timeline", 1f);
        fields.put("statements", 1f);
        fields.put("postmortem", 1f);
        fields.put("logs", 0.5f);
        fields.put("other", 0.5f);
        return java.util.Collections.unmodifiableMap(fields);
    }

    private static FieldType textType() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /** Data stored with the last commit (schema version, last change indexed); empty for a new index. */
    public Map<String, String> commitData() {
        Map<String, String> data = new HashMap<>();
        writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        return data;
    }

    /** Adds or replaces the incident's document; visible to searches after {@link #commit}. */
    public void put(SearchDocument doc) {
        try {
            writer.updateDocument(new Term(KEY, doc.key().toLowerCase(Locale.ROOT)), facetsConfig.build(toLucene(doc)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the incident's document, if any. */
    public void remove(String key) {
        try {
            writer.deleteDocuments(new Term(KEY, key.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every document (before a rebuild). */
    public void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the changes durable with {@code data} as commit data, and visible to searches. */
    public void commit(Map<String, String> data) {
        try {
            writer.setLiveCommitData(Map.copyOf(data).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many incidents the index holds. */
    public int size() {
        return writer.getDocStats().numDocs;
    }

    private Document toLucene(SearchDocument doc) {
        Document d = new Document();
        d.add(new StringField(KEY, doc.key().toLowerCase(Locale.ROOT), Field.Store.NO));
        d.add(new StoredField("displayKey", doc.key()));
        d.add(new Field("title", nullToEmpty(doc.title()), TEXT));
        Map<String, StringBuilder> texts = new LinkedHashMap<>();
        doc.texts().forEach((field, text) -> {
            if (text != null && !text.isBlank()) {
                String name = TEXT_FIELDS.containsKey(field) && !field.equals("title") ? field : "other";
                texts.computeIfAbsent(name, k -> new StringBuilder())
                        .append(text)
                        .append('\n');
            }
        });
        texts.forEach((field, text) -> d.add(new Field(field, text.toString().strip(), TEXT)));
        keywords(d, "service", doc.services());
        keywords(d, "team", doc.teams());
        keywords(d, "tag", doc.tags());
        keywords(d, "category", doc.categories());
        if (doc.severity() != null) {
            keywords(d, "severity", List.of(doc.severity()));
        }
        if (doc.status() != null) {
            keywords(d, "status", List.of(doc.status()));
        }
        if (doc.date() != null) {
            long millis = doc.date().toEpochMilli();
            d.add(new LongPoint(DATE, millis));
            d.add(new NumericDocValuesField(DATE, millis));
        }
        d.add(new StringField(VISIBILITY, doc.restricted() ? "restricted" : "normal", Field.Store.NO));
        for (Long reader : doc.readers()) {
            d.add(new StringField(READER, reader.toString(), Field.Store.NO));
        }
        return d;
    }

    private static void keywords(Document d, String field, Collection<String> values) {
        for (String value : new LinkedHashSet<>(values)) {
            if (value == null || value.isBlank()) {
                continue;
            }
            d.add(new StringField(field, value.toLowerCase(Locale.ROOT), Field.Store.YES));
            d.add(new SortedSetDocValuesFacetField(field, value));
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The filter every query gets: what the reader may see. */
    static Query visibleTo(SearchReader reader) {
        if (reader.admin()) {
            return new MatchAllDocsQuery();
        }
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(VISIBILITY, "normal")), Occur.SHOULD)
                .add(new TermQuery(new Term(READER, Long.toString(reader.userId()))), Occur.SHOULD)
                .setMinimumNumberShouldMatch(1)
                .build();
    }

    /**
     * Parses a user's query: words (all must match, in any text field, ranked by BM25 with the field weights), quoted
     * phrases, {@code -word}, {@code OR}, {@code field:value} for a text field or a facet, and
     * {@code date:[2026-01-01 TO 2026-03-31]} ({@code *} for an open end). Blank means everything.
     *
     * @throws IllegalArgumentException with a readable message when the query cannot be parsed
     */
    public Query parse(String text) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        QueryParser parser = new UserQueryParser(analyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        try {
            return parser.parse(text);
        } catch (ParseException | RuntimeException e) {
            String message = e.getMessage() == null ? "cannot be parsed" : e.getMessage();
            int newline = message.indexOf('\n');
            throw new IllegalArgumentException(
                    "The query cannot be parsed: " + (newline > 0 ? message.substring(0, newline) : message), e);
        }
    }

    private static final class UserQueryParser extends MultiFieldQueryParser {

        UserQueryParser(Analyzer analyzer) {
            super(TEXT_FIELDS.keySet().toArray(String[]::new), analyzer, TEXT_FIELDS);
        }

        @Override
        protected Query getRangeQuery(
                String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
                throws ParseException {
            if (DATE.equals(field)) {
                long from = part1 == null ? Long.MIN_VALUE : day(part1).toEpochMilli();
                long to = part2 == null
                        ? Long.MAX_VALUE
                        : day(part2).plus(1, ChronoUnit.DAYS).toEpochMilli() - 1;
                return LongPoint.newRangeQuery(DATE, from, to);
            }
            return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
        }

        private static Instant day(String text) throws ParseException {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new ParseException("'" + text + "' is not a date like 2026-03-31");
            }
        }
    }

    /**
     * One page of the incidents matching {@code query} that {@code reader} may see, best first, with facet counts over
     * all of them; the date facet's buckets (last 30, 90, 365 days, older) are relative to {@code now}.
     */
    public SearchResults search(String query, SearchReader reader, int page, int size, Instant now) {
        Query parsed = parse(query);
        Query filtered = new BooleanQuery.Builder()
                .add(parsed, Occur.MUST)
                .add(visibleTo(reader), Occur.FILTER)
                .build();
        IndexSearcher searcher = acquire();
        try {
            int top = Math.max(1, (page + 1) * size);
            FacetsCollectorManager.FacetsResult result =
                    FacetsCollectorManager.search(searcher, filtered, top, new FacetsCollectorManager());
            TopDocs topDocs = result.topDocs();
            ScoreDoc[] all = topDocs.scoreDocs;
            int from = Math.min(all.length, page * size);
            ScoreDoc[] slice = java.util.Arrays.copyOfRange(all, from, Math.min(all.length, from + size));
            TopDocs pageDocs = new TopDocs(topDocs.totalHits, slice);
            List<SearchResults.Hit> hits = hits(searcher, parsed, pageDocs);
            Map<String, List<SearchResults.FacetCount>> facets = new LinkedHashMap<>();
            SortedSetDocValuesReaderState state = facetState(searcher);
            if (state != null) {
                SortedSetDocValuesFacetCounts counts =
                        new SortedSetDocValuesFacetCounts(state, result.facetsCollector());
                Set<String> dims = new java.util.HashSet<>();
                state.getDims().forEach(dims::add);
                for (String dim : FACETS) {
                    List<SearchResults.FacetCount> values = new ArrayList<>();
                    if (dims.contains(dim)) {
                        FacetResult fr = counts.getTopChildren(20, dim);
                        if (fr != null) {
                            for (LabelAndValue lv : fr.labelValues) {
                                values.add(new SearchResults.FacetCount(
                                        lv.label,
                                        dim + ":\"" + lv.label.replace("\"", "\\\"") + "\"",
                                        lv.value.longValue()));
                            }
                        }
                    }
                    facets.put(dim, values);
                }
            }
            facets.put("date", dateFacet(result, now));
            return new SearchResults(query == null ? "" : query, topDocs.totalHits.value(), page, size, hits, facets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    private static List<SearchResults.FacetCount> dateFacet(FacetsCollectorManager.FacetsResult result, Instant now)
            throws IOException {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        record Bucket(String label, LocalDate from, LocalDate to) {}
        List<Bucket> buckets = List.of(
                new Bucket("last 30 days", today.minusDays(29), null),
                new Bucket("last 90 days", today.minusDays(89), null),
                new Bucket("last 365 days", today.minusDays(364), null),
                new Bucket("older", null, today.minusDays(365)));
        LongRange[] ranges = buckets.stream()
                .map(b -> new LongRange(
                        b.label(),
                        b.from() == null ? Long.MIN_VALUE : millis(b.from()),
                        true,
                        b.to() == null ? Long.MAX_VALUE : millis(b.to().plusDays(1)) - 1,
                        true))
                .toArray(LongRange[]::new);
        LongRangeFacetCounts counts = new LongRangeFacetCounts(DATE, result.facetsCollector(), ranges);
        FacetResult fr = counts.getAllChildren(DATE);
        List<SearchResults.FacetCount> values = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            long count = fr.labelValues[i].value.longValue();
            String clause =
                    "date:[" + (b.from() == null ? "*" : b.from()) + " TO " + (b.to() == null ? "*" : b.to()) + "]";
            if (count > 0) {
                values.add(new SearchResults.FacetCount(b.label(), clause, count));
            }
        }
        return values;
    }

    private static long millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private List<SearchResults.Hit> hits(IndexSearcher searcher, Query query, TopDocs page) throws IOException {
        if (page.scoreDocs.length == 0) {
            return List.of();
        }
        var infos = org.apache.lucene.index.FieldInfos.getMergedFieldInfos(searcher.getIndexReader());
        List<String> fields = TEXT_FIELDS.keySet().stream()
                .filter(f -> infos.fieldInfo(f) != null)
                .toList();
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(20_000)
                .withWeightMatches(false)
                .withMaxNoHighlightPassages(0)
                .build();
        int[] passages =
                fields.stream().mapToInt(f -> f.equals("title") ? 1 : 2).toArray();
        Map<String, String[]> highlights =
                highlighter.highlightFields(fields.toArray(String[]::new), query, page, passages);
        List<SearchResults.Hit> hits = new ArrayList<>();
        var stored = searcher.storedFields();
        for (int i = 0; i < page.scoreDocs.length; i++) {
            Document doc = stored.document(page.scoreDocs[i].doc);
            Map<String, String> snippets = new LinkedHashMap<>();
            for (String field : fields) {
                String snippet = highlights.get(field)[i];
                if (!field.equals("title") && snippet != null && snippet.contains("<mark>")) {
                    snippets.put(field, snippet);
                }
            }
            String title = doc.get("title");
            String titleHtml = highlights.get("title")[i];
            if (titleHtml == null || titleHtml.isEmpty()) {
                titleHtml = escape(title);
            }
            hits.add(new SearchResults.Hit(doc.get("displayKey"), title, titleHtml, page.scoreDocs[i].score, snippets));
        }
        return hits;
    }

    static String escape(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;")
                        .replace("'", "&#x27;");
    }

    /**
     * Incidents like {@code key} that {@code reader} may see, best first: text like its title, summary, impact and
     * factors (Lucene's MoreLikeThis, BM25) combined with shared services and factor categories. Empty when the
     * incident is not in the index.
     */
    public List<SimilarIncident> similar(String key, SearchReader reader, int limit) {
        IndexSearcher searcher = acquire();
        try {
            TopDocs self = searcher.search(new TermQuery(new Term(KEY, key.toLowerCase(Locale.ROOT))), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            int docId = self.scoreDocs[0].doc;
            Document doc = searcher.storedFields().document(docId);
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(analyzer);
            mlt.setFieldNames(SIMILAR_FIELDS);
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMaxQueryTerms(50);
            mlt.setBoost(true);
            Query text = mlt.like(docId);
            List<String> services = List.of(doc.getValues("service"));
            List<String> categories = List.of(doc.getValues("category"));
            List<String> tags = List.of(doc.getValues("tag"));
            BooleanQuery.Builder shared = new BooleanQuery.Builder().add(text, Occur.SHOULD);
            services.forEach(s -> shared.add(new BoostQuery(new TermQuery(new Term("service", s)), 2f), Occur.SHOULD));
            categories.forEach(c ->
                    shared.add(new BoostQuery(new TermQuery(new Term("category", c)), 2f), Occur.SHOULD));
            tags.forEach(t -> shared.add(new TermQuery(new Term("tag", t)), Occur.SHOULD));
            Query query = new BooleanQuery.Builder()
                    .add(shared.build(), Occur.MUST)
                    .add(visibleTo(reader), Occur.FILTER)
                    .add(new TermQuery(new Term(KEY, key.toLowerCase(Locale.ROOT))), Occur.MUST_NOT)
                    .build();
            TopDocs top = searcher.search(query, limit);
            List<SimilarIncident> similar = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                Document other = searcher.storedFields().document(sd.doc);
                List<String> reasons = new ArrayList<>();
                for (String s : other.getValues("service")) {
                    if (services.contains(s)) {
                        reasons.add("shared service " + s);
                    }
                }
                for (String c : other.getValues("category")) {
                    if (categories.contains(c)) {
                        reasons.add("factor category " + c);
                    }
                }
                for (String t : other.getValues("tag")) {
                    if (tags.contains(t)) {
                        reasons.add("shared tag " + t);
                    }
                }
                if (searcher.explain(text, sd.doc).isMatch()) {
                    reasons.add("similar wording");
                }
                similar.add(new SimilarIncident(other.get("displayKey"), other.get("title"), sd.score, reasons));
            }
            return similar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    private SortedSetDocValuesReaderState facetState(IndexSearcher searcher) throws IOException {
        SortedSetDocValuesReaderState state = facetState;
        if (state != null && state.getReader() == searcher.getIndexReader()) {
            return state;
        }
        try {
            state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), facetsConfig);
        } catch (IllegalArgumentException noFacetsYet) {
            return null;
        }
        facetState = state;
        return state;
    }

    /** Raw Lucene access for benchmarks comparing this path with a bare query. */
    public IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Releases a searcher from {@link #acquire()}. */
    public void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
