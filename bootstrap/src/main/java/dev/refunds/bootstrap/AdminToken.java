package dev.refunds.bootstrap;

import dev.refunds.application.operator.AdminAuthenticator;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The admin bearer token: {@code REFUNDS_ADMIN_TOKEN}, else generated at first start and logged once. Built at
 * start-up, so a generated token is logged when the service starts. Shared like the API-key secret: its fingerprint
 * is checked against the database ({@link SharedSecretsCheck}).
 */
@Context
final class AdminToken implements AdminAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);
    static final String FILE = "admin-token";

    static final String SETTING = "REFUNDS_ADMIN_TOKEN";

    private final byte[] token;
    private final SharedSecret sharedSecret;

    AdminToken(DataFolderSecrets secrets, @Nullable @Value("${refunds.admin-token:}") String configured,
               @Nullable @Value("${refunds.admin-token-previous:}") String previous) {
        boolean generated = configured == null || configured.isBlank();
        String value = secrets.secret(configured, FILE, "admin token");
        if (generated) {
            LOG.info("Admin token (from the data folder; set REFUNDS_ADMIN_TOKEN to choose one): {}", value);
        }
        this.token = value.getBytes(StandardCharsets.UTF_8);
        this.sharedSecret = SharedSecret.of(SETTING, value, previous, secrets.generatedIn(configured, FILE));
    }

    SharedSecret sharedSecret() {
        return sharedSecret;
    }

    @Override
    public boolean isAdminToken(String presented) {
        return presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
