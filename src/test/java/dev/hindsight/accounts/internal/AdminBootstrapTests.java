package dev.hindsight.accounts.internal;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.accounts.User;
import dev.hindsight.shared.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.env.MockEnvironment;

/** The admin bootstrap when another node creates the admin account at the same moment (several nodes starting). */
class AdminBootstrapTests {

    private final Accounts accounts = mock(Accounts.class);

    @Test
    void setsTheConfiguredPasswordEvenWhenAnotherNodeCreatedTheAdminFirst() {
        when(accounts.ensureAdmin("admin", "configured-password", false))
                .thenThrow(new ConflictException("A user named 'admin' already exists."))
                .thenReturn(mock(User.class));

        assertThatNoException()
                .isThrownBy(() -> new AdminBootstrap(accounts, "configured-password", new MockEnvironment())
                        .run(new DefaultApplicationArguments()));

        verify(accounts, times(2)).ensureAdmin("admin", "configured-password", false);
    }

    @Test
    void startsWithoutAGeneratedPasswordWhenAnotherNodeCreatedTheAdminFirst() {
        when(accounts.anyUser()).thenReturn(false);
        when(accounts.ensureAdmin(anyString(), anyString(), anyBoolean()))
                .thenThrow(new ConflictException("A user named 'admin' already exists."));

        assertThatNoException()
                .isThrownBy(() ->
                        new AdminBootstrap(accounts, "", new MockEnvironment()).run(new DefaultApplicationArguments()));

        verify(accounts).ensureAdmin(anyString(), anyString(), anyBoolean());
    }
}
