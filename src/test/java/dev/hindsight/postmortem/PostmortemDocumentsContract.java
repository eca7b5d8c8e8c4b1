package dev.hindsight.postmortem;

import static dev.hindsight.incident.IncidentFixtures.sev2;
import static dev.hindsight.incident.IncidentFixtures.with;
import static dev.hindsight.incident.IncidentFixtures.withTimes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.actions.ActionForm;
import dev.hindsight.actions.ActionItems;
import dev.hindsight.analysis.FactorForm;
import dev.hindsight.analysis.RootCauseAnalysis;
import dev.hindsight.audit.AuditEntry;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.ForbiddenException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.NotFoundException;
import dev.hindsight.testing.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The postmortem document rules (layout, edits, versions, history, templates, exports, visibility), on each database. */
@SpringBootTest
@ActiveProfiles("test")
abstract class PostmortemDocumentsContract {

    static final OffsetDateTime START = OffsetDateTime.of(2025, 6, 3, 9, 15, 0, 0, ZoneOffset.UTC);

    @Autowired
    PostmortemDocuments documents;

    @Autowired
    PostmortemTemplates templates;

    @Autowired
    PostmortemExports exports;

    @Autowired
    PostmortemImport importer;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    dev.hindsight.analysis.FishboneAnalysis fishbones;

    @Autowired
    dev.hindsight.timeline.IncidentTimeline timeline;

    @Autowired
    dev.hindsight.faulttrees.FaultTrees faultTrees;

    @Autowired
    RootCauseAnalysis analysis;

    @Autowired
    ActionItems actions;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    Actor admin;
    Actor editor;
    Actor viewer;
    String unique;
    IncidentId incident;

    @BeforeEach
    void setUp() {
        admin = TestUsers.admin(accounts);
        editor = TestUsers.create(accounts, "editor");
        viewer = TestUsers.create(accounts, "viewer");
        unique = UUID.randomUUID().toString().substring(0, 8);
        incident = incidents
                .create(editor, withTimes("Postmortem " + unique, START, 7, 12, 40, 95))
                .id();
    }

    @Test
    void laysOutAnUnwrittenDocumentFromTheDefaultTemplate() {
        Postmortem doc = documents.get(viewer, incident);

        assertThat(doc.stored()).isFalse();
        assertThat(doc.templateName()).isEqualTo("Default");
        assertThat(doc.sections())
                .extracting(Section::key)
                .containsExactlyElementsOf(PostmortemTemplate.DEFAULT.sections().stream()
                        .map(TemplateSection::key)
                        .toList());
        assertThat(doc.sections())
                .extracting(Section::key)
                .contains("summary", "key-times", "timeline", "root-causes", "action-items", "went-well", "got-lucky");
    }

    @Test
    void savesANarrativeSectionAndKeepsItsRevisionAndAuditEntry() {
        Postmortem first =
                documents.saveSection(editor, incident, "what-happened", "A deploy *changed* the pool.\r\n", -1);
        Postmortem second = documents.saveSection(
                editor, incident, "what-happened", "A deploy *changed* the pool size.\nQueues grew.", first.version());

        assertThat(first.version()).isZero();
        assertThat(second.version()).isEqualTo(1);
        assertThat(second.section("what-happened").orElseThrow().body())
                .isEqualTo("A deploy *changed* the pool size.\nQueues grew.");
        List<Revision> history = documents.history(viewer, incident);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).changedBy()).isEqualTo(editor.username());
        assertThat(history.get(0).before()).isEqualTo("A deploy *changed* the pool.");
        assertThat(history.get(0).diff())
                .contains("-A deploy *changed* the pool.", "+A deploy *changed* the pool size.", "+Queues grew.");
        List<AuditEntry> audit = incidents.auditTrail(admin, incident);
        assertThat(audit.get(0).action()).isEqualTo("postmortem-edited");
        assertThat(audit.get(0).changes().get(0).field()).isEqualTo("postmortem.what-happened");
    }

    @Test
    void refusesAStaleEditNamingWhoChangedWhatAndChangesNothing() {
        Postmortem saved = documents.saveSection(editor, incident, "went-well", "Paging worked.", -1);
        Actor other = TestUsers.create(accounts, "editor");
        documents.saveSection(other, incident, "went-wrong", "The dashboard lagged.", saved.version());

        assertThatThrownBy(() -> documents.saveSection(editor, incident, "went-well", "Mine", saved.version()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(other.username())
                .hasMessageContaining("What went wrong")
                .satisfies(e ->
                        assertThat(((ConflictException) e).currentVersion()).isEqualTo(1));
        assertThat(documents
                        .get(viewer, incident)
                        .section("went-well")
                        .orElseThrow()
                        .body())
                .isEqualTo("Paging worked.");
        assertThat(documents.changesSince(editor, incident, saved.version()))
                .extracting(Revision::changedBy)
                .containsExactly(other.username());
    }

    @Test
    void refusesLiveUnknownAndOversizedSectionsAndViewers() {
        assertThatThrownBy(() -> documents.saveSection(editor, incident, "summary", "x", -1))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> documents.saveSection(editor, incident, "no-such", "x", -1))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> documents.saveSection(
                        editor, incident, "went-well", "x".repeat(PostmortemDocuments.MAX_BODY + 1), -1))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .extracting(FieldError::field)
                        .containsExactly("body"));
        assertThatThrownBy(() -> documents.saveSection(viewer, incident, "went-well", "x", -1))
                .isInstanceOf(ForbiddenException.class);
        assertThat(documents.get(viewer, incident).stored()).isFalse();
    }

    @Test
    void assemblesLiveBlocksFromCurrentData() {
        analysis.add(
                editor,
                incident,
                new FactorForm("root_cause", "Pool too small " + unique, "capacity", null, null, List.of()));
        actions.add(
                editor,
                incident,
                new ActionForm(
                        "Alert on pool saturation " + unique,
                        null,
                        "detect",
                        "P1",
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of()));

        RenderedPostmortem doc = documents.render(viewer, incident);

        assertThat(part(doc, "summary").markdown()).isEqualTo("Checkout failing");
        assertThat(part(doc, "key-times").html())
                .contains("<table>", "2025-06-03 09:15 UTC", "Time to detect (TTD)", "7m");
        assertThat(part(doc, "key-times").markdown()).contains("| Time to resolve (TTR) | 1h 35m |");
        assertThat(part(doc, "timeline").markdown()).contains("2025-06-03 09:22 UTC** Detected");
        assertThat(part(doc, "root-causes").markdown()).contains("Pool too small " + unique);
        assertThat(part(doc, "action-items").html()).contains("Alert on pool saturation " + unique);
        assertThat(part(doc, "impact").markdown()).contains("Orders failed", "Users affected: 120");
    }

    @Test
    void showsTheAcceptedTimelineEntriesOnceThereAreAny() {
        timeline.addManual(
                editor,
                incident,
                new dev.hindsight.timeline.EntryForm("2025-06-03T09:18:00Z", "Queue depth alarm " + unique));

        String markdown = part(documents.render(viewer, incident), "timeline").markdown();

        assertThat(markdown)
                .contains("2025-06-03 09:18 UTC** Queue depth alarm " + unique)
                .doesNotContain("Acknowledged");
    }

    @Test
    void rendersNarrativeMarkdownWithoutExecutingRawHtml() {
        documents.saveSection(
                editor,
                incident,
                "went-well",
                "Paging <script>alert(1)</script> **worked** [x](javascript:alert(2))\n\n| a | b |\n| - | - |\n| 1 | 2 |",
                -1);

        String html = part(documents.render(viewer, incident), "went-well").html();

        assertThat(html)
                .contains("<strong>worked</strong>", "&lt;script&gt;", "<table>")
                .doesNotContain("<script>");
        assertThat(html).doesNotContain("javascript:");
    }

    @Test
    void hidesARestrictedIncidentsDocumentFromOutsiders() {
        IncidentId secret = incidents
                .create(editor, with(sev2("Secret " + unique), "SEV2", "restricted", List.of(), List.of()))
                .id();
        documents.saveSection(editor, secret, "went-well", "Secret text", -1);

        assertThatThrownBy(() -> documents.render(viewer, secret)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> exports.markdown(viewer, secret)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> exports.pdf(viewer, secret)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> exports.json(viewer, secret)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> documents.history(viewer, secret)).isInstanceOf(NotFoundException.class);
        assertThat(exports.markdown(admin, secret)).contains("Secret text");
    }

    @Test
    void choosesAnAdminTemplateBySeverityAndCanBeOverridden() {
        String name = "Major " + unique;
        templates.create(
                admin,
                new TemplateForm(
                        name,
                        List.of("SEV1"),
                        List.of(
                                new TemplateForm.SectionForm(null, "Summary", "summary", true, null),
                                new TemplateForm.SectionForm("story", "Story", "narrative", true, "Tell it"),
                                new TemplateForm.SectionForm(null, "Actions", "action_items", false, null))));
        IncidentId sev1 = incidents
                .create(editor, with(sev2("Big " + unique), "SEV1", null, List.of(), List.of()))
                .id();

        assertThat(documents.get(editor, sev1).templateName()).isEqualTo(name);
        assertThat(documents.get(editor, sev1).sections())
                .extracting(Section::key)
                .containsExactly("summary", "story", "actions");

        Postmortem written = documents.saveSection(editor, sev1, "story", "Kept text", -1);
        Postmortem switched = documents.applyTemplate(editor, sev1, "Default", written.version());

        assertThat(switched.templateName()).isEqualTo("Default");
        assertThat(switched.sections().get(0).key()).isEqualTo("summary");
        assertThat(switched.section("story").orElseThrow().body()).isEqualTo("Kept text");
    }

    @Test
    void validatesTemplatesListingEveryBrokenRule() {
        int before = templates.list().size();
        assertThatThrownBy(() -> templates.create(
                        admin,
                        new TemplateForm(
                                " ",
                                List.of("SEV9"),
                                List.of(
                                        new TemplateForm.SectionForm("Bad Key", "T", "narrative", false, null),
                                        new TemplateForm.SectionForm("a", "A", "poem", false, null),
                                        new TemplateForm.SectionForm("a", "", null, false, null)))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .extracting(FieldError::field)
                        .contains(
                                "name",
                                "severities",
                                "sections[0].key",
                                "sections[1].kind",
                                "sections[2].title",
                                "sections[2].key"));
        assertThatThrownBy(() -> templates.create(editor, new TemplateForm("x", List.of(), List.of())))
                .isInstanceOf(ForbiddenException.class);
        assertThat(templates.list()).hasSize(before);
    }

    @Test
    void exportsMarkdownWithFrontMatterThatImportsBackToTheSameDocument() {
        documents.saveSection(
                editor,
                incident,
                "what-happened",
                "## Deeper heading inside\n\nA deploy changed the pool — naïve café.",
                -1);
        documents.saveSection(editor, incident, "went-well", "- paging\n- rollback", 0);

        String markdown = exports.markdown(editor, incident);

        assertThat(markdown)
                .startsWith("---\n")
                .contains(
                        "key: " + incident.key(),
                        "severity: SEV2",
                        "started_at: 2025-06-03T09:15:00Z",
                        "resolved_at: 2025-06-03T10:50:00Z");
        ImportResult result = importer.importFile(admin, "copy.md", markdown, true);
        IncidentId copy = IncidentId.fromKey(result.key());
        assertThat(copy).isNotEqualTo(incident);
        assertSameDocument(copy, incident);
    }

    @Test
    void reimportingAnExportUpdatesTheSameIncident() {
        documents.saveSection(editor, incident, "went-well", "Old", -1);
        String markdown = exports.markdown(editor, incident).replace("\nOld\n", "\nNew text\n");

        ImportResult result = importer.importFile(admin, "same.md", markdown, false);

        assertThat(result.key()).isEqualTo(incident.key());
        assertThat(result.created()).isFalse();
        assertThat(documents
                        .get(viewer, incident)
                        .section("went-well")
                        .orElseThrow()
                        .body())
                .isEqualTo("New text");
    }

    @Test
    void refusesABadFileChangingNothing() {
        long before =
                jdbc.sql("select count(*) from incidents").query(Long.class).single();
        assertThatThrownBy(() -> importer.importFile(admin, "bad.md", "no front matter here", false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bad.md");
        assertThatThrownBy(() -> importer.importFile(admin, "bad.md", "---\ntitle: [unclosed\n---\nbody", false))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> importer.importFile(
                        admin, "bad.md", "---\ntitle: Times\nstart_time: yesterday\n---\nbody", false))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .extracting(FieldError::field)
                        .containsExactly("start_time"));
        assertThatThrownBy(() -> importer.importFile(
                        admin,
                        "bad.md",
                        "---\ntitle: Order\nstart_time: 2024-01-02T10:00:00Z\nend_time: 2024-01-01T10:00:00Z\nproduct: order-check-"
                                + unique + "\n---\nbody",
                        false))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> importer.importFile(editor, "ok.md", "---\ntitle: x\n---\n", false))
                .isInstanceOf(ForbiddenException.class);
        assertThat(jdbc.sql("select count(*) from incidents").query(Long.class).single())
                .isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from services where name = ?")
                        .param("order-check-" + unique)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void makesAPdfWithTheTitleAndNonAsciiText() throws Exception {
        IncidentId accented = incidents
                .create(editor, withTimes("Panne du café " + unique + " — Zürich", START, 7, 12, 40, 95))
                .id();
        documents.saveSection(editor, accented, "what-happened", "Le réseau a été saturé.", -1);

        byte[] pdf = exports.pdf(viewer, accented);

        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Panne du café " + unique, "Le réseau a été saturé.", "Timeline", "Detected");
        }
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(new ByteArrayInputStream(pdf).available()).isGreaterThan(1000);
    }

    @Test
    void drawsFishboneAndFaultTreeDiagramsIntoTheExports() throws Exception {
        fishbones.create(editor, incident, "Checkout slow " + unique);
        faultTrees.importMef(editor, incident, "Cooling " + unique, TWO_PUMPS, null);

        RenderedPostmortem doc = documents.render(viewer, incident);
        assertThat(part(doc, "diagrams").diagrams())
                .extracting(RenderedPostmortem.Diagram::title)
                .containsExactly("Fishbone: Checkout slow " + unique, "Fault tree: Cooling " + unique);
        assertThat(exports.html(viewer, incident)).contains("<svg", "Fault tree: Cooling " + unique);

        byte[] pdf = exports.pdfWithDiagrams(viewer, incident);
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Fault tree: Cooling " + unique);
        }
    }

    static final String TWO_PUMPS = """
            <?xml version="1.0"?>
            <opsa-mef>
              <define-fault-tree name="cooling">
                <define-gate name="top"><and><basic-event name="pump-a"/><basic-event name="pump-b"/></and></define-gate>
                <define-basic-event name="pump-a"><float value="0.01"/></define-basic-event>
                <define-basic-event name="pump-b"><float value="0.02"/></define-basic-event>
              </define-fault-tree>
            </opsa-mef>
            """;

    void assertSameDocument(IncidentId copy, IncidentId original) {
        var a = incidents.get(admin, original);
        var b = incidents.get(admin, copy);
        assertThat(b.title()).isEqualTo(a.title());
        assertThat(b.summary()).isEqualTo(a.summary());
        assertThat(b.severity()).isEqualTo(a.severity());
        assertThat(b.status()).isEqualTo(a.status());
        assertThat(b.visibility()).isEqualTo(a.visibility());
        assertThat(b.serviceNames()).isEqualTo(a.serviceNames());
        assertThat(b.tags()).containsExactlyInAnyOrderElementsOf(a.tags());
        assertThat(b.impact()).isEqualTo(a.impact());
        assertThat(b.keyTimes().asMap().values().stream()
                        .map(t -> t == null ? null : t.toInstant())
                        .toList())
                .isEqualTo(a.keyTimes().asMap().values().stream()
                        .map(t -> t == null ? null : t.toInstant())
                        .toList());
        Postmortem pa = documents.get(admin, original);
        Postmortem pb = documents.get(admin, copy);
        assertThat(pb.templateName()).isEqualTo(pa.templateName());
        assertThat(pb.sections())
                .extracting(Section::key, Section::title, Section::kind, Section::required, Section::body)
                .containsExactlyElementsOf(pa.sections().stream()
                        .map(s -> org.assertj.core.groups.Tuple.tuple(
                                s.key(), s.title(), s.kind(), s.required(), s.body()))
                        .toList());
    }

    static RenderedPostmortem.Part part(RenderedPostmortem doc, String key) {
        return doc.parts().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
    }
}
