package dev.hindsight.accounts.web;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.User;
import dev.hindsight.accounts.internal.HindsightPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Sends a user whose password was set by someone else (the generated admin password) to change it first. */
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
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!"GET".equals(request.getMethod())) {
            return true;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof HindsightPrincipal principal) {
            boolean mustChange = accounts.findById(principal.userId())
                    .map(User::mustChangePassword)
                    .orElse(false);
            if (mustChange) {
                response.sendRedirect(request.getContextPath() + "/account?change-password");
                return false;
            }
        }
        return true;
    }
}
