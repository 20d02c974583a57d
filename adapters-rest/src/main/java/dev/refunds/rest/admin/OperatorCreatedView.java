package dev.refunds.rest.admin;

import dev.refunds.rest.schema.Formats;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.refunds.application.operator.CreatedOperator;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {operatorId, name, role, token}}: the token is shown here, once. */
@Serdeable
record OperatorCreatedView(@Schema(pattern = Formats.ID) String operatorId, String name,
        @Schema(allowableValues = {"VIEWER", "REVIEWER", "ADMIN"}) String role,
        @Schema(description = "The operator's bearer token, shown once, here") String token) {
    static final String TOKEN_REDACTED = "(shown once, when the operator was created)";

    static OperatorCreatedView of(CreatedOperator created) {
        return new OperatorCreatedView(created.operator().operatorId(), created.operator().name(),
                created.operator().role().name(), created.token());
    }

    OperatorCreatedView redacted() {
        return new OperatorCreatedView(operatorId, name, role, TOKEN_REDACTED);
    }
}
