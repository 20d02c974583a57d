package dev.refunds.bootstrap;

import dev.refunds.application.port.ApiKeyHasher;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * HMAC-SHA-256 of the API key under a server secret. An API key is 256 random bits, so nothing is gained from a
 * slow password hash, whose cost every request would pay; the secret means a stolen table alone proves nothing.
 */
@Singleton
final class HmacApiKeyHasher implements ApiKeyHasher {
    private static final String ALGORITHM = "HmacSHA256";
    static final String FILE = "api-key-secret";

    private final SecretKeySpec key;

    HmacApiKeyHasher(DataFolderSecrets secrets, @Nullable @Value("${refunds.api-key-secret:}") String configured) {
        byte[] secret = secrets.secret(configured, FILE, "API key hashing secret").getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(secret, ALGORITHM);
        hash("self-check");   // fail at start-up, not on the first request, if the JDK lacks the algorithm
    }

    @Override
    public String hash(String apiKey) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    @Override
    public boolean matches(String apiKey, String storedHash) {
        byte[] presented = hash(apiKey).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(presented, storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
