package dev.refunds.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The columns of an {@code outbox_events} row the relay needs to fan it out: not its payload. */
@MappedEntity(value = "outbox_events", escape = false)
record UnrelayedEventRow(@Id String eventId, String businessId, String eventType, long occurredAtMs) {
}
