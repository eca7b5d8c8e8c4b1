package dev.hindsight.accounts.internal;

import dev.hindsight.accounts.Accounts;
import dev.hindsight.shared.ConflictException;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * On first start creates the {@code admin} account. Its password comes from {@code hindsight.admin-password} (the
 * HINDSIGHT_ADMIN_PASSWORD environment variable) or is generated, printed once, and must be changed at first login.
 * Setting the variable on a later start resets the admin password to it.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Accounts accounts;
    private final String configuredPassword;

    AdminBootstrap(Accounts accounts, @Value("${hindsight.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!configuredPassword.isBlank()) {
            try {
                accounts.ensureAdmin("admin", configuredPassword, false);
            } catch (ConflictException createdByAnotherNode) {
                accounts.ensureAdmin("admin", configuredPassword, false);
            }
            log.info(
                    "Admin account 'admin' uses the password from hindsight.admin-password / HINDSIGHT_ADMIN_PASSWORD.");
            return;
        }
        if (accounts.anyUser()) {
            return;
        }
        String password = generate();
        try {
            accounts.ensureAdmin("admin", password, true);
        } catch (ConflictException | DataIntegrityViolationException createdByAnotherNode) {
            return;
        }
        String line = "=".repeat(72);
        System.out.println(line);
        System.out.println(" First start: created the admin account.");
        System.out.println("   user:     admin");
        System.out.println("   password: " + password + "   (shown only now; you will be asked to change it)");
        System.out.println(line);
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
