package dev.refunds.application.event;


/**
 * Events of any aggregate, written in the same transaction as the state change they report; delivered later, at
 * least once, with the body the event built.
 */
public interface EventOutbox {
    void append(OutboxEvent event);

    /** Several events, in this order; a store that can writes them in one statement. */
    default void appendAll(java.util.List<OutboxEvent> events) {
        events.forEach(this::append);
    }
}
