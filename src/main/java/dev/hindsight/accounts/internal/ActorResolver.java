package dev.hindsight.accounts.internal;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.shared.Actor;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets any controller take an {@link Actor} parameter: the signed-in user, read fresh from the database on each
 * request so a changed role or a disabled account takes effect at once on every node.
 */
@Component
class ActorResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final Accounts accounts;

    ActorResolver(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof HindsightPrincipal principal) {
            return accounts.actor(principal.userId())
                    .orElseThrow(() -> new InsufficientAuthenticationException("Account disabled"));
        }
        throw new InsufficientAuthenticationException("Not signed in");
    }
}
