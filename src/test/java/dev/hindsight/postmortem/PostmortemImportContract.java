package dev.hindsight.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentFilter;
import dev.hindsight.incident.IncidentId;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.incident.PageRequest;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.SharedData;
import dev.hindsight.testing.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Importing the 169 real public postmortems of {@code ../shared/data/postmortems}: every file imports, a sample
 * carries the right title, times, services, tags and text, and exporting an imported one then importing the export
 * gives the same document.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PostmortemImportContract {

    @Autowired
    PostmortemImport importer;

    @Autowired
    PostmortemDocuments documents;

    @Autowired
    PostmortemExports exports;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    Actor admin;
    Map<String, ImportResult> byFile;

    @BeforeAll
    void importAll() throws IOException {
        admin = TestUsers.admin(accounts);
        Path dir = SharedData.require("postmortems");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        byFile = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            byFile.put(name, importer.importFile(admin, name, Files.readString(file, StandardCharsets.UTF_8), false));
        }
    }

    @Test
    void importsEveryRealPostmortem() {
        assertThat(byFile).hasSize(169);
        assertThat(byFile.values()).allSatisfy(r -> {
            assertThat(r.errors()).as(r.file()).isEmpty();
            assertThat(r.key()).as(r.file()).startsWith("INC-");
        });
        assertThat(byFile.values().stream().map(ImportResult::key).distinct()).hasSize(169);
        long stored = jdbc.sql("select count(*) from postmortems where source_ref is not null and source_ref in ("
                        + String.join(
                                ",",
                                byFile.keySet().stream()
                                        .map(f -> "'" + f.replace(".md", "") + "'")
                                        .toList())
                        + ")")
                .query(Long.class)
                .single();
        assertThat(stored).isEqualTo(169);
    }

    @Test
    void reimportingUpdatesTheSameIncidents() throws IOException {
        String name = "3c389d32-40ff-464d-ae81-655e85250aa2.md";
        ImportResult again =
                importer.importFile(admin, name, Files.readString(SharedData.require("postmortems/" + name)), false);

        assertThat(again.created()).isFalse();
        assertThat(again.key()).isEqualTo(byFile.get(name).key());
    }

    @Test
    void mapsFieldsOfAFileWithTimesInUtc() {
        Incident i = incident("3c389d32-40ff-464d-ae81-655e85250aa2.md");

        assertThat(i.title())
                .isEqualTo("Google Cloud Networking issues in Europe and other regions on November 12, 2021");
        assertThat(i.keyTimes().startedAt().toInstant())
                .isEqualTo(OffsetDateTime.parse("2021-11-12T08:30:00Z").toInstant());
        assertThat(i.keyTimes().resolvedAt().toInstant())
                .isEqualTo(OffsetDateTime.parse("2021-11-12T10:14:00Z").toInstant());
        assertThat(i.serviceNames()).containsExactly("cloud-load-balancing");
        assertThat(i.tags()).contains("automation", "config-change", "cloud-load-balancing", "us-central1");
        assertThat(i.severity().label()).isEqualTo("SEV3");
        assertThat(i.summary()).startsWith("Google’s Front End load balancing service");
        assertThat(i.links())
                .extracting(l -> l.url())
                .contains("https://status.cloud.google.com/incidents/1xkAB1KmLrh5g3v9ZEZ7");
        Postmortem doc = documents.get(admin, i.id());
        assertThat(doc.templateName()).isEqualTo("Default");
        assertThat(doc.section("what-happened").orElseThrow().body()).isNotBlank();
    }

    @Test
    void mapsNumericOffsetsToTheSameInstant() {
        Incident i = incident("36858814-a276-4723-8bd2-ce1d46236417.md");

        assertThat(i.keyTimes().startedAt().toInstant())
                .isEqualTo(OffsetDateTime.parse("2025-10-20T06:48:00Z").toInstant());
        assertThat(i.keyTimes().resolvedAt().toInstant())
                .isEqualTo(OffsetDateTime.parse("2025-10-20T21:20:00Z").toInstant());
        assertThat(i.serviceNames()).containsExactly("dynamodb");
    }

    @Test
    void toleratesQuotedValuesEmptyTimesAndABlankFirstLine() {
        Incident i = incident("6d1c63bd-3529-4120-8a00-18ee6647f3f0.md");

        assertThat(i.title()).isEqualTo("Allegro incident");
        assertThat(i.keyTimes().startedAt()).isNull();
        assertThat(i.keyTimes().resolvedAt())
                .as("no end time and no publication date: resolved when imported")
                .isAfter(OffsetDateTime.parse("2026-01-01T00:00:00Z"));
        assertThat(i.serviceNames()).containsExactly("allegro");
        assertThat(i.links()).extracting(l -> l.url()).contains("http://allegro.tech/allegro-cast-post-mortem.html");
    }

    @Test
    void takesThePublicationDateAsResolvedTimeWhenThereIsNoEndTime() {
        Incident i = incident("3ca9020c-e384-4964-98b6-68268d9e42ec.md");

        assertThat(i.title()).isEqualTo("How I Broke `git push heroku main`");
        assertThat(i.keyTimes().startedAt()).isNull();
        assertThat(i.keyTimes().resolvedAt().toInstant())
                .isEqualTo(OffsetDateTime.parse("2020-10-01T20:30:00Z").toInstant());
        assertThat(i.tags()).contains("401", "kernel-app", "config-change");
        assertThat(i.serviceNames()).containsExactly("git-server-component");
    }

    @Test
    void keepsNonAsciiTextAndIsSearchable() {
        Incident i = incident("018edf27-f738-448d-8c46-947cd3b6d5b0.md");

        assertThat(i.title()).isEqualTo("Homebrew GitHub token leak from Jenkins");
        assertThat(i.summary()).contains("Homebrew’s Jenkins");
        var found = incidents.list(
                admin,
                new IncidentFilter(List.of(), List.of(), null, null, null, null, null, "Homebrew GitHub token leak"),
                PageRequest.FIRST);
        assertThat(found.items()).extracting(Incident::key).contains(i.key());
    }

    @Test
    void roundTripsASampleOfImportedPostmortemsThroughTheMarkdownExport() {
        List<String> names = List.copyOf(byFile.keySet());
        Random random = new Random(6);
        for (int n = 0; n < 8; n++) {
            String name = names.get(random.nextInt(names.size()));
            IncidentId original = IncidentId.fromKey(byFile.get(name).key());
            String markdown = exports.markdown(admin, original);
            ImportResult copy = importer.importFile(admin, "copy-" + name, markdown, true);
            IncidentId copyId = IncidentId.fromKey(copy.key());
            Incident a = incidents.get(admin, original);
            Incident b = incidents.get(admin, copyId);
            assertThat(b.title()).as(name).isEqualTo(a.title());
            assertThat(b.summary()).as(name).isEqualTo(a.summary());
            assertThat(b.serviceNames()).as(name).isEqualTo(a.serviceNames());
            assertThat(b.tags()).as(name).containsExactlyInAnyOrderElementsOf(a.tags());
            assertThat(b.links()).as(name).isEqualTo(a.links());
            assertThat(b.keyTimes().asMap().values().stream()
                            .map(t -> t == null ? null : t.toInstant())
                            .toList())
                    .as(name)
                    .isEqualTo(a.keyTimes().asMap().values().stream()
                            .map(t -> t == null ? null : t.toInstant())
                            .toList());
            Postmortem pa = documents.get(admin, original);
            Postmortem pb = documents.get(admin, copyId);
            assertThat(pb.sections())
                    .as(name)
                    .extracting(Section::key, Section::title, Section::kind, Section::body)
                    .containsExactlyElementsOf(pa.sections().stream()
                            .map(s -> org.assertj.core.groups.Tuple.tuple(s.key(), s.title(), s.kind(), s.body()))
                            .toList());
        }
    }

    Incident incident(String file) {
        return incidents.get(admin, IncidentId.fromKey(byFile.get(file).key()));
    }
}
