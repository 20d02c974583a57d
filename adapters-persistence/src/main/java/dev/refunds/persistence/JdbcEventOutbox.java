package dev.refunds.persistence;

import dev.refunds.application.event.EventOutbox;
import dev.refunds.application.event.OutboxEvent;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes each event with the webhook body the event built, in the caller's transaction. */
@DatabaseBoundary
@Singleton
class JdbcEventOutbox implements EventOutbox {
    private final OutboxEventRows rows;
    private final JsonMapper json;

    JdbcEventOutbox(OutboxEventRows rows, JsonMapper json) {
        this.rows = rows;
        this.json = json;
    }

    @Override
    public void append(OutboxEvent event) {
        rows.save(row(event));
    }

    @Override
    public void appendAll(List<OutboxEvent> events) {
        if (!events.isEmpty()) {
            rows.saveAll(events.stream().map(this::row).toList());   // one JDBC batch
        }
    }

    private OutboxEventRow row(OutboxEvent event) {
        return new OutboxEventRow(event.eventId(), event.businessId().value(), event.typeName(),
                event.subject().type(), event.subject().id(), event.paymentId().orElse(null), body(event),
                Times.millis(event.occurredAt()), null);
    }

    private String body(OutboxEvent event) {
        try {
            return json.writeValueAsString(event.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the body of event " + event.eventId(), e);
        }
    }
}
