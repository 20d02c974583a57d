package dev.refunds.bootstrap;

import dev.refunds.application.business.ApiKeyHasher;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * HMAC-SHA-256 of the API key under a server secret. An API key is 256 random bits, so nothing is gained from a
 * slow password hash, whose cost every request would pay; the secret means a stolen table alone proves nothing.
 */
@Singleton
final class HmacApiKeyHasher implements ApiKeyHasher {
    private static final String ALGORITHM = "HmacSHA256";
    static final String FILE = "api-key-secret";

    static final String SETTING = "REFUNDS_API_KEY_SECRET";

    /** A Mac per thread and secret: looking the algorithm up again for every request showed in the profile. */
    private final ThreadLocal<Mac> key;
    /** During a rotation: the old secret, so keys hashed with it keep working (README, "Secrets"). */
    private final Optional<ThreadLocal<Mac>> previousKey;
    private final SharedSecret sharedSecret;

    HmacApiKeyHasher(DataFolderSecrets secrets, @Nullable @Value("${refunds.api-key-secret:}") String configured,
                     @Nullable @Value("${refunds.api-key-secret-previous:}") String previous) {
        String secret = secrets.secret(configured, FILE, "API key hashing secret");
        this.key = macs(secret);
        this.previousKey = previous == null || previous.isBlank() ? Optional.empty()
                : Optional.of(macs(previous.strip()));
        this.sharedSecret = SharedSecret.of(SETTING, secret, previous, secrets.generatedIn(configured, FILE));
        hash("self-check");   // fail at start-up, not on the first request, if the JDK lacks the algorithm
    }

    SharedSecret sharedSecret() {
        return sharedSecret;
    }

    @Override
    public String hash(String apiKey) {
        return hash(key, apiKey);
    }

    private static String hash(ThreadLocal<Mac> key, String apiKey) {
        return HexFormat.of().formatHex(key.get().doFinal(apiKey.getBytes(StandardCharsets.UTF_8)));
    }

    private static ThreadLocal<Mac> macs(String secret) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        return ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA-256 is not available", e);
            }
        });
    }

    @Override
    public boolean matches(String apiKey, String storedHash) {
        byte[] stored = storedHash.getBytes(StandardCharsets.US_ASCII);
        boolean current = MessageDigest.isEqual(hash(key, apiKey).getBytes(StandardCharsets.US_ASCII), stored);
        return current || previousKey.filter(old -> MessageDigest.isEqual(
                hash(old, apiKey).getBytes(StandardCharsets.US_ASCII), stored)).isPresent();
    }
}
