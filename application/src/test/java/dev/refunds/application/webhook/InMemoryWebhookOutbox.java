package dev.refunds.application.webhook;

import dev.refunds.application.view.RefundEventType;
import dev.refunds.domain.business.BusinessId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Outbox events in the order written, each with its payload and whether it was relayed. */
final class InMemoryWebhookOutbox implements WebhookOutbox {
    private final List<Unrelayed> events = new ArrayList<>();
    private final Map<String, String> payloads = new HashMap<>();
    private final Map<String, Instant> relayedAt = new HashMap<>();

    Unrelayed add(String eventId, BusinessId businessId, RefundEventType type, Instant occurredAt) {
        Unrelayed event = new Unrelayed(eventId, businessId, Optional.ofNullable(type), occurredAt);
        events.add(event);
        payloads.put(eventId, "{\"type\":\"" + (type == null ? "x.unknown" : type.wireName()) + "\",\"id\":\""
                + eventId + "\"}");
        return event;
    }

    /** Another relay marks the event between this one's read and its claim. */
    void relayedElsewhere(String eventId, Instant at) {
        relayedAt.put(eventId, at);
    }

    boolean isRelayed(String eventId) {
        return relayedAt.containsKey(eventId);
    }

    @Override
    public List<Unrelayed> unrelayed(int max) {
        return events.stream().filter(event -> !relayedAt.containsKey(event.eventId())).limit(max).toList();
    }

    @Override
    public boolean markRelayed(String eventId, Instant now) {
        return relayedAt.putIfAbsent(eventId, now) == null;
    }

    @Override
    public int markAllRelayed(List<String> eventIds, Instant now) {
        return (int) eventIds.stream().filter(id -> markRelayed(id, now)).count();
    }

    @Override
    public Optional<String> payload(String eventId) {
        return Optional.ofNullable(payloads.get(eventId));
    }
}
