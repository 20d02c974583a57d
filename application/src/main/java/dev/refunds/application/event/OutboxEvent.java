package dev.refunds.application.event;

import dev.refunds.domain.business.BusinessId;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An event of any aggregate, as the outbox keeps and delivers it. The event builds its own webhook body, so a new
 * event type is a new implementation and a new type name; the outbox and its storage need no change.
 */
public interface OutboxEvent {
    String eventId();

    /** The name subscribers see: {@code refund.created} … */
    String typeName();

    BusinessId businessId();

    /** What the event is about. */
    EventSubject subject();

    /** The payment it concerns, if any: the admin payment page shows these events in its timeline. */
    Optional<String> paymentId();

    Instant occurredAt();

    /**
     * The webhook body, delivered as its JSON serialisation in this order ({@code type}, {@code timestamp},
     * {@code data} …; API.md "Webhooks").
     */
    Map<String, Object> body();
}
