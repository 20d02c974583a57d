package dev.refunds.rest.admin;

import dev.refunds.application.operator.Operator;
import dev.refunds.application.operator.OperatorRole;
import dev.refunds.rest.Fields;
import dev.refunds.rest.JsonBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {name, role: "ADMIN" | "REVIEWER" | "VIEWER"}}. */
@Serdeable
record CreateOperatorBody(@Nullable String name, @Nullable String role) {
    static CreateOperatorBody from(JsonBody json) {
        return new CreateOperatorBody(json.string("name"), json.string("role"));
    }

    String validName() {
        return Fields.required(name, "name", Operator.NAME_LENGTH_MAX);
    }

    OperatorRole validRole() {
        return Fields.enumValue(role, "role", OperatorRole.class);
    }
}
