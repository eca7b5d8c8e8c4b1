package dev.hindsight.accounts.web;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.ApiToken;
import dev.hindsight.accounts.ApiTokens;
import dev.hindsight.accounts.IssuedToken;
import dev.hindsight.accounts.Team;
import dev.hindsight.accounts.User;
import dev.hindsight.accounts.UserForm;
import dev.hindsight.shared.Actor;
import dev.hindsight.shared.NotFoundException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Users, teams and API tokens over JSON. */
@RestController
@RequestMapping("/api/v1")
class AccountsApi {

    private final Accounts accounts;
    private final ApiTokens tokens;

    AccountsApi(Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    record UserView(long id, String username, String displayName, String email, String role, boolean enabled) {
        static UserView of(User u) {
            return new UserView(
                    u.id(), u.username(), u.displayName(), u.email(), u.role().label(), u.enabled());
        }
    }

    record EnabledChange(boolean enabled) {}

    record TeamRequest(String name, String description, List<Long> memberIds) {}

    record TokenRequest(String name) {}

    record TokenView(long id, String name, String prefix, String createdAt, String lastUsedAt, String revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(
                    t.id(),
                    t.name(),
                    t.prefix() + "…",
                    String.valueOf(t.createdAt()),
                    t.lastUsedAt() == null ? null : t.lastUsedAt().toString(),
                    t.revokedAt() == null ? null : t.revokedAt().toString());
        }
    }

    record IssuedTokenView(TokenView token, String secret) {}

    @GetMapping("/me")
    UserView me(Actor actor) {
        return UserView.of(accounts.findById(actor.userId()).orElseThrow());
    }

    @GetMapping("/users")
    List<UserView> users(Actor actor) {
        return accounts.list().stream().map(UserView::of).toList();
    }

    @PostMapping("/users")
    ResponseEntity<UserView> createUser(Actor actor, @RequestBody UserForm form) {
        User user = accounts.create(actor, form);
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(UserView.of(user));
    }

    @PutMapping("/users/{id}")
    UserView updateUser(Actor actor, @PathVariable long id, @RequestBody UserForm form) {
        return UserView.of(accounts.update(actor, id, form));
    }

    @PutMapping("/users/{id}/enabled")
    UserView enable(Actor actor, @PathVariable long id, @RequestBody EnabledChange change) {
        accounts.setEnabled(actor, id, change.enabled());
        return UserView.of(accounts.findById(id).orElseThrow(() -> new NotFoundException("No user with id " + id)));
    }

    @GetMapping("/teams")
    List<Team> teams(Actor actor) {
        return accounts.teams();
    }

    @PostMapping("/teams")
    ResponseEntity<Team> createTeam(Actor actor, @RequestBody TeamRequest request) {
        Team team = accounts.createTeam(
                actor,
                request.name(),
                request.description(),
                request.memberIds() == null ? List.of() : request.memberIds());
        return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(team);
    }

    @PutMapping("/teams/{id}/members")
    Team members(Actor actor, @PathVariable long id, @RequestBody List<Long> memberIds) {
        return accounts.updateTeamMembers(actor, id, memberIds);
    }

    @GetMapping("/tokens")
    List<TokenView> tokens(Actor actor) {
        return tokens.list(actor).stream().map(TokenView::of).toList();
    }

    @PostMapping("/tokens")
    ResponseEntity<IssuedTokenView> createToken(Actor actor, @RequestBody TokenRequest request) {
        IssuedToken issued = tokens.create(actor, request.name());
        return ResponseEntity.created(
                        URI.create("/api/v1/tokens/" + issued.token().id()))
                .body(new IssuedTokenView(TokenView.of(issued.token()), issued.secret()));
    }

    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> revoke(Actor actor, @PathVariable long id) {
        tokens.revoke(actor, id);
        return ResponseEntity.noContent().build();
    }
}
