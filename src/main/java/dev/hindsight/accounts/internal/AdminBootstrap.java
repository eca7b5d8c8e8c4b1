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
import org.springframework.core.env.Environment;
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
    private final Environment environment;

    AdminBootstrap(
            Accounts accounts,
            @Value("${hindsight.admin-password:}") String configuredPassword,
            Environment environment) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String how = bootstrap();
        String port = environment.getProperty("local.server.port");
        if (port != null) {
            System.out.println();
            System.out.println(" Hindsight is running at http://localhost:" + port + "/");
            System.out.println(" Log in as 'admin' " + how);
            System.out.println();
        }
    }

    private String bootstrap() {
        if (!configuredPassword.isBlank()) {
            try {
                accounts.ensureAdmin("admin", configuredPassword, false);
            } catch (ConflictException createdByAnotherNode) {
                accounts.ensureAdmin("admin", configuredPassword, false);
            }
            log.info(
                    "Admin account 'admin' uses the password from hindsight.admin-password / HINDSIGHT_ADMIN_PASSWORD.");
            return "with the password in HINDSIGHT_ADMIN_PASSWORD.";
        }
        if (accounts.anyUser()) {
            return "with the password printed on first start (set HINDSIGHT_ADMIN_PASSWORD and restart to reset it).";
        }
        String password = generate();
        try {
            accounts.ensureAdmin("admin", password, true);
        } catch (ConflictException | DataIntegrityViolationException createdByAnotherNode) {
            return "with the password printed by the node that started first.";
        }
        String line = "=".repeat(72);
        System.out.println(line);
        System.out.println(" First start: created the admin account.");
        System.out.println("   user:     admin");
        System.out.println("   password: " + password + "   (shown only now; you will be asked to change it)");
        System.out.println(line);
        return "with the password above.";
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
