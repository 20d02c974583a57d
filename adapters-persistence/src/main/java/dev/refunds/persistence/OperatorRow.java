package dev.refunds.persistence;

import dev.refunds.application.operator.Operator;
import dev.refunds.application.operator.OperatorRole;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code operators}, with the keyed hash of the operator's token (never the token). */
@MappedEntity(value = "operators", escape = false)
record OperatorRow(@Id String operatorId, String name, String role, String tokenHash, long createdAtMs,
                   @Nullable Long revokedAtMs) {

    Operator toDomain() {
        return new Operator(operatorId, name, OperatorRole.valueOf(role), Times.instant(createdAtMs),
                Times.optionalInstant(revokedAtMs));
    }
}
