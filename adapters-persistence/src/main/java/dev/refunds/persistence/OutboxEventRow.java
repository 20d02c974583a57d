package dev.refunds.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code outbox_events}: one event and the webhook body it is delivered with. */
@MappedEntity(value = "outbox_events", escape = false)
record OutboxEventRow(@Id String eventId, String businessId, String eventType, String refundId, String paymentId,
                      String payload, long occurredAtMs, @Nullable Long relayedAtMs) {
}
