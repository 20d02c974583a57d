package dev.refunds.application.fakes;

import dev.refunds.application.event.EventOutbox;
import dev.refunds.application.event.OutboxEvent;
import dev.refunds.application.view.RefundEvent;
import dev.refunds.application.view.RefundEventType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Keeps every appended event, in order. */
public final class RecordingEventOutbox implements EventOutbox, Snapshottable {
    private final List<OutboxEvent> events = new ArrayList<>();
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
        if (events.stream().anyMatch(seen -> seen.eventId().equals(event.eventId()))) {
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

    public void guardWritesWith(BooleanSupplier inTransaction) {
        guard.guardWith(inTransaction);
    }

    @Override
    public Runnable snapshot() {
        List<OutboxEvent> copy = List.copyOf(events);
        return () -> {
            events.clear();
            events.addAll(copy);
        };
    }
}
