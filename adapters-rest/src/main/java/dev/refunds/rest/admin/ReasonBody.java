package dev.refunds.rest.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {reason}}: why an admin rejects a refund or opens a dispute. */
@Serdeable
record ReasonBody(@Nullable String reason) {
}
