package dev.refunds.rest.admin;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.business.RotateApiKeyService;
import dev.refunds.rest.StrictJson;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Duration;

/** {@code {"expiresInSeconds"?: 0–604800}}: how long the old key keeps working (default one day). */
@Serdeable
record RotateKeyBody(@Nullable Long expiresInSeconds) {
    private static final String FIELD = "expiresInSeconds";

    static RotateKeyBody from(@Nullable byte[] json) {
        if (json == null || json.length == 0) {
            return new RotateKeyBody(null);
        }
        JsonNode tree = StrictJson.tree(json);
        if (tree == null || !tree.isObject()) {
            throw new InvalidInputException("body", "The request body must be a JSON object");
        }
        JsonNode value = tree.get(FIELD);
        if (value == null || value.isNull()) {
            return new RotateKeyBody(null);
        }
        if (!value.isNumber()) {
            throw outOfRange();
        }
        BigDecimal seconds = new BigDecimal(value.getNumberValue().toString());
        if (seconds.signum() < 0 || seconds.stripTrailingZeros().scale() > 0
                || seconds.compareTo(BigDecimal.valueOf(RotateApiKeyService.EXPIRY_MAX.toSeconds())) > 0) {
            throw outOfRange();
        }
        return new RotateKeyBody(seconds.longValueExact());
    }

    Duration oldKeyExpiresIn() {
        return expiresInSeconds == null ? RotateApiKeyService.EXPIRY_DEFAULT : Duration.ofSeconds(expiresInSeconds);
    }

    private static InvalidInputException outOfRange() {
        return new InvalidInputException(FIELD, FIELD + " must be a whole number of seconds from 0 to "
                + RotateApiKeyService.EXPIRY_MAX.toSeconds());
    }
}
