package dev.hindsight.accounts.web;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.User;
import dev.hindsight.accounts.internal.HindsightPrincipal;
import dev.hindsight.shared.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Sends a user whose password was set by someone else (the generated admin password, or one an admin set) to change it
 * first: pages redirect to the account page; API requests (with a session or an API token) are refused with a 403
 * problem saying so, until the password is changed on the account page.
 */
@Component
class PasswordChangeInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final Accounts accounts;

    PasswordChangeInterceptor(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
                .excludePathPatterns(
                        "/account",
                        "/account/**",
                        "/login",
                        "/logout",
                        "/css/**",
                        "/js/**",
                        "/webjars/**",
                        "/error",
                        "/api/**",
                        "/actuator/**");
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if (mustChangePassword()) {
                            throw new ForbiddenException("Change your password first: your password was set by"
                                    + " someone else, so the API is closed to you until you choose your own on the"
                                    + " account page (/account).");
                        }
                        return true;
                    }
                })
                .addPathPatterns("/api/**")
                .excludePathPatterns("/api/v1/openapi.json", "/api/v1/docs", "/api/v1/docs/**");
    }

    private boolean mustChangePassword() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getPrincipal() instanceof HindsightPrincipal principal
                && accounts.findById(principal.userId())
                        .map(User::mustChangePassword)
                        .orElse(false);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!"GET".equals(request.getMethod())) {
            return true;
        }
        if (mustChangePassword()) {
            response.sendRedirect(request.getContextPath() + "/account?change-password");
            return false;
        }
        return true;
    }
}
