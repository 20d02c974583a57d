package dev.refunds.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** An {@code outbox_events} row's webhook body, by event id: what a group of deliveries sends. */
@MappedEntity(value = "outbox_events", escape = false)
record EventPayloadRow(@Id String eventId, String payload) {
}
