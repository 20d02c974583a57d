package dev.refunds.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code outbox_events}: one event of any subject and the webhook body it is delivered with. */
@MappedEntity(value = "outbox_events", escape = false)
record OutboxEventRow(@Id String eventId, String businessId, String eventType, String subjectType, String subjectId,
                      @Nullable String paymentId, String payload, long occurredAtMs, @Nullable Long relayedAtMs) {
}
