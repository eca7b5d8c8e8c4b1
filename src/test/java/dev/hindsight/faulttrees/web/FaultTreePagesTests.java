package dev.hindsight.faulttrees.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.faulttrees.FaultTrees;
import dev.hindsight.faulttrees.StoredFaultTree;
import dev.hindsight.incident.Incident;
import dev.hindsight.incident.IncidentFixtures;
import dev.hindsight.incident.IncidentManagement;
import dev.hindsight.shared.Actor;
import dev.hindsight.testing.HttpSession;
import dev.hindsight.testing.TestUsers;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The fault tree editor pages over real HTTP with form login: forms without JavaScript, htmx answers, roles. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FaultTreePagesTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    FaultTrees trees;

    Actor editor;
    Incident incident;

    @BeforeEach
    void setUp() {
        editor = TestUsers.create(accounts, "editor");
        incident = incidents.create(editor, IncidentFixtures.sev2("Fault tree pages"));
    }

    HttpSession login(Actor actor) {
        return HttpSession.login("http://localhost:" + port, actor.username(), TestUsers.PASSWORD);
    }

    @Test
    void createsATreeWithAFormAndEditsItWithoutJavaScript() {
        HttpSession session = login(editor);
        String list = "/incidents/" + incident.key() + "/fault-trees";
        String csrf = session.csrfFrom(list);

        HttpResponse<String> refused = session.postForm(
                list + "/new",
                Map.of(
                        "name",
                        "Tree",
                        "topName",
                        "Top",
                        "topType",
                        "or",
                        "childKind",
                        "basic-event",
                        "childName",
                        "Top",
                        "childProbability",
                        "2",
                        "_csrf",
                        csrf));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("id=\"create-errors\"")
                .contains("is used twice")
                .contains("must be between 0 and 1");
        assertThat(trees.list(editor, incident.id())).isEmpty();

        HttpResponse<String> created = session.postForm(
                list + "/new",
                Map.of(
                        "name",
                        "Tree",
                        "topName",
                        "Top",
                        "topType",
                        "or",
                        "childKind",
                        "basic-event",
                        "childName",
                        "Cause",
                        "childProbability",
                        "0.25",
                        "_csrf",
                        csrf));
        assertThat(created.statusCode()).isEqualTo(302);
        StoredFaultTree tree = trees.list(editor, incident.id()).get(0);
        String page = list + "/" + tree.id();
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(page));

        HttpResponse<String> added = session.postForm(
                page + "/nodes/add",
                Map.of(
                        "version",
                        "0",
                        "parent",
                        "Top",
                        "kind",
                        "house-event",
                        "name",
                        "Maintenance",
                        "state",
                        "true",
                        "type",
                        "or",
                        "_csrf",
                        csrf));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(session.get(page).body())
                .contains("data-node=\"Maintenance\"")
                .contains("1.000000");

        HttpResponse<String> stale = session.send(
                "POST",
                page + "/nodes/update?version=0&node=Cause&probability=0.5",
                null,
                Map.of("HX-Request", "true", "X-CSRF-TOKEN", csrf));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("id=\"ft-editor\"").contains("changed by someone else");

        HttpResponse<String> invalid = session.send(
                "POST",
                page + "/nodes/update?version=1&node=Cause&probability=abc",
                null,
                Map.of("HX-Request", "true", "X-CSRF-TOKEN", csrf));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("id=\"ft-error\"").contains("is not a number");
        assertThat(trees.get(editor, incident.id(), tree.id()).version()).isEqualTo(1);
    }

    @Test
    void showsViewersTheTreeWithoutFormsAndRefusesTheirChanges() {
        StoredFaultTree tree = trees.create(
                editor,
                incident.id(),
                "Viewed",
                dev.hindsight.faulttrees.FaultTreeNodeForm.gate(
                        "Top", "or", null, dev.hindsight.faulttrees.FaultTreeNodeForm.basicEvent("Cause", 0.1)));
        String page = "/incidents/" + incident.key() + "/fault-trees/" + tree.id();
        HttpSession viewer = login(TestUsers.create(accounts, "viewer"));

        HttpResponse<String> read = viewer.get(page);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("data-node=\"Cause\"").doesNotContain("ft-add-Top");

        String csrf = viewer.csrfFrom("/account");
        assertThat(viewer.postForm(
                                page + "/nodes/add",
                                Map.of(
                                        "version",
                                        "0",
                                        "parent",
                                        "Top",
                                        "kind",
                                        "basic-event",
                                        "name",
                                        "X",
                                        "_csrf",
                                        csrf))
                        .statusCode())
                .isEqualTo(403);
        assertThat(trees.get(editor, incident.id(), tree.id()).version()).isZero();
    }
}
