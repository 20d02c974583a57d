package dev.refunds.rest.admin;

import dev.refunds.rest.schema.Formats;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.refunds.application.operator.Operator;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {operatorId, name, role, createdAt, revokedAt}}; never the token. */
@Serdeable
record OperatorView(@Schema(pattern = Formats.ID) String operatorId, String name,
        @Schema(allowableValues = {"VIEWER", "REVIEWER", "ADMIN"}) String role,
        @Schema(format = Formats.DATE_TIME) String createdAt,
        @Nullable @Schema(format = Formats.DATE_TIME) String revokedAt) {
    static OperatorView of(Operator operator) {
        return new OperatorView(operator.operatorId(), operator.name(), operator.role().name(),
                operator.createdAt().toString(), operator.revokedAt().map(Object::toString).orElse(null));
    }
}
