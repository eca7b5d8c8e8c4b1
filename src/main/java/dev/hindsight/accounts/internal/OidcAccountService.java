package dev.hindsight.accounts.internal;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.User;
import dev.hindsight.shared.Role;
import java.io.Serial;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Maps a person who signed in at the identity provider to a local user, creating one on first sign-in. */
class OidcAccountService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final Accounts accounts;
    private final Role defaultRole;

    OidcAccountService(Accounts accounts, Role defaultRole) {
        this.accounts = accounts;
        this.defaultRole = defaultRole;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = delegate.loadUser(request);
        User user = accounts.provisionOidcUser(
                        String.valueOf(oidc.getIssuer()),
                        oidc.getSubject(),
                        oidc.getPreferredUsername(),
                        oidc.getEmail(),
                        oidc.getFullName(),
                        defaultRole)
                .orElseThrow(() -> new OAuth2AuthenticationException(
                        new OAuth2Error("account_disabled", "This Hindsight account is disabled.", null)));
        return new OidcAccountUser(user, oidc);
    }

    /** A user signed in through OpenID Connect, carrying the local user id. */
    static final class OidcAccountUser extends DefaultOidcUser implements HindsightPrincipal {

        @Serial
        private static final long serialVersionUID = 1L;

        private final long userId;
        private final String username;

        OidcAccountUser(User user, OidcUser oidc) {
            super(AccountPrincipal.authorities(user.role()), oidc.getIdToken(), oidc.getUserInfo());
            this.userId = user.id();
            this.username = user.username();
        }

        @Override
        public long userId() {
            return userId;
        }

        @Override
        public String getName() {
            return username;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OidcAccountUser other && other.userId == userId && super.equals(o);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(userId);
        }
    }
}
