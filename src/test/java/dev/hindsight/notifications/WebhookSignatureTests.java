package dev.hindsight.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Signatures as GitHub makes them, checked against GitHub's published example and by flipping bytes. */
class WebhookSignatureTests {

    @Test
    void matchesTheExampleInGitHubsDocumentation() {
        // https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
        byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        String expected = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

        assertThat(WebhookSignature.sign("It's a Secret to Everybody", body)).isEqualTo(expected);
        assertThat(WebhookSignature.verify("It's a Secret to Everybody", body, expected))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void rejectsAnyChangedByteAWrongSecretOrAMissingPrefix(long seed) {
        Random random = new Random(seed);
        byte[] body = new byte[1 + random.nextInt(2000)];
        random.nextBytes(body);
        String secret = "secret-" + random.nextLong();
        String signature = WebhookSignature.sign(secret, body);
        assertThat(WebhookSignature.verify(secret, body, signature)).isTrue();

        byte[] tampered = body.clone();
        tampered[random.nextInt(body.length)] ^= (byte) (1 + random.nextInt(255));
        assertThat(WebhookSignature.verify(secret, tampered, signature)).isFalse();
        assertThat(WebhookSignature.verify(secret + "x", body, signature)).isFalse();
        assertThat(WebhookSignature.verify(secret, body, signature.substring("sha256=".length())))
                .isFalse();
        assertThat(WebhookSignature.verify(secret, body, null)).isFalse();
    }
}
