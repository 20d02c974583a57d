package dev.refunds.application.contract;

import dev.refunds.application.event.EventSubject;
import dev.refunds.application.event.OutboxEvent;
import dev.refunds.domain.business.BusinessId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An event of any subject for the outbox contract, its body plain JSON values in a fixed order. */
record ContractEvent(String eventId, String typeName, BusinessId businessId, EventSubject subject,
                     Optional<String> paymentId, Instant occurredAt, String note) implements OutboxEvent {

    static ContractEvent of(BusinessId business, String typeName, EventSubject subject, Instant occurredAt) {
        return new ContractEvent("EVT_" + Rows.suffix(20), typeName, business, subject, Optional.empty(),
                occurredAt, "plain");
    }

    ContractEvent withNote(String text) {
        return new ContractEvent(eventId, typeName, businessId, subject, paymentId, occurredAt, text);
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subjectId", subject.id());
        data.put("note", note);
        data.put("amountMinor", 1050L);
        data.put("final", true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", typeName);
        body.put("timestamp", occurredAt.toString());
        body.put("data", data);
        return body;
    }

    /** {@link #body()} as JSON, written out by hand so that no serialiser is trusted to check another. */
    String json() {
        return "{\"type\":\"" + typeName + "\",\"timestamp\":\"" + occurredAt + "\",\"data\":{\"subjectId\":\""
                + subject.id() + "\",\"note\":\"" + note.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\",\"amountMinor\":1050,\"final\":true}}";
    }
}
