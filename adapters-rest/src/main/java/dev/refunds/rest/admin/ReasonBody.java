package dev.refunds.rest.admin;

import dev.refunds.rest.JsonBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {reason}}: why an admin rejects a refund or opens a dispute. */
@Serdeable
record ReasonBody(@Nullable String reason) {
    static ReasonBody from(JsonBody json) {
        return new ReasonBody(json.string("reason"));
    }
}
