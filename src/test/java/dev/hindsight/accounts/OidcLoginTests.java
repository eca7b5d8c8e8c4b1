package dev.hindsight.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hindsight.shared.Role;
import dev.hindsight.testing.HttpSession;
import dev.hindsight.testing.TestUsers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Single sign-on through OpenID Connect against a stub identity provider on a loopback port: the real authorization
 * code flow (redirects, state, nonce, signed ID token, user info) driven by a plain HTTP client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OidcLoginTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StubProvider PROVIDER = new StubProvider();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        PROVIDER.start();
        String registration = "spring.security.oauth2.client.registration.sso.";
        registry.add(registration + "client-id", () -> StubProvider.CLIENT_ID);
        registry.add(registration + "client-secret", () -> StubProvider.CLIENT_SECRET);
        registry.add(registration + "scope", () -> "openid,profile,email");
        registry.add("spring.security.oauth2.client.provider.sso.issuer-uri", PROVIDER::issuer);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void offersSingleSignOnOnTheLoginPage() {
        HttpResponse<String> page = HttpSession.withToken(base(), null).get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in with single sign-on").contains("href=\"/oauth2/authorization/sso\"");
    }

    @Test
    void signsInThroughTheProviderAndProvisionsAViewerNamedAfterThePreferredUsername() {
        Identity person = Identity.fresh("Grace.Hopper");

        Browser browser = new Browser();
        HttpResponse<String> landed = browser.signIn(person);

        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(browser.visited)
                .anySatisfy(uri -> assertThat(uri.toString()).startsWith(PROVIDER.issuer() + "/authorize"))
                .anySatisfy(uri -> assertThat(uri.getPath()).isEqualTo("/login/oauth2/code/sso"));
        assertThat(PROVIDER.tokenRequests).contains(person.subject());
        HttpResponse<String> me = browser.get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode user = JSON.readTree(me.body());
        assertThat(user.get("username").asString()).isEqualTo(person.username().toLowerCase());
        assertThat(user.get("role").asString()).isEqualTo("viewer");
        assertThat(user.get("email").asString()).isEqualTo(person.email());
        assertThat(user.get("displayName").asString()).isEqualTo(person.name());
        User stored = accounts.findById(user.get("id").asLong()).orElseThrow();
        assertThat(stored.role()).isEqualTo(Role.VIEWER);
        assertThat(stored.passwordSet()).as("an SSO user has no local password").isFalse();
    }

    @Test
    void mapsASecondSignInWithTheSameSubjectToTheSameUser() {
        Identity person = Identity.fresh("ada");
        Browser first = new Browser();
        first.signIn(person);
        long id = JSON.readTree(first.get("/api/v1/me").body()).get("id").asLong();

        Browser second = new Browser();
        HttpResponse<String> landed = second.signIn(person);

        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(second.get("/api/v1/me").body()).get("id").asLong())
                .isEqualTo(id);
        assertThat(jdbc.sql("select count(*) from users where oidc_subject = ?")
                        .param(person.subject())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from users where username like 'ada%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void refusesSingleSignOnForADisabledUser() {
        Identity person = Identity.fresh("disabled-sso");
        Browser first = new Browser();
        first.signIn(person);
        long id = JSON.readTree(first.get("/api/v1/me").body()).get("id").asLong();
        accounts.setEnabled(TestUsers.admin(accounts), id, false);

        Browser second = new Browser();
        HttpResponse<String> landed = second.signIn(person);

        assertThat(second.visited.getLast().toString()).endsWith("/login?error");
        assertThat(landed.body()).contains("Sign in with single sign-on");
        assertThat(second.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    /** The person the stub provider signs in. */
    record Identity(String subject, String username, String email, String name) {
        static Identity fresh(String username) {
            String unique = UUID.randomUUID().toString().substring(0, 8);
            return new Identity("sub-" + unique, username, username.toLowerCase() + "@example.com", "Person " + unique);
        }
    }

    /** A cookie-keeping HTTP client that follows redirects itself, remembering where it went. */
    final class Browser {

        final List<URI> visited = new ArrayList<>();
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> signIn(Identity person) {
            PROVIDER.next = person;
            return follow(URI.create(base() + "/oauth2/authorization/sso"));
        }

        HttpResponse<String> get(String path) {
            return send(URI.create(base() + path));
        }

        private HttpResponse<String> follow(URI start) {
            URI uri = start;
            for (int hops = 0; hops < 10; hops++) {
                visited.add(uri);
                HttpResponse<String> response = send(uri);
                if (response.statusCode() / 100 != 3) {
                    return response;
                }
                uri = uri.resolve(response.headers().firstValue("Location").orElseThrow());
            }
            throw new IllegalStateException("Too many redirects: " + visited);
        }

        private HttpResponse<String> send(URI uri) {
            try {
                return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A minimal OpenID Connect provider: discovery, keys, authorize (no login screen), token and user info. */
    static final class StubProvider {

        static final String CLIENT_ID = "hindsight";
        static final String CLIENT_SECRET = "secret";

        private final RSAKey key;
        private final Map<String, Grant> grants = new ConcurrentHashMap<>();
        final List<String> tokenRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Map<String, Identity> accessTokens = new ConcurrentHashMap<>();
        volatile Identity next;
        private HttpServer server;

        private record Grant(Identity identity, String nonce) {}

        StubProvider() {
            try {
                key = new RSAKeyGenerator(2048).keyID("stub-key").generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        synchronized void start() {
            if (server != null) {
                return;
            }
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/.well-known/openid-configuration", this::discovery);
            server.createContext("/jwks", exchange -> respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/authorize", this::authorize);
            server.createContext("/token", this::token);
            server.createContext("/userinfo", this::userInfo);
            server.start();
        }

        synchronized void stop() {
            if (server != null) {
                server.stop(0);
            }
        }

        String issuer() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void discovery(HttpExchange exchange) throws IOException {
            String issuer = issuer();
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("issuer", issuer);
            metadata.put("authorization_endpoint", issuer + "/authorize");
            metadata.put("token_endpoint", issuer + "/token");
            metadata.put("userinfo_endpoint", issuer + "/userinfo");
            metadata.put("jwks_uri", issuer + "/jwks");
            metadata.put("response_types_supported", List.of("code"));
            metadata.put("subject_types_supported", List.of("public"));
            metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
            metadata.put("scopes_supported", List.of("openid", "profile", "email"));
            metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
            metadata.put("grant_types_supported", List.of("authorization_code"));
            respond(exchange, 200, JSON.writeValueAsString(metadata));
        }

        private void authorize(HttpExchange exchange) throws IOException {
            Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
            String code = UUID.randomUUID().toString();
            grants.put(code, new Grant(next, query.get("nonce")));
            String location = query.get("redirect_uri") + "?code=" + code + "&state="
                    + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        }

        private void token(HttpExchange exchange) throws IOException {
            String expected = "Basic "
                    + Base64.getEncoder()
                            .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
            Map<String, String> form =
                    parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Grant grant = grants.remove(String.valueOf(form.get("code")));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    || grant == null
                    || !"authorization_code".equals(form.get("grant_type"))) {
                respond(exchange, 400, "{\"error\": \"invalid_grant\"}");
                return;
            }
            Identity identity = grant.identity();
            tokenRequests.add(identity.subject());
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer())
                    .subject(identity.subject())
                    .audience(CLIENT_ID)
                    .claim("nonce", grant.nonce())
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(300)))
                    .claim("email", identity.email())
                    .claim("preferred_username", identity.username())
                    .claim("name", identity.name())
                    .build();
            SignedJWT idToken = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            try {
                idToken.sign(new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            String accessToken = UUID.randomUUID().toString();
            accessTokens.put(accessToken, identity);
            respond(
                    exchange,
                    200,
                    JSON.writeValueAsString(Map.of(
                            "access_token",
                            accessToken,
                            "token_type",
                            "Bearer",
                            "expires_in",
                            300,
                            "scope",
                            "openid profile email",
                            "id_token",
                            idToken.serialize())));
        }

        private void userInfo(HttpExchange exchange) throws IOException {
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            Identity identity = accessTokens.get(authorization.replaceFirst("(?i)^Bearer ", ""));
            if (identity == null) {
                respond(exchange, 401, "{\"error\": \"invalid_token\"}");
                return;
            }
            respond(
                    exchange,
                    200,
                    JSON.writeValueAsString(Map.of(
                            "sub", identity.subject(),
                            "email", identity.email(),
                            "preferred_username", identity.username(),
                            "name", identity.name())));
        }

        private static Map<String, String> parse(String encoded) {
            Map<String, String> values = new LinkedHashMap<>();
            if (encoded == null || encoded.isEmpty()) {
                return values;
            }
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                values.put(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
            return values;
        }

        private static void respond(HttpExchange exchange, int status, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
