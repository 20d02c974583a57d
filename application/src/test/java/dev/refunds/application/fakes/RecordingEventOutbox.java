package dev.refunds.application.fakes;

import dev.refunds.application.event.EventOutbox;
import dev.refunds.application.event.OutboxEvent;
import dev.refunds.application.view.RefundEvent;
import dev.refunds.application.view.RefundEventType;
import dev.refunds.application.webhook.WebhookEventTypes;
import dev.refunds.application.webhook.WebhookOutbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Keeps every appended event, in order, and which of them the relay marked (its side of the outbox too). */
public final class RecordingEventOutbox implements EventOutbox, WebhookOutbox, Snapshottable {
    private final List<OutboxEvent> events = new ArrayList<>();
    private final Map<String, Instant> relayedAt = new HashMap<>();
    private final WriteGuard guard = new WriteGuard();

    private RuntimeException nextFailure;

    @Override
    public void append(OutboxEvent event) {
        guard.check("outbox append");
        if (nextFailure != null) {
            RuntimeException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
        if (isAppended(event.eventId())) {
            throw new IllegalStateException("duplicate event id " + event.eventId());
        }
        events.add(event);
    }

    /** The next append throws {@code failure} instead of recording, as a failing outbox insert would. */
    public void failNextAppend(RuntimeException failure) {
        nextFailure = failure;
    }

    /** Every event appended, in order. */
    public List<OutboxEvent> all() {
        return List.copyOf(events);
    }

    /** The refund events appended, in order. */
    public List<RefundEvent> events() {
        return events.stream().filter(RefundEvent.class::isInstance).map(RefundEvent.class::cast).toList();
    }

    public List<RefundEventType> types() {
        return events().stream().map(RefundEvent::type).toList();
    }

    /** The last event appended; fails when there is none. */
    public RefundEvent last() {
        List<RefundEvent> refundEvents = events();
        if (refundEvents.isEmpty()) {
            throw new IllegalStateException("no event was appended");
        }
        return refundEvents.get(refundEvents.size() - 1);
    }

    @Override
    public List<Unrelayed> unrelayed(int max) {
        return events.stream().filter(event -> !relayedAt.containsKey(event.eventId())).limit(max)
                .map(event -> new Unrelayed(event.eventId(), event.businessId(),
                        WebhookEventTypes.byWireName(event.typeName()), event.occurredAt())).toList();
    }

    @Override
    public boolean markRelayed(String eventId, Instant now) {
        guard.check("outbox mark");
        return isAppended(eventId) && relayedAt.putIfAbsent(eventId, now) == null;
    }

    @Override
    public int markAllRelayed(List<String> eventIds, Instant now) {
        return (int) eventIds.stream().filter(id -> markRelayed(id, now)).count();
    }

    @Override
    public Optional<String> payload(String eventId) {
        return events.stream().filter(event -> event.eventId().equals(eventId)).findFirst()
                .map(event -> JsonText.of(event.body()));
    }

    private boolean isAppended(String eventId) {
        return events.stream().anyMatch(event -> event.eventId().equals(eventId));
    }

    public void guardWritesWith(BooleanSupplier inTransaction) {
        guard.guardWith(inTransaction);
    }

    @Override
    public Runnable snapshot() {
        List<OutboxEvent> copy = List.copyOf(events);
        Map<String, Instant> relayedCopy = Map.copyOf(relayedAt);
        return () -> {
            events.clear();
            events.addAll(copy);
            relayedAt.clear();
            relayedAt.putAll(relayedCopy);
        };
    }
}
