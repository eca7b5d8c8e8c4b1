package dev.hindsight.accounts.internal;

import dev.hindsight.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    AccountUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select id, username, password_hash, role, enabled from users where username = ?")
                .param(username == null ? "" : username.trim().toLowerCase())
                .query((rs, n) -> new AccountPrincipal(
                        rs.getLong("id"),
                        rs.getString("username"),
                        rs.getString("password_hash") == null ? "{noop}\u0000unusable" : rs.getString("password_hash"),
                        Role.valueOf(rs.getString("role")),
                        rs.getBoolean("enabled")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
