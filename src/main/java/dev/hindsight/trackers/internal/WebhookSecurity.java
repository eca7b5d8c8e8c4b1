package dev.hindsight.trackers.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The tracker webhooks carry no login: they are authenticated by their HMAC signature (or shared secret), checked by
 * the endpoint itself, so this chain lets them through without a session or CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain trackerWebhooks(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/webhooks/github", "/api/v1/webhooks/jira")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
