package dev.refunds.webhook;

import dev.refunds.application.webhook.WebhookIds;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Base64;

/** {@code we_…} endpoint and {@code wd_…} delivery ids (100 random bits each) and 256-bit signing secrets. */
@Singleton
final class RandomWebhookIds implements WebhookIds {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int ID_LENGTH = 20;
    /** More than the 24 bytes Standard Webhooks asks for at least: a full SHA-256 block's worth of key. */
    static final int SECRET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String newEndpointId() {
        return "we_" + crockford();
    }

    @Override
    public String newDeliveryId() {
        return "wd_" + crockford();
    }

    @Override
    public String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return StandardWebhookSigner.SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    private String crockford() {
        char[] chars = new char[ID_LENGTH];
        for (int i = 0; i < ID_LENGTH; i++) {
            chars[i] = CROCKFORD[random.nextInt(CROCKFORD.length)];
        }
        return new String(chars);
    }
}
