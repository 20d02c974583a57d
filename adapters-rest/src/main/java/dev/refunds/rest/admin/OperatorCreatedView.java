package dev.refunds.rest.admin;

import dev.refunds.application.operator.CreatedOperator;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {operatorId, name, role, token}}: the token is shown here, once. */
@Serdeable
record OperatorCreatedView(String operatorId, String name, String role, String token) {
    static final String TOKEN_REDACTED = "(shown once, when the operator was created)";

    static OperatorCreatedView of(CreatedOperator created) {
        return new OperatorCreatedView(created.operator().operatorId(), created.operator().name(),
                created.operator().role().name(), created.token());
    }

    OperatorCreatedView redacted() {
        return new OperatorCreatedView(operatorId, name, role, TOKEN_REDACTED);
    }
}
