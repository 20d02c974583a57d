package dev.refunds.persistence;

import dev.refunds.application.port.EventOutbox;
import dev.refunds.application.view.RefundEvent;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes each event with the webhook body it will be delivered with, in the caller's transaction. */
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
    public void append(RefundEvent event) {
        rows.save(new OutboxEventRow(event.eventId(), event.businessId().value(), event.type().wireName(),
                event.refund().refundId(), event.payment().paymentId(), body(event), Times.millis(event.occurredAt()),
                null));
    }

    private String body(RefundEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("refund", event.refund());
        data.put("payment", event.payment());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type().wireName());
        body.put("timestamp", event.occurredAt().toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the body of event " + event.eventId(), e);
        }
    }
}
