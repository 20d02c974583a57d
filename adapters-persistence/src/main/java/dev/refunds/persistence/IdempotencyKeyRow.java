package dev.refunds.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code idempotency_keys}, written by the statements of {@link IdempotencyKeyRows} (new keys whole). */
@MappedEntity(value = "idempotency_keys", escape = false)
record IdempotencyKeyRow(@io.micronaut.data.annotation.Id String idemKey, String scope, String requestHash,
                         String ownerToken, long leaseUntilMs, @Nullable Integer responseStatus,
                         @Nullable String responseBody, long createdAtMs) {
}
