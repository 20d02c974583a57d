package dev.refunds.application.webhook;

import dev.refunds.application.view.RefundEventType;
import dev.refunds.domain.business.BusinessId;

import java.time.Instant;
import java.util.List;
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

    /** An event waiting for the relay; {@code type} is empty for a type this version does not know. */
    record Unrelayed(String eventId, BusinessId businessId, Optional<RefundEventType> type, Instant occurredAt) {
    }
}
