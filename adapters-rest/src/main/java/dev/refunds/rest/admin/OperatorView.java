package dev.refunds.rest.admin;

import dev.refunds.application.operator.Operator;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {operatorId, name, role, createdAt, revokedAt}}; never the token. */
@Serdeable
record OperatorView(String operatorId, String name, String role, String createdAt, String revokedAt) {
    static OperatorView of(Operator operator) {
        return new OperatorView(operator.operatorId(), operator.name(), operator.role().name(),
                operator.createdAt().toString(), operator.revokedAt().map(Object::toString).orElse(null));
    }
}
