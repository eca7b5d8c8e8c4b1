package dev.hindsight.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.shared.Actor;
import dev.hindsight.shared.ConflictException;
import dev.hindsight.shared.FieldError;
import dev.hindsight.shared.ForbiddenException;
import dev.hindsight.shared.InvalidInputException;
import dev.hindsight.shared.Role;
import dev.hindsight.testing.HttpSession;
import dev.hindsight.testing.TestUsers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Accounts: the first-start admin, passwords, user rules, disabled users, forced password change and CSRF on forms.
 * No admin password is configured here, so the context starts like a first start with a generated one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hindsight.admin-password=")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class AccountsTests {

    private static final Pattern PRINTED_PASSWORD = Pattern.compile("password:\\s+(\\S+)\\s+\\(shown only now");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ApplicationContext context;

    String unique;

    @BeforeEach
    void setUp() {
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    String base() {
        return "http://localhost:" + port;
    }

    String hashOf(long userId) {
        return jdbc.sql("select password_hash from users where id = ?")
                .param(userId)
                .query(String.class)
                .single();
    }

    long userCount() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    long incidentCount() {
        return jdbc.sql("select count(*) from incidents").query(Long.class).single();
    }

    @Test
    void bootstrapsTheFirstAdminWithAGeneratedPasswordThatMustBeChangedAtFirstLogin(CapturedOutput output)
            throws Exception {
        Matcher printed = PRINTED_PASSWORD.matcher(output.getOut());
        assertThat(printed.find()).as("the generated password is printed once").isTrue();
        String generated = printed.group(1);
        User admin = accounts.findByUsername("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.mustChangePassword()).isTrue();
        assertThat(generated).hasSize(16);
        assertThat(passwords.matches(generated, hashOf(admin.id()))).isTrue();

        String hash = hashOf(admin.id());
        context.getBean("adminBootstrap", ApplicationRunner.class).run(new DefaultApplicationArguments());
        assertThat(hashOf(admin.id())).as("a later start keeps the password").isEqualTo(hash);

        HttpSession session = HttpSession.login(base(), "admin", generated);
        HttpResponse<String> page = session.get("/incidents");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/account?change-password"));

        HttpResponse<String> changed = session.postForm(
                "/account/password",
                Map.of(
                        "currentPassword",
                        generated,
                        "newPassword",
                        "a-brand-new-admin-password",
                        "_csrf",
                        session.csrfFrom("/account")));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(session.get("/incidents").statusCode()).isEqualTo(200);
        assertThat(accounts.findByUsername("admin").orElseThrow().mustChangePassword())
                .isFalse();
    }

    @Test
    void refusesAPasswordChangeWithTheWrongCurrentPasswordAndChangesNothing() {
        Actor user = TestUsers.create(accounts, "viewer");
        String before = hashOf(user.userId());

        assertThatThrownBy(() -> accounts.changeOwnPassword(user, "not-my-password", "a-good-new-password"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("currentPassword"));

        assertThat(hashOf(user.userId())).isEqualTo(before);
    }

    @Test
    void refusesATooShortNewPasswordAndChangesNothing() {
        Actor user = TestUsers.create(accounts, "viewer");
        String before = hashOf(user.userId());

        assertThatThrownBy(() -> accounts.changeOwnPassword(user, TestUsers.PASSWORD, "short"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("newPassword"));

        assertThat(hashOf(user.userId())).isEqualTo(before);
        HttpSession.login(base(), user.username(), TestUsers.PASSWORD);
    }

    @Test
    void changesTheOwnPasswordWhenTheCurrentOneMatches() {
        Actor user = TestUsers.create(accounts, "viewer");

        accounts.changeOwnPassword(user, TestUsers.PASSWORD, "another-long-password");

        assertThat(passwords.matches("another-long-password", hashOf(user.userId())))
                .isTrue();
        assertThatThrownBy(() -> HttpSession.login(base(), user.username(), TestUsers.PASSWORD))
                .isInstanceOf(IllegalStateException.class);
        HttpSession.login(base(), user.username(), "another-long-password");
    }

    @Test
    void storesPasswordsOnlyAsBcryptHashes() {
        Actor user = TestUsers.create(accounts, "editor");
        accounts.changeOwnPassword(user, TestUsers.PASSWORD, "changed-secret-" + unique);

        String hash = hashOf(user.userId());
        assertThat(hash).startsWith("{bcrypt}$2");
        assertThat(passwords.matches("changed-secret-" + unique, hash)).isTrue();
        Map<String, Object> row = jdbc.sql("select * from users where id = ?")
                .param(user.userId())
                .query()
                .singleRow();
        assertThat(row.values())
                .noneSatisfy(value -> assertThat(String.valueOf(value)).contains("changed-secret-" + unique));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "-starts-with-dash", "has space", "ümlaut", "semi;colon"})
    void rejectsABadUsernameAndCreatesNothing(String username) {
        long before = userCount();

        assertThatThrownBy(() ->
                        accounts.create(TestUsers.admin(accounts), new UserForm(username, null, null, "viewer", null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .contains("username"));
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void rejectsATooLongUsername() {
        assertThatThrownBy(() -> accounts.create(
                        TestUsers.admin(accounts), new UserForm("x".repeat(64), null, null, "viewer", null)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(accounts.findByUsername("x".repeat(64))).isEmpty();
    }

    @Test
    void rejectsADuplicateUsernameWhateverItsCaseAsAConflict() {
        Actor admin = TestUsers.admin(accounts);
        accounts.create(admin, new UserForm("dup-" + unique, null, null, "viewer", null));
        long before = userCount();

        assertThatThrownBy(() -> accounts.create(admin, new UserForm("DUP-" + unique, null, null, "editor", null)))
                .isInstanceOf(ConflictException.class);
        assertThat(userCount()).isEqualTo(before);
        assertThat(accounts.findByUsername("dup-" + unique).orElseThrow().role())
                .isEqualTo(Role.VIEWER);
    }

    @Test
    void rejectsAnUnknownRoleAShortPasswordAndABadEmailTogether() {
        long before = userCount();

        assertThatThrownBy(() -> accounts.create(
                        TestUsers.admin(accounts),
                        new UserForm("fields-" + unique, null, "not-an-email", "superuser", "short")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactlyInAnyOrder("role", "password", "email"));
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void letsOnlyAdminsCreateUsers() {
        Actor editor = TestUsers.create(accounts, "editor");

        assertThatThrownBy(
                        () -> accounts.create(editor, new UserForm("by-editor-" + unique, null, null, "viewer", null)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(accounts.findByUsername("by-editor-" + unique)).isEmpty();
    }

    @Test
    void locksOutADisabledUserFromTheLoginFormAndTheApi() {
        Actor user = TestUsers.create(accounts, "editor");
        HttpSession token =
                HttpSession.withToken(base(), tokens.create(user, "cli").secret());
        HttpSession.login(base(), user.username(), TestUsers.PASSWORD);
        assertThat(token.get("/api/v1/me").statusCode()).isEqualTo(200);

        accounts.setEnabled(TestUsers.admin(accounts), user.userId(), false);

        assertThatThrownBy(() -> HttpSession.login(base(), user.username(), TestUsers.PASSWORD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Login failed");
        assertThat(token.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void sendsAUserWhosePasswordAnAdminResetToChangeItBeforeAnyPage() {
        Actor user = TestUsers.create(accounts, "editor");
        accounts.update(
                TestUsers.admin(accounts),
                user.userId(),
                new UserForm(user.username(), null, null, "editor", "reset-by-admin-1"));
        HttpSession session = HttpSession.login(base(), user.username(), "reset-by-admin-1");

        HttpResponse<String> page = session.get("/incidents");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/account?change-password"));
        assertThat(session.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void refusesApiRequestsOfAUserWhoMustChangeTheirPasswordUntilTheyDo() {
        Actor user = TestUsers.create(accounts, "editor");
        HttpSession token =
                HttpSession.withToken(base(), tokens.create(user, "cli").secret());
        assertThat(token.get("/api/v1/incidents").statusCode()).isEqualTo(200);
        accounts.update(
                TestUsers.admin(accounts),
                user.userId(),
                new UserForm(user.username(), null, null, "editor", "reset-by-admin-2"));
        HttpSession session = HttpSession.login(base(), user.username(), "reset-by-admin-2");
        long before = incidentCount();

        for (HttpResponse<String> refused : java.util.List.of(
                token.get("/api/v1/incidents"),
                token.get("/api/v1/me"),
                token.postJson("/api/v1/incidents", "{\"title\": \"Blocked " + unique + "\", \"severity\": \"SEV2\"}"),
                session.get("/api/v1/incidents"))) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
            assertThat(refused.body()).contains("Change your password first");
        }
        assertThat(incidentCount()).as("a refused request creates nothing").isEqualTo(before);

        accounts.changeOwnPassword(user, "reset-by-admin-2", "my-own-new-password");

        assertThat(token.get("/api/v1/incidents").statusCode()).isEqualTo(200);
        assertThat(session.get("/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAFormPostWithoutTheCsrfTokenAndCreatesNothing() {
        Actor editor = TestUsers.create(accounts, "editor");
        HttpSession session = HttpSession.login(base(), editor.username(), TestUsers.PASSWORD);
        long before = incidentCount();

        HttpResponse<String> forged =
                session.postForm("/incidents", Map.of("title", "Forged " + unique, "severity", "SEV2"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(incidentCount()).isEqualTo(before);

        HttpResponse<String> genuine = session.postForm(
                "/incidents",
                Map.of("title", "Genuine " + unique, "severity", "SEV2", "_csrf", session.csrfFrom("/incidents/new")));
        assertThat(genuine.statusCode())
                .as("the same form with the token is accepted")
                .isEqualTo(302);
        assertThat(incidentCount()).isEqualTo(before + 1);
    }
}
