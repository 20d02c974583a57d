package dev.refunds.bootstrap;

import dev.refunds.application.shared.SecretFingerprints;
import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * At start-up, before any request: the shared secrets must be the ones the database was first used with. The first
 * instance records their fingerprints; one started with another secret refuses to start (it would answer every
 * merchant 401), naming the setting in one log line (a {@link StartupRefusal}, no stack trace). During a rotation
 * the {@code _PREVIOUS} setting lets the recorded fingerprint move from the old secret to the new one.
 */
@Context
final class SharedSecretsCheck {
    private static final Logger LOG = LoggerFactory.getLogger(SharedSecretsCheck.class);

    SharedSecretsCheck(SecretFingerprints fingerprints, HmacApiKeyHasher apiKeys, AdminToken adminToken) {
        for (SharedSecret secret : List.of(apiKeys.sharedSecret(), adminToken.sharedSecret())) {
            check(fingerprints, secret);
        }
    }

    private static void check(SecretFingerprints fingerprints, SharedSecret secret) {
        Optional<String> recorded = fingerprints.find(secret.setting());
        if (recorded.isEmpty()) {
            recorded = Optional.of(fingerprints.recordIfAbsent(secret.setting(), secret.fingerprint()));
        }
        String stored = recorded.get();
        if (stored.equals(secret.fingerprint())) {
            return;
        }
        if (secret.previousFingerprint().filter(stored::equals).isPresent()
                && fingerprints.replace(secret.setting(), stored, secret.fingerprint())) {
            LOG.info("{} rotated: the database now expects the new secret; instances still running with the"
                    + " previous one must be restarted with the new one", secret.setting());
            return;
        }
        if (fingerprints.find(secret.setting()).filter(secret.fingerprint()::equals).isPresent()) {
            return;   // another instance of the same rotation moved it first
        }
        throw new StartupRefusal(mismatch(secret));
    }

    private static String mismatch(SharedSecret secret) {
        String origin = secret.generatedIn().map(file -> " This instance was given no " + secret.setting()
                + " and uses the one in its own data folder, " + file.toAbsolutePath() + "; give it the one the"
                + " other instances use (or the first instance's data folder file).").orElse("");
        return secret.setting() + " is not the secret this database was first used with (the database keeps a"
                + " keyed fingerprint of it). Every instance on one database must be started with the same "
                + secret.setting() + "." + origin + " To change it, start with " + secret.setting()
                + "_PREVIOUS set to the old one (README, \"Secrets\").";
    }
}
