package dev.hindsight.accounts.internal;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.ApiTokens;
import dev.hindsight.shared.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Who may reach what. Pages use form login (or OpenID Connect when a provider is configured) with sessions stored in
 * the database, so any node can serve any request; the API also takes API tokens. Only the login page, static assets
 * and health probes are open to anonymous users.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession(tableName = "spring_session")
class SecurityConfiguration {

    private static final String[] PUBLIC = {
        "/login",
        "/css/**",
        "/js/**",
        "/img/**",
        "/webjars/**",
        "/favicon.ico",
        "/error",
        "/actuator/health",
        "/actuator/health/**"
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_EDITOR\nROLE_EDITOR > ROLE_VIEWER");
    }

    @Bean
    CookieSerializer cookieSerializer(@Value("${hindsight.secure-cookie:auto}") String secure) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName("HINDSIGHT_SESSION");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        switch (secure) {
            case "always" -> serializer.setUseSecureCookie(true);
            case "never" -> serializer.setUseSecureCookie(false);
            default -> {}
        }
        return serializer;
    }

    @Bean
    TokenAuthenticationFilter tokenAuthenticationFilter(ApiTokens tokens) {
        return new TokenAuthenticationFilter(tokens);
    }

    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<TokenAuthenticationFilter> tokenFilterRegistration(
            TokenAuthenticationFilter filter) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenAuthenticationFilter tokens) throws Exception {
        RequestMatcher bearer = TokenAuthenticationFilter::hasBearer;
        RequestMatcher withoutSession = request -> !hasSessionCookie(request);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .addFilterBefore(tokens, UsernamePasswordAuthenticationFilter.class)
                .csrf(csrf -> csrf.ignoringRequestMatchers(bearer, withoutSession))
                .exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) -> Problems.write(
                                response,
                                401,
                                "unauthorized",
                                "Unauthorized",
                                "Log in, or send an API token as 'Authorization: Bearer hs_...'."))
                        .accessDeniedHandler((request, response, e) -> Problems.write(
                                response,
                                403,
                                "forbidden",
                                "Forbidden",
                                isCsrf(request, e)
                                        ? "Missing or stale CSRF token: send the X-CSRF-TOKEN header, or use an API token."
                                        : "Your role does not allow this.")));
        return http.build();
    }

    /** A request that carries no session cookie cannot be a cross-site request riding on a login. */
    private static boolean hasSessionCookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return false;
        }
        for (var cookie : request.getCookies()) {
            if (cookie.getName().equals("HINDSIGHT_SESSION")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCsrf(HttpServletRequest request, Exception e) {
        return e instanceof org.springframework.security.web.csrf.CsrfException;
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            TokenAuthenticationFilter tokens,
            ObjectProvider<ClientRegistrationRepository> oidcClients,
            Accounts accounts,
            @Value("${hindsight.oidc-default-role:viewer}") String oidcDefaultRole)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/**")
                        .hasRole("VIEWER")
                        .anyRequest()
                        .hasRole("VIEWER"))
                .addFilterBefore(tokens, UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/incidents", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(
                        headers -> headers.referrerPolicy(referrer ->
                                        referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                                .contentSecurityPolicy(
                                        csp -> csp.policyDirectives(
                                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
        if (oidcClients.getIfAvailable() != null) {
            Role role = Role.parse(oidcDefaultRole)
                    .orElseThrow(() -> new IllegalStateException(
                            "hindsight.oidc-default-role must be viewer, editor or admin, not '" + oidcDefaultRole
                                    + "'"));
            OidcAccountService users = new OidcAccountService(accounts, role);
            http.oauth2Login(oauth -> oauth.loginPage("/login").userInfoEndpoint(info -> info.oidcUserService(users)));
        }
        return http.build();
    }
}
