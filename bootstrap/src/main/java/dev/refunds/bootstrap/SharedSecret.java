package dev.refunds.bootstrap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A secret every instance on one database must share, as {@link SharedSecretsCheck} compares it with the database:
 * its keyed fingerprint, the previous secret's during a rotation, and the data-folder file it came from when it was
 * not configured.
 */
record SharedSecret(String setting, String fingerprint, Optional<String> previousFingerprint,
                    Optional<Path> generatedIn) {
    /** HMAC-SHA-256 keyed with the secret over a fixed label: proves which secret it is without revealing it. */
    private static final byte[] LABEL = "refunds-service shared secret fingerprint v1".getBytes(StandardCharsets.UTF_8);

    static SharedSecret of(String setting, String secret, String previous, Optional<Path> generatedIn) {
        Optional<String> previousFingerprint = previous == null || previous.isBlank()
                ? Optional.empty() : Optional.of(fingerprintOf(previous.strip()));
        return new SharedSecret(setting, fingerprintOf(secret), previousFingerprint, generatedIn);
    }

    static String fingerprintOf(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
