package dev.refunds.application.webhook;

import dev.refunds.application.view.RefundEventType;
import dev.refunds.domain.business.BusinessId;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The relay's side of the outbox: events not yet fanned out to deliveries. An event is relayed once, by whoever
 * marks it first; several instances may read the same batch.
 */
public interface WebhookOutbox {
    /** Events not relayed yet, oldest first. */
    List<Unrelayed> unrelayed(int max);

    /** Marks the event relayed, in the caller's transaction; false when another relay marked it first. */
    boolean markRelayed(String eventId, Instant now);

    /** Marks these events relayed (they have no subscriber); those marked already stay as they are. */
    int markAllRelayed(List<String> eventIds, Instant now);

    /** The webhook body stored with the event, exactly as it is sent and signed. */
    Optional<String> payload(String eventId);

    /** The bodies of these events by event id, in one read where the store can; events gone are left out. */
    default Map<String, String> payloads(Collection<String> eventIds) {
        Map<String, String> found = new HashMap<>();
        eventIds.forEach(eventId -> payload(eventId).ifPresent(payload -> found.put(eventId, payload)));
        return found;
    }

    /** An event waiting for the relay; {@code type} is empty for a type this version does not know. */
    record Unrelayed(String eventId, BusinessId businessId, Optional<RefundEventType> type, Instant occurredAt) {
    }
}
