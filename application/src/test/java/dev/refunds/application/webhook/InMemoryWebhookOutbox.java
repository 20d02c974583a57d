package dev.refunds.application.webhook;

import dev.refunds.application.event.EventSubject;
import dev.refunds.application.event.OutboxEvent;
import dev.refunds.application.fakes.RecordingEventOutbox;
import dev.refunds.application.view.RefundEventType;
import dev.refunds.domain.business.BusinessId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The relay's side of the application's fake outbox ({@link RecordingEventOutbox}, which keeps the outbox contract
 * as the JDBC adapter does), with events written straight into it.
 */
final class InMemoryWebhookOutbox implements WebhookOutbox {
    private final RecordingEventOutbox outbox = new RecordingEventOutbox();

    /** An event of {@code type} ({@code null}: a type this version does not know), appended. */
    Unrelayed add(String eventId, BusinessId businessId, RefundEventType type, Instant occurredAt) {
        outbox.append(new Written(eventId, type == null ? "x.unknown" : type.wireName(), businessId, occurredAt));
        return new Unrelayed(eventId, businessId, Optional.ofNullable(type), occurredAt);
    }

    /** Another relay marks the event between this one's read and its claim. */
    void relayedElsewhere(String eventId, Instant at) {
        outbox.markRelayed(eventId, at);
    }

    boolean isRelayed(String eventId) {
        return payload(eventId).isPresent()
                && outbox.unrelayed(Integer.MAX_VALUE).stream().noneMatch(event -> event.eventId().equals(eventId));
    }

    @Override
    public List<Unrelayed> unrelayed(int max) {
        return outbox.unrelayed(max);
    }

    @Override
    public boolean markRelayed(String eventId, Instant now) {
        return outbox.markRelayed(eventId, now);
    }

    @Override
    public int markAllRelayed(List<String> eventIds, Instant now) {
        return outbox.markAllRelayed(eventIds, now);
    }

    @Override
    public Optional<String> payload(String eventId) {
        return outbox.payload(eventId);
    }

    private record Written(String eventId, String typeName, BusinessId businessId, Instant occurredAt)
            implements OutboxEvent {
        @Override
        public EventSubject subject() {
            return new EventSubject(EventSubject.REFUND, "REF_" + eventId);
        }

        @Override
        public Optional<String> paymentId() {
            return Optional.empty();
        }

        @Override
        public Map<String, Object> body() {
            return Map.of("type", typeName, "id", eventId);
        }
    }
}
