package dev.refunds.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Standard Webhooks signatures: {@code v1,} + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)), the
 * key being the base64-decoded part of the secret after {@code whsec_}.
 */
final class StandardWebhookSigner {
    static final String SECRET_PREFIX = "whsec_";
    static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";

    private StandardWebhookSigner() {
    }

    static String signature(String secret, String webhookId, long timestampSeconds, String body) {
        String content = webhookId + "." + timestampSeconds + "." + body;
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key(secret), ALGORITHM));
            return VERSION + "," + Base64.getEncoder().encodeToString(
                    mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        byte[] key = Base64.getDecoder().decode(encoded);
        if (key.length == 0) {
            throw new IllegalArgumentException("a webhook secret is never empty");
        }
        return key;
    }
}
