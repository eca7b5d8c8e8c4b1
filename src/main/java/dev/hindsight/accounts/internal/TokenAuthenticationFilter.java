package dev.hindsight.accounts.internal;

import dev.hindsight.accounts.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer hs_...} requests by API token; a bad token gets 401 at once. */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    TokenAuthenticationFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasBearer(request)) {
            String secret =
                    request.getHeader(HttpHeaders.AUTHORIZATION).substring(7).trim();
            var actor = tokens.authenticate(secret);
            if (actor.isEmpty()) {
                Problems.write(
                        response,
                        401,
                        "unauthorized",
                        "Unauthorized",
                        "The API token is unknown or revoked. Create one under Account → API tokens.");
                return;
            }
            var a = actor.get();
            var principal = new AccountPrincipal(a.userId(), a.username(), "", a.role(), true);
            var authentication =
                    UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication);
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
